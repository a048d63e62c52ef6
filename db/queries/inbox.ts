import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { conversationReads, conversations, handoffs, messages, users, type Conversation } from "../schema";
import { getDb, type Tx } from "../index";
import { recordAudit } from "./audit";
import { getVersionDocument, saveConversationTurn } from "./conversations";
import { grants, requireRole, type Actor } from "@/lib/auth/roles";
import { err, ok, type Result } from "@/lib/result";
import { handoffPacketSchema } from "@/runtime/engine/effect";
import { renderMessage } from "@/runtime/whatsapp/render-message";
import { outgoingMessageText } from "@/runtime/message-text";
import { replyWindow } from "@/lib/analytics/reply-window";
import type { InboxConversation, InboxItem, InboxQueue } from "@/lib/analytics/inbox-types";
import type { AgentReply, InboxView } from "@/lib/analytics/inbox-input";

export type InboxError = {
  code: "not-found" | "resolved" | "not-held" | "window-closed" | "invalid-assignee" | "invalid-node" | "no-version";
  message: string;
};

const NOT_FOUND: InboxError = { code: "not-found", message: "This conversation is not in your inbox any more." };
const RESOLVED: InboxError = { code: "resolved", message: "This conversation has already been resolved." };

/**
 * What an actor may see, in the where clause (documenso's getDocumentWhereInput): admins see every handoff; agents
 * see the unassigned ones and their own. Anyone else gets nothing rather than someone else's conversation.
 */
function visibleTo(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  return or(eq(handoffs.status, "waiting"), eq(handoffs.assigneeId, actor.userId));
}

const isVip = sql<boolean>`(coalesce(${handoffs.packet}->'fields'->>'tier', '') = 'vip' or ${handoffs.packet}->>'escalationKind' = 'high_value')`;
const escalationKind = sql<string | null>`${handoffs.packet}->>'escalationKind'`;

/**
 * Unread: the customer wrote after the last message the actor, or the person who has the conversation, saw. An admin
 * looking over an agent's shoulder is not told about what that agent has already read. Resolved handoffs are done.
 */
function isUnreadFor(actor: Actor): SQL<boolean> {
  const latestCustomerSeq = sql`(select ${messages.seq} from ${messages}
    where ${messages.conversationId} = ${handoffs.conversationId} and ${messages.author} = 'customer'
    order by ${messages.seq} desc limit 1)`;
  const lastReadSeq = sql`(select max(${conversationReads.lastReadSeq}) from ${conversationReads}
    where ${conversationReads.conversationId} = ${handoffs.conversationId}
      and ${conversationReads.userId} in (${actor.userId}, ${handoffs.assigneeId}))`;
  return sql<boolean>`(${handoffs.status} <> 'resolved' and coalesce(${latestCustomerSeq}, 0) > coalesce(${lastReadSeq}, 0))`;
}

const itemColumnsFor = (actor: Actor) => ({
  handoffId: handoffs.id,
  conversationId: handoffs.conversationId,
  queue: handoffs.queue,
  priority: handoffs.priority,
  reason: handoffs.reason,
  escalationKind,
  status: handoffs.status,
  createdAt: handoffs.createdAt,
  resolvedAt: handoffs.resolvedAt,
  assigneeId: handoffs.assigneeId,
  assigneeName: users.name,
  customerName: conversations.customerName,
  customerPhone: conversations.customerPhone,
  isVip,
  isSimulated: conversations.isSimulated,
  isUnread: isUnreadFor(actor),
});

type ItemRow = Omit<InboxItem, "createdAt" | "resolvedAt"> & { createdAt: Date; resolvedAt: Date | null };

const toItem = (row: ItemRow): InboxItem => ({
  ...row,
  isVip: Boolean(row.isVip),
  isUnread: Boolean(row.isUnread),
  createdAt: row.createdAt.toISOString(),
  resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
});

export async function listInbox(actor: Actor, filter: { view: InboxView; queue?: string }): Promise<InboxItem[]> {
  requireRole(actor, "agent");
  const db = await getDb();
  const byView: Record<InboxView, SQL | undefined> = {
    open: inArray(handoffs.status, ["waiting", "assigned"]),
    mine: and(inArray(handoffs.status, ["waiting", "assigned"]), eq(handoffs.assigneeId, actor.userId)),
    resolved: eq(handoffs.status, "resolved"),
  };
  const rows = await db
    .select(itemColumnsFor(actor))
    .from(handoffs)
    .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
    .leftJoin(users, eq(users.id, handoffs.assigneeId))
    .where(and(visibleTo(actor), byView[filter.view], filter.queue ? eq(handoffs.queue, filter.queue) : undefined))
    // Urgent first, then whoever has waited longest; resolved ones newest first.
    .orderBy(
      ...(filter.view === "resolved"
        ? [desc(handoffs.resolvedAt)]
        : [sql`case ${handoffs.priority} when 'urgent' then 0 when 'high' then 1 else 2 end`, asc(handoffs.createdAt)]),
    )
    .limit(200);
  return rows.map(toItem);
}

export async function listInboxQueues(actor: Actor): Promise<InboxQueue[]> {
  requireRole(actor, "agent");
  const db = await getDb();
  const rows = await db
    .select({ queue: handoffs.queue, open: sql<number>`count(*)::int` })
    .from(handoffs)
    .where(and(visibleTo(actor), inArray(handoffs.status, ["waiting", "assigned"])))
    .groupBy(handoffs.queue)
    .orderBy(asc(handoffs.queue));
  return rows.map((row) => ({ queue: row.queue, open: Number(row.open) }));
}

const storedPacketSchema = handoffPacketSchema.partial().extend({
  summary: z.string().default(""),
  reason: z.string().default(""),
  fields: z.record(z.string(), z.string()).default({}),
  sensitiveFields: z.array(z.string()).default([]),
  stepsTried: z.array(z.string()).default([]),
});

export const MASK = "•••••• (hidden)";

/** One handed-off conversation with everything the agent needs; null when the actor may not see it. */
export async function getInboxConversation(actor: Actor, handoffId: string, now = new Date()): Promise<InboxConversation | null> {
  requireRole(actor, "agent");
  const db = await getDb();
  const [row] = await db
    .select({
      ...itemColumnsFor(actor),
      packet: handoffs.packet,
      conversationStatus: conversations.status,
      versionId: conversations.versionId,
      lastCustomerMessageAt: conversations.lastCustomerMessageAt,
      outsideWindow: conversations.outsideWindow,
    })
    .from(handoffs)
    .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
    .leftJoin(users, eq(users.id, handoffs.assigneeId))
    .where(and(eq(handoffs.id, handoffId), visibleTo(actor)));
  if (!row) return null;

  const parsed = storedPacketSchema.safeParse(row.packet);
  const packet = parsed.success ? parsed.data : storedPacketSchema.parse({});
  const flow = row.versionId ? await getVersionDocument(db, row.versionId) : null;
  const labels = new Map((flow?.settings.fields ?? []).map((field) => [field.key, field.label]));
  const sensitive = new Set([
    ...packet.sensitiveFields,
    ...(flow?.settings.fields ?? []).filter((field) => field.sensitive).map((field) => field.key),
  ]);
  const hiddenValues = [...sensitive].flatMap((key) => {
    const value = packet.fields[key];
    return value !== undefined && value.trim().length >= 3 ? [value.trim()] : [];
  });
  // The transcript holds the customer's raw answers: hide sensitive values there too, not only in the field list.
  const hide = (text: string) => hiddenValues.reduce((result, value) => result.split(value).join("••••••"), text);

  const transcript = await db
    .select({ seq: messages.seq, author: messages.author, text: messages.text, at: messages.createdAt, deliveryStatus: messages.deliveryStatus })
    .from(messages)
    .where(eq(messages.conversationId, row.conversationId))
    .orderBy(asc(messages.seq));
  const assignees = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["agent", "admin"])))
    .orderBy(asc(users.name));
  const window = replyWindow({ lastCustomerMessageAt: row.lastCustomerMessageAt, outsideWindow: row.outsideWindow, now });
  const { packet: _packet, conversationStatus, versionId: _versionId, lastCustomerMessageAt: _last, outsideWindow: _outside, ...item } = row;

  return {
    item: toItem(item),
    conversationStatus,
    summary: packet.summary,
    reason: packet.reason || row.reason,
    escalationKind: packet.escalationKind ?? null,
    intent: packet.intent ?? null,
    verified: packet.verified ?? null,
    outsideHours: packet.outsideHours ?? false,
    checklist: (packet.checklist ?? []).map(({ label, collected, missing, complete }) => ({ label, collected, missing, complete })),
    fields: Object.entries(packet.fields).map(([key, value]) => ({
      key,
      label: labels.get(key) ?? fieldLabel(key),
      value: sensitive.has(key) ? MASK : value,
      masked: sensitive.has(key),
    })),
    stepsTried: packet.stepsTried,
    transcript: transcript.map((message) => ({
      seq: message.seq,
      author: message.author,
      text: message.author === "customer" ? hide(message.text) : message.text,
      at: message.at.toISOString(),
      deliveryStatus: message.deliveryStatus,
    })),
    window: window.open
      ? { open: true, closesAt: window.closesAt.toISOString(), reason: null }
      : { open: false, closesAt: null, reason: window.reason },
    resumeTargets: (flow?.nodes ?? [])
      .filter((node) => node.type !== "handoff" && node.type !== "start")
      .map((node) => ({ nodeId: node.id, label: node.title ? `${node.title} (${node.type.replace(/_/g, " ")})` : `${node.type.replace(/_/g, " ")} · ${node.id}` })),
    assignees,
  };
}

/**
 * Records that the actor has seen the conversation up to `seq` (the last message the page showed), which clears its
 * unread marker for them. A read never moves back, so an older page cannot mark newer messages unread again. Not
 * audited: it changes nobody's data but the reader's own, on every open.
 */
export async function markConversationRead(
  actor: Actor,
  input: { handoffId: string; seq: number },
  now = new Date(),
): Promise<Result<void, InboxError>> {
  requireRole(actor, "agent");
  const db = await getDb();
  const [visible] = await db
    .select({ conversationId: handoffs.conversationId, lastSeq: conversations.lastSeq })
    .from(handoffs)
    .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
    .where(and(eq(handoffs.id, input.handoffId), visibleTo(actor)));
  if (!visible) return err(NOT_FOUND);
  await db
    .insert(conversationReads)
    .values({ userId: actor.userId, conversationId: visible.conversationId, lastReadSeq: Math.min(input.seq, visible.lastSeq), readAt: now })
    .onConflictDoUpdate({
      target: [conversationReads.userId, conversationReads.conversationId],
      set: { lastReadSeq: sql`greatest(${conversationReads.lastReadSeq}, excluded.last_read_seq)`, readAt: now },
    });
  return ok(undefined);
}

/** "customer_phone" → "Customer phone", for fields the flow does not label (the engine's own). */
const fieldLabel = (key: string) => {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Locks the conversation first, then the handoff: the webhook locks conversations first too, so no deadlock. */
async function lockHandoff(tx: Tx, actor: Actor, handoffId: string) {
  const [visible] = await tx
    .select({ conversationId: handoffs.conversationId })
    .from(handoffs)
    .where(and(eq(handoffs.id, handoffId), visibleTo(actor)));
  if (!visible) return null;
  const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, visible.conversationId)).for("update");
  const [handoff] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.id, handoffId), visibleTo(actor)))
    .for("update");
  if (!conversation || !handoff) return null;
  return { conversation, handoff };
}

export async function claimHandoff(actor: Actor, handoffId: string): Promise<Result<void, InboxError>> {
  requireRole(actor, "agent");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockHandoff(tx, actor, handoffId);
    if (!locked) return err(NOT_FOUND);
    if (locked.handoff.status === "resolved") return err(RESOLVED);
    await tx
      .update(handoffs)
      .set({ status: "assigned", assigneeId: actor.userId, claimedAt: locked.handoff.claimedAt ?? new Date() })
      .where(eq(handoffs.id, handoffId));
    await recordAudit(tx, { actorId: actor.userId, action: "handoff.claimed", subjectType: "handoff", subjectId: handoffId });
    return ok(undefined);
  });
}

export async function assignHandoff(actor: Actor, input: { handoffId: string; assigneeId: string }): Promise<Result<void, InboxError>> {
  requireRole(actor, "agent");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockHandoff(tx, actor, input.handoffId);
    if (!locked) return err(NOT_FOUND);
    if (locked.handoff.status === "resolved") return err(RESOLVED);
    const [assignee] = await tx
      .select({ role: users.role, active: users.active })
      .from(users)
      .where(eq(users.id, input.assigneeId));
    if (!assignee?.active || !grants(assignee.role, "agent")) {
      return err({ code: "invalid-assignee", message: "Only active agents and admins can take conversations." });
    }
    await tx
      .update(handoffs)
      .set({ status: "assigned", assigneeId: input.assigneeId, claimedAt: locked.handoff.claimedAt ?? new Date() })
      .where(eq(handoffs.id, input.handoffId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "handoff.assigned",
      subjectType: "handoff",
      subjectId: input.handoffId,
      data: { assigneeId: input.assigneeId },
    });
    return ok(undefined);
  });
}

/**
 * Appends the agent's message and its outbox row in one transaction with the conversation locked, and stamps the
 * first response. The caller wakes the outbox sender after the commit.
 */
export async function replyToHandoff(
  actor: Actor,
  input: { handoffId: string; message: AgentReply },
  now = new Date(),
): Promise<Result<{ messageId: string }, InboxError>> {
  requireRole(actor, "agent");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockHandoff(tx, actor, input.handoffId);
    if (!locked) return err(NOT_FOUND);
    const { conversation, handoff } = locked;
    if (handoff.status === "resolved") return err(RESOLVED);
    if (conversation.status !== "handoff") {
      return err({ code: "not-held", message: "The bot has this conversation again, so agent replies are closed." });
    }
    const window = replyWindow({ lastCustomerMessageAt: conversation.lastCustomerMessageAt, outsideWindow: conversation.outsideWindow, now });
    if (input.message.kind === "text" && !window.open) {
      return err({
        code: "window-closed",
        message: "The 24-hour reply window is closed: send an approved template instead.",
      });
    }
    const saved = await saveConversationTurn(tx, conversation, {
      messages: [
        {
          direction: "outbound",
          author: "agent",
          content: input.message,
          text: outgoingMessageText(input.message),
          outboxPayload: renderMessage(input.message, conversation.customerKey),
        },
      ],
      events: [],
      update: {},
    });
    await tx
      .update(handoffs)
      .set({
        firstResponseAt: handoff.firstResponseAt ?? now,
        // Replying to an unclaimed conversation takes it, so two agents do not answer the same customer.
        ...(handoff.status === "waiting" ? { status: "assigned" as const, assigneeId: actor.userId, claimedAt: now } : {}),
      })
      .where(eq(handoffs.id, handoff.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "handoff.replied",
      subjectType: "handoff",
      subjectId: handoff.id,
      data: { kind: input.message.kind },
    });
    const messageId = saved.messageIds[0];
    if (!messageId) throw new Error("the agent message was not saved");
    return ok({ messageId });
  });
}

/** Resolves the handoff and ends the conversation, recording that an agent resolved it. */
export async function closeHandoff(actor: Actor, handoffId: string, now = new Date()): Promise<Result<void, InboxError>> {
  requireRole(actor, "agent");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockHandoff(tx, actor, handoffId);
    if (!locked) return err(NOT_FOUND);
    const { conversation, handoff } = locked;
    if (handoff.status === "resolved") return err(RESOLVED);
    const packet = storedPacketSchema.safeParse(handoff.packet);
    await saveConversationTurn(tx, conversation, {
      messages: [],
      events: [
        {
          type: "conversation.resolved",
          nodeId: packet.success ? packet.data.handoffNodeId : undefined,
          data: { by: "agent" },
        },
      ],
      update: { status: "ended", endedAt: now },
    });
    await markResolved(tx, actor, handoff, now);
    await recordAudit(tx, { actorId: actor.userId, action: "handoff.resolved", subjectType: "handoff", subjectId: handoffId });
    return ok(undefined);
  });
}

/**
 * The first half of handing a conversation back to the bot, inside the caller's transaction: checks the target
 * step, resolves the handoff and returns the locked conversation, now active, for the engine to resume.
 */
export async function beginHandBack(
  tx: Tx,
  actor: Actor,
  input: { handoffId: string; nodeId: string },
  now = new Date(),
): Promise<Result<{ conversation: Conversation }, InboxError>> {
  requireRole(actor, "agent");
  const locked = await lockHandoff(tx, actor, input.handoffId);
  if (!locked) return err(NOT_FOUND);
  const { conversation, handoff } = locked;
  if (handoff.status === "resolved") return err(RESOLVED);
  if (conversation.status !== "handoff") return err({ code: "not-held", message: "The bot already has this conversation." });
  const flow = conversation.versionId ? await getVersionDocument(tx, conversation.versionId) : null;
  if (!flow) return err({ code: "no-version", message: "This conversation has no published flow to go back to." });
  const node = flow.nodes.find((candidate) => candidate.id === input.nodeId);
  if (!node || node.type === "handoff") {
    return err({ code: "invalid-node", message: "Pick a step of this conversation's flow for the bot to continue from." });
  }
  await markResolved(tx, actor, handoff, now);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "handoff.returned_to_bot",
    subjectType: "handoff",
    subjectId: handoff.id,
    data: { nodeId: input.nodeId },
  });
  return ok({ conversation: { ...conversation, status: "active" } });
}

async function markResolved(tx: Tx, actor: Actor, handoff: { id: string; assigneeId: string | null; claimedAt: Date | null }, now: Date) {
  await tx
    .update(handoffs)
    .set({
      status: "resolved",
      resolvedAt: now,
      assigneeId: handoff.assigneeId ?? actor.userId,
      claimedAt: handoff.claimedAt ?? now,
    })
    .where(eq(handoffs.id, handoff.id));
}
