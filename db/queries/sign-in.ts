import "server-only";
import { and, asc, count, desc, eq, gt } from "drizzle-orm";
import { loginAttempts, users } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { recordAudit } from "./audit";
import { err, ok, type Result } from "@/lib/result";
import { verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  /** Failures for one account within the window before it is locked for the rest of the window. */
  perAccount: 5,
  /** Failures from one address (any accounts) within the window. */
  perAddress: 20,
} as const;

export type SignInError = { code: "invalid" } | { code: "rate-limited"; retryAfterMinutes: number };
export type SignedInUser = { id: string; email: string; name: string; role: Role };

// Compared against when the account does not exist, so timing does not tell whether an email is registered.
const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

async function failuresSince(tx: DbOrTx, column: "email" | "address", value: string, since: Date) {
  const key = column === "email" ? loginAttempts.email : loginAttempts.address;
  const [lastSuccess] = await tx
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(key, value), eq(loginAttempts.succeeded, true), gt(loginAttempts.createdAt, since)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1);
  const from = lastSuccess?.at ?? since;
  const [row] = await tx
    .select({ total: count() })
    .from(loginAttempts)
    .where(and(eq(key, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, from)));
  const [oldest] = await tx
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(key, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, from)))
    .orderBy(asc(loginAttempts.createdAt))
    .limit(1);
  return { total: row?.total ?? 0, oldest: oldest?.at ?? null };
}

/**
 * Checks an email and password, rate-limited per account and per address. Every failure is recorded in the
 * audit log; a locked account is refused without checking the password.
 */
export async function checkCredentials(input: {
  email: string;
  password: string;
  address: string;
  now?: Date;
}): Promise<Result<SignedInUser, SignInError>> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

  const byAccount = await failuresSince(db, "email", email, since);
  const byAddress = await failuresSince(db, "address", input.address, since);
  const limited =
    byAccount.total >= SIGN_IN_LIMITS.perAccount ? byAccount : byAddress.total >= SIGN_IN_LIMITS.perAddress ? byAddress : null;
  if (limited) {
    const unlockAt = (limited.oldest ?? now).getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000;
    const retryAfterMinutes = Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
    await recordAudit(db, { actorId: null, action: "sign_in.rate_limited", data: { email }, address: input.address });
    return err({ code: "rate-limited", retryAfterMinutes });
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && user.active && passwordMatches);

  return db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, address: input.address, succeeded, createdAt: now });
    if (!user || !succeeded) {
      await recordAudit(tx, {
        actorId: user?.id ?? null,
        action: "sign_in.failed",
        data: { email, reason: !user ? "unknown account" : !user.active ? "deactivated" : "wrong password" },
        address: input.address,
      });
      return err({ code: "invalid" as const });
    }
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    return ok({ id: user.id, email: user.email, name: user.name, role: user.role });
  });
}
