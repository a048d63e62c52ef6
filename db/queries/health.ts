import "server-only";
import { appliedMigrationCount, connectOptionsFromEnv, migrationTags, type DatabaseKind } from "../connect";
import { getDatabase } from "../index";

export type Health =
  | { ok: true; database: DatabaseKind; migrations: string }
  | { ok: false; database: DatabaseKind; error: string };

/** Answers whether the database can be queried now, and which migration it is at. */
export async function getHealth(): Promise<Health> {
  const kind = connectOptionsFromEnv().kind;
  try {
    const { db } = await getDatabase();
    const applied = await withTimeout(appliedMigrationCount(db), 3000);
    const tags = migrationTags();
    return { ok: true, database: kind, migrations: tags[applied - 1] ?? "none" };
  } catch (error) {
    return { ok: false, database: kind, error: error instanceof Error ? error.message : "database unreachable" };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
