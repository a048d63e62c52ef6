import "server-only";
import { and, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { auditLog, users } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { requireRole, type Actor } from "@/lib/auth/roles";

export type AuditInput = {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  data?: unknown;
  address?: string;
};

/** Written inside the caller's transaction, so an audit row cannot disagree with its change. */
export async function recordAudit(tx: DbOrTx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/** `actions` keeps entries whose action is any of those listed (a kind such as "people"); `action` one exact action. */
export type AuditFilter = { action?: string; actions?: readonly string[]; actorId?: string; from?: Date; to?: Date; limit?: number };

export async function listAuditEntries(actor: Actor, filter: AuditFilter = {}) {
  requireRole(actor, "admin");
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actions) conditions.push(inArray(auditLog.action, [...filter.actions]));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lte(auditLog.createdAt, filter.to));
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      data: auditLog.data,
      address: auditLog.address,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt))
    .limit(filter.limit ?? 200);
}
