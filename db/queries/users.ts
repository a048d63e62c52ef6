import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { users, type User } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { recordAudit } from "./audit";
import { err, ok, type Result } from "@/lib/result";
import { requireRole, type Actor, type Role } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import type { CreateUserInput } from "@/lib/auth/user-input";

/** A user without the password hash: safe to hand to pages. */
export type UserSummary = Pick<User, "id" | "email" | "name" | "role" | "active" | "lastLoginAt" | "createdAt">;

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export async function getUserByEmail(email: string): Promise<User | null> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
}

/** The signed-in person's current row: role changes and deactivation take effect on the next request. */
export async function getActiveUserById(userId: string): Promise<UserSummary | null> {
  const db = await getDb();
  const [user] = await db
    .select(summaryColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return user ?? null;
}

export async function listUsers(actor: Actor): Promise<UserSummary[]> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.select(summaryColumns).from(users).orderBy(asc(users.name));
}

export type UserChangeError =
  | { code: "email-taken" }
  | { code: "not-found" }
  | { code: "last-admin"; message: string }
  | { code: "self"; message: string };

export async function createUser(actor: Actor, input: CreateUserInput): Promise<Result<UserSummary, UserChangeError>> {
  requireRole(actor, "admin");
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) return err({ code: "email-taken" as const });
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, role: input.role, passwordHash })
      .returning(summaryColumns);
    if (!user) throw new Error("insert returned no user");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.created",
      subjectType: "user",
      subjectId: user.id,
      data: { email: user.email, role: user.role },
    });
    return ok(user);
  });
}

/** Creates the first admin when there is no user at all (seed). Returns null when users already exist. */
export async function createFirstAdmin(tx: DbOrTx, input: { email: string; name: string; password: string }) {
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(users);
  if (total > 0) return null;
  const [user] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, role: "admin", passwordHash: await hashPassword(input.password) })
    .returning(summaryColumns);
  return user ?? null;
}

async function otherActiveAdmins(tx: DbOrTx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ total: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)));
  return row?.total ?? 0;
}

const LAST_ADMIN = { code: "last-admin", message: "This is the last admin. Make someone else admin first." } as const;

/**
 * Locks every admin row, so two concurrent demotions or deactivations cannot both see "another admin remains",
 * then reads the user to change.
 */
async function lockAdminsAndGet(tx: DbOrTx, userId: string): Promise<User | null> {
  await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).for("update");
  const [target] = await tx.select().from(users).where(eq(users.id, userId));
  return target ?? null;
}

export async function changeUserRole(
  actor: Actor,
  input: { userId: string; role: Role },
): Promise<Result<UserSummary, UserChangeError>> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await lockAdminsAndGet(tx, input.userId);
    if (!target) return err({ code: "not-found" as const });
    if (target.role === "admin" && input.role !== "admin" && (await otherActiveAdmins(tx, target.id)) === 0) {
      return err(LAST_ADMIN);
    }
    const [user] = await tx.update(users).set({ role: input.role }).where(eq(users.id, target.id)).returning(summaryColumns);
    if (!user) throw new Error("update returned no user");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: user.id,
      data: { email: user.email, from: target.role, to: user.role },
    });
    return ok(user);
  });
}

export async function setUserActive(
  actor: Actor,
  input: { userId: string; active: boolean },
): Promise<Result<UserSummary, UserChangeError>> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await lockAdminsAndGet(tx, input.userId);
    if (!target) return err({ code: "not-found" as const });
    if (!input.active && target.id === actor.userId) {
      return err({ code: "self" as const, message: "You cannot deactivate your own account." });
    }
    if (!input.active && target.role === "admin" && (await otherActiveAdmins(tx, target.id)) === 0) {
      return err(LAST_ADMIN);
    }
    const [user] = await tx.update(users).set({ active: input.active }).where(eq(users.id, target.id)).returning(summaryColumns);
    if (!user) throw new Error("update returned no user");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: input.active ? "user.reactivated" : "user.deactivated",
      subjectType: "user",
      subjectId: user.id,
      data: { email: user.email },
    });
    return ok(user);
  });
}
