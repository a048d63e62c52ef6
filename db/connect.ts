import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { sql } from "drizzle-orm";
import * as schema from "./schema";
import { dataDirectory } from "@/lib/server/data-directory";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: functions that only join a transaction take this. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";
export type DatabaseHandle = { db: Db; kind: DatabaseKind; close: () => Promise<void> };

export type ConnectOptions =
  | { kind: "postgres"; url: string; max?: number }
  /** dataDir "memory" keeps everything in memory (tests). */
  | { kind: "pglite"; dataDir: string };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function connectOptionsFromEnv(): ConnectOptions {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "postgres", url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) };
  return { kind: "pglite", dataDir: path.join(dataDirectory(), "pglite") };
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** Opens the database and applies every pending migration. */
export async function openDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {}, connect_timeout: 5 });
    const db = drizzle(client, { schema, casing: "snake_case" });
    try {
      await db.execute(sql`select 1`);
    } catch (error) {
      await client.end({ timeout: 1 });
      throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${redactUrl(options.url)}: ${describe(error)}`);
    }
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db: db as unknown as Db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = options.dataDir === "memory";
  const releaseLock = inMemory ? () => {} : lockDataDirectory(options.dataDir);
  let client: InstanceType<typeof PGlite>;
  try {
    client = inMemory ? new PGlite() : new PGlite(options.dataDir);
    await client.waitReady;
  } catch (error) {
    releaseLock();
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${options.dataDir}: ${describe(error)}`);
  }
  const db = drizzle(client, { schema, casing: "snake_case" });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * Two processes on one PGlite directory corrupt it silently, so the first one takes a lock file holding its pid.
 * A lock left by a dead process is taken over.
 */
function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = `${dataDir}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseUnavailableError(
        `the embedded database in ${dataDir} is already open in process ${pid}; stop it first or set DATA_DIR to another folder`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function describe(error: unknown): string {
  // drizzle wraps driver errors as "Failed query: …"; the driver's own error says what went wrong.
  if (error instanceof Error && error.cause instanceof Error) return describe(error.cause);
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}

/** The applied migrations, newest last, for /api/health. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number }[];
  return rows[0]?.count ?? 0;
}

export function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}
