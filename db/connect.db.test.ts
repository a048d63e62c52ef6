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
