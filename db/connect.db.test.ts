import { describe, expect, it } from "vitest";
import { appliedMigrationCount, migrationTags } from "./connect";
import { testDatabases } from "@/test/databases";

describe.each(testDatabases())("database on $kind", ({ open }) => {
  it("applies every checked-in migration on open", async () => {
    const handle = await open();
    try {
      expect(await appliedMigrationCount(handle.db)).toBe(migrationTags().length);
    } finally {
      await handle.drop();
    }
  });
});

describe("opening a database that cannot be reached", () => {
  it("fails with one plain line naming the server, not a stack of query errors", async () => {
    const { openDatabase, DatabaseUnavailableError } = await import("./connect");

    const opening = openDatabase({ kind: "postgres", url: "postgres://someone:secret@127.0.0.1:1/nothing" });

    await expect(opening).rejects.toThrow(DatabaseUnavailableError);
    await expect(opening).rejects.toThrow(
      /^cannot reach PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing: connect ECONNREFUSED 127\.0\.0\.1:1$/,
    );
  });
});
