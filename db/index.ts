import "server-only";
import { TransactionRollbackError } from "drizzle-orm";
import { connectOptionsFromEnv, openDatabase, type DatabaseHandle, type Tx } from "./connect";
import { seedDatabase, type SeedResult } from "./seed";
import { resolveAuthSecret } from "@/lib/server/auth-secret";

export type { Db, DbOrTx, Tx, DatabaseKind } from "./connect";

type Holder = { handle?: Promise<DatabaseHandle> };
// One connection per process, shared by instrumentation, route handlers and server components (separate bundles).
const holder: Holder = ((globalThis as { __threadlineDb?: Holder }).__threadlineDb ??= {});

/** The process's database, opened, migrated and seeded on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.handle ??= openAndSeed().catch((error: unknown) => {
    holder.handle = undefined;
    throw error;
  });
  return holder.handle;
}

export async function getDb() {
  return (await getDatabase()).db;
}

/** Tests and scripts install their own database (e.g. in-memory PGlite). */
export function installDatabase(handle: DatabaseHandle): void {
  holder.handle = Promise.resolve(handle);
}

async function openAndSeed(): Promise<DatabaseHandle> {
  const handle = await openDatabase(connectOptionsFromEnv());
  reportSeed(await seedDatabase(handle.db, { authSecret: resolveAuthSecret() }));
  return handle;
}

function reportSeed(result: SeedResult): void {
  if (!result.admin) return;
  // Printed once, when the admin is created; the password is never stored in plain text.
  const lines = [
    "",
    "  Threadline is ready. Sign in with:",
    `    email:    ${result.admin.email}`,
    `    password: ${result.admin.generated ? result.admin.password : "(the ADMIN_PASSWORD you set)"}`,
    "",
  ];
  console.log(lines.join("\n"));
}

/** Runs `work` in one transaction on the process's database; only the outermost caller opens one. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(work);
}

/** True for the error tx.rollback() throws to end a transaction on purpose. */
export function isRollback(error: unknown): boolean {
  return error instanceof TransactionRollbackError;
}
