import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { conversations, messages, outbox, type OutboxRow } from "../schema";
import { getDb } from "../index";
import { recordAudit } from "./audit";
import { requireRole, type Actor } from "@/lib/auth/roles";

/** How long a claimed row may stay "sending" before another sender assumes its sender died. */
export const SENDING_LEASE_SECONDS = 60;
export const MAX_SEND_ATTEMPTS = 8;

/**
 * Claims up to `limit` due rows with FOR UPDATE SKIP LOCKED, so several senders can share one database. A row is
 * due only when every earlier row of its conversation is done, which keeps each conversation's order.
 */
export async function claimDueMessages(limit: number): Promise<OutboxRow[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Rows whose sender died mid-send go back to the queue (the send may or may not have happened).
    await tx.execute(sql`
      update outbox set status = 'pending', last_error = 'sender stopped while sending; retrying'
      where status = 'sending' and next_attempt_at < now()`);
    const claimed = await tx.execute(sql`
      update outbox set status = 'sending', attempts = attempts + 1,
        next_attempt_at = now() + make_interval(secs => ${SENDING_LEASE_SECONDS})
      where id in (
        select o.id from outbox o
        join channels c on c.id = o.channel_id
        where o.status = 'pending' and o.next_attempt_at <= now() and c.status = 'active'
          and not exists (
            select 1 from outbox earlier
            where earlier.conversation_id = o.conversation_id and earlier.seq < o.seq
              and earlier.status in ('pending', 'sending'))
        order by o.next_attempt_at, o.seq
        limit ${limit}
        for update of o skip locked)
      returning id`);
    const ids = rowsOf(claimed).map((row) => String((row as { id: unknown }).id));
    if (ids.length === 0) return [];
    return tx.select().from(outbox).where(sql`${outbox.id} in ${ids}`);
  });
}

function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  const rows = (result as { rows?: unknown[] }).rows;
  return Array.isArray(rows) ? rows : [];
}

export async function markOutboxSent(row: OutboxRow, waMessageId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({ status: "sent", waMessageId, sentAt: new Date(), lastError: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "sending")));
    if (row.messageId) {
      await tx.update(messages).set({ waMessageId, deliveryStatus: "sent" }).where(eq(messages.id, row.messageId));
    }
  });
}

/** Marks a batch of rows sent in one transaction: two statements however many rows (the sender's hot path). */
export async function markOutboxRowsSent(sent: readonly { row: OutboxRow; waMessageId: string }[]): Promise<void> {
  if (sent.length === 0) return;
  const db = await getDb();
  const pairs = sql.join(
    sent.map(({ row, waMessageId }) => sql`(${row.id}::uuid, ${waMessageId}, ${row.messageId}::uuid)`),
    sql`, `,
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update outbox set status = 'sent', wa_message_id = v.wa_message_id, sent_at = now(), last_error = null
      from (values ${pairs}) as v(id, wa_message_id, message_id)
      where outbox.id = v.id and outbox.status = 'sending'`);
    await tx.execute(sql`
      update messages set wa_message_id = v.wa_message_id, delivery_status = 'sent'
      from (values ${pairs}) as v(id, wa_message_id, message_id)
      where messages.id = v.message_id`);
  });
}

/** A retryable failure: back to the queue after `delayMs`, or dead-lettered once the attempts are used up. */
export async function scheduleOutboxRetry(row: OutboxRow, input: { delayMs: number; error: string }): Promise<"retry" | "dead"> {
  const db = await getDb();
  const dead = row.attempts >= MAX_SEND_ATTEMPTS;
  await db
    .update(outbox)
    .set({
      status: dead ? "dead" : "pending",
      lastError: input.error,
      nextAttemptAt: new Date(Date.now() + input.delayMs),
    })
    .where(eq(outbox.id, row.id));
  return dead ? "dead" : "retry";
}

/** A failure that retrying cannot fix (bad request, blocked user, outside the 24-hour window…). */
export async function markOutboxFailed(row: OutboxRow, input: { error: string; errorCode?: number; outsideWindow?: boolean }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({ status: "failed", lastError: input.error }).where(eq(outbox.id, row.id));
    if (row.messageId) {
      await tx
        .update(messages)
        .set({ deliveryStatus: "failed", errorCode: input.errorCode ?? null })
        .where(eq(messages.id, row.messageId));
    }
    if (input.outsideWindow) {
      await tx.update(conversations).set({ outsideWindow: true }).where(eq(conversations.id, row.conversationId));
    }
  });
}

/** The channel lost its token: the row waits (not counted as an attempt) until the channel works again. */
export async function parkOutboxRow(row: OutboxRow, error: string): Promise<void> {
  const db = await getDb();
  await db
    .update(outbox)
    .set({ status: "pending", attempts: Math.max(0, row.attempts - 1), lastError: error, nextAttemptAt: new Date(Date.now() + 30_000) })
    .where(eq(outbox.id, row.id));
}

export async function listDeadLetters(actor: Actor, limit = 100) {
  requireRole(actor, "admin");
  const db = await getDb();
  return db
    .select({
      id: outbox.id,
      conversationId: outbox.conversationId,
      customerKey: conversations.customerKey,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      payload: outbox.payload,
    })
    .from(outbox)
    .innerJoin(conversations, eq(conversations.id, outbox.conversationId))
    .where(eq(outbox.status, "dead"))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}

export async function retryDeadLetter(actor: Actor, outboxId: string): Promise<boolean> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(outbox.id, outboxId), eq(outbox.status, "dead")))
      .returning({ id: outbox.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actorId: actor.userId, action: "outbox.retried", subjectType: "outbox", subjectId: outboxId });
    return true;
  });
}
