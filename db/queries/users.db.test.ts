import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/test/databases";
import { openSeededDatabase } from "@/test/seeded-database";
import { changeUserRole, createUser, listUsers, setUserActive } from "./users";
import { checkCredentials, SIGN_IN_LIMITS } from "./sign-in";
import { listAuditEntries } from "./audit";
import { ForbiddenError, type Actor } from "@/lib/auth/roles";

describe.each(testDatabases())("users and sign-in on $kind", ({ open }) => {
  let drop: () => Promise<void>;
  let admin: Actor;

  beforeAll(async () => {
    const seeded = await openSeededDatabase(open);
    drop = seeded.handle.drop;
    admin = seeded.admin;
  });

  afterAll(async () => drop());

  it("seeds one admin whose password works, and seeding again changes nothing", async () => {
    const result = await checkCredentials({ email: "ADMIN@threadline.local ", password: "admin-password-1", address: "a1" });

    expect(result).toMatchObject({ ok: true, value: { role: "admin" } });
    expect((await listUsers(admin)).length).toBe(1);
  });

  it("creates a user, refuses a second with the same email, and audits it", async () => {
    const created = await createUser(admin, { name: "Ed", email: "ed@example.com", role: "editor", password: "ed-password-1" });
    const duplicate = await createUser(admin, { name: "Ed 2", email: "ed@example.com", role: "tester", password: "x-password-1" });

    expect(created.ok).toBe(true);
    expect(duplicate).toEqual({ ok: false, error: { code: "email-taken" } });
    const audit = await listAuditEntries(admin, { action: "user.created" });
    expect(audit.map((entry) => entry.subjectId)).toContain(created.ok ? created.value.id : "");
  });

  it("refuses user management to non-admins in the data layer", async () => {
    const editor: Actor = { userId: admin.userId, email: "e@x", name: "E", role: "editor" };

    await expect(listUsers(editor)).rejects.toThrow(ForbiddenError);
    await expect(createUser(editor, { name: "X", email: "x@x.com", role: "admin", password: "x-password-1" })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("never demotes or deactivates the last active admin", async () => {
    const demoted = await changeUserRole(admin, { userId: admin.userId, role: "editor" });
    const selfDeactivated = await setUserActive(admin, { userId: admin.userId, active: false });

    expect(demoted).toMatchObject({ ok: false, error: { code: "last-admin" } });
    expect(selfDeactivated).toMatchObject({ ok: false, error: { code: "self" } });
  });

  it("lets a second admin demote the first once there are two", async () => {
    const second = await createUser(admin, { name: "Ann", email: "ann@example.com", role: "admin", password: "ann-password-1" });
    if (!second.ok) throw new Error("could not create second admin");

    const demoted = await changeUserRole(admin, { userId: second.value.id, role: "agent" });

    expect(demoted).toMatchObject({ ok: true, value: { role: "agent" } });
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await createUser(admin, { name: "Dee", email: "dee@example.com", role: "tester", password: "dee-password-1" });
    if (!user.ok) throw new Error("could not create user");

    await setUserActive(admin, { userId: user.value.id, active: false });

    expect(await checkCredentials({ email: "dee@example.com", password: "dee-password-1", address: "a2" })).toEqual({
      ok: false,
      error: { code: "invalid" },
    });
  });

  it("locks an account after repeated failures, even for the right password, until the window passes", async () => {
    const now = new Date("2030-01-01T10:00:00Z");
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccount; attempt += 1) {
      await checkCredentials({ email: "ed@example.com", password: "wrong", address: `addr-${attempt}`, now });
    }

    const locked = await checkCredentials({ email: "ed@example.com", password: "ed-password-1", address: "a3", now });
    const later = await checkCredentials({
      email: "ed@example.com",
      password: "ed-password-1",
      address: "a3",
      now: new Date(now.getTime() + (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000),
    });

    expect(locked).toEqual({ ok: false, error: { code: "rate-limited", retryAfterMinutes: SIGN_IN_LIMITS.windowMinutes } });
    expect(later.ok).toBe(true);
  });

  it("limits one address across accounts", async () => {
    const now = new Date("2031-01-01T10:00:00Z");
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAddress; attempt += 1) {
      await checkCredentials({ email: `nobody-${attempt}@example.com`, password: "wrong", address: "10.9.9.9", now });
    }

    const result = await checkCredentials({ email: "ann@example.com", password: "ann-password-1", address: "10.9.9.9", now });

    expect(result).toMatchObject({ ok: false, error: { code: "rate-limited" } });
    const failures = await listAuditEntries(admin, { action: "sign_in.failed" });
    expect(failures.length).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.perAddress);
  });
});
