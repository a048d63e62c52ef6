import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type DatabaseKind } from "@/db/connect";

export type TestDatabase = { kind: DatabaseKind; open: () => Promise<DatabaseHandle & { drop: () => Promise<void> }> };

/**
 * The databases integration tests run against: always an in-memory PGlite, and a real PostgreSQL as well when
 * DATABASE_URL is set (CI sets it). Each open() gives a fresh, migrated, empty database.
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      kind: "pglite",
      open: async () => {
        const handle = await openDatabase({ kind: "pglite", dataDir: "memory" });
        return { ...handle, drop: handle.close };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      kind: "postgres",
      open: async () => {
        const name = `threadline_t_${randomBytes(6).toString("hex")}`;
        const admin = postgres(url, { max: 1, onnotice: () => {} });
        await admin.unsafe(`create database ${name}`);
        const dbUrl = new URL(url);
        dbUrl.pathname = `/${name}`;
        const handle = await openDatabase({ kind: "postgres", url: dbUrl.toString(), max: 5 });
        return {
          ...handle,
          drop: async () => {
            await handle.close();
            await admin.unsafe(`drop database if exists ${name} with (force)`);
            await admin.end({ timeout: 5 });
          },
        };
      },
    });
  }
  return list;
}
