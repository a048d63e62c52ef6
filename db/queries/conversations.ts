import "server-only";
import { and, eq, inArray, lt, ne, sql } from "drizzle-orm";
import {
  analyticsEvents,
  conversations,
  customerNotices,
  flows,
  flowVersions,
  handoffs,
  inboundReceipts,
  messages,
  outbox,
  type Conversation,
} from "../schema";
import type { DbOrTx, Tx } from "../index";
import { flowDocumentSchema, type FlowDocument } from "@/lib/flow/flow-document";

/**
 * Records a WhatsApp message id as handled. False means it was handled before: WhatsApp delivers at least once,
 * so the duplicate is acknowledged and skipped.
 */
export async function claimInboundReceipt(
  tx: Tx,
  waMessageId: string,
  channelId: string,
  conversationId?: string,
): Promise<boolean> {
  const rows = await tx
    .insert(inboundReceipts)
    .values({ waMessageId, channelId, conversationId })
    .onConflictDoNothing({ target: inboundReceipts.waMessageId })
    .returning({ waMessageId: inboundReceipts.waMessageId });
  return rows.length === 1;
}

export async function linkReceipt(tx: Tx, waMessageId: string, conversationId: string): Promise<void> {
  await tx.update(inboundReceipts).set({ conversationId }).where(eq(inboundReceipts.waMessageId, waMessageId));
}

/**
 * The customer's open conversation on the channel, created if there is none, and locked (FOR UPDATE) until the
 * transaction ends, so one customer's messages are processed one at a time.
 */
export async function lockOpenConversation(
  tx: Tx,
  input: { channelId: string; customerKey: string; customerPhone?: string; customerName?: string; isSimulated: boolean },
): Promise<{ conversation: Conversation; created: boolean }> {
  // Most messages come from customers with an open conversation: one statement finds and locks it.
  const open = () =>
    tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.channelId, input.channelId),
          eq(conversations.customerKey, input.customerKey),
          ne(conversations.status, "ended"),
        ),
      )
      .for("update");
  const [existing] = await open();
  if (existing) return { conversation: existing, created: false };
  const inserted = await tx.execute(sql`
    insert into conversations (id, channel_id, customer_key, customer_phone, customer_name, is_simulated)
    values (gen_random_uuid(), ${input.channelId}, ${input.customerKey}, ${input.customerPhone ?? null},
            ${input.customerName ?? null}, ${input.isSimulated})
    on conflict (channel_id, customer_key) where status <> 'ended' do nothing
    returning id`);
  const created = rowsOf(inserted).length === 1;
  const [conversation] = await open();
  if (!conversation) throw new Error("open conversation vanished after insert");
  return { conversation, created };
}

function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  const rows = (result as { rows?: unknown[] }).rows;
  return Array.isArray(rows) ? rows : [];
}

const versionCache = new Map<string, FlowDocument>();

/** A published version's document, parsed once: versions are immutable. */
export async function getVersionDocument(tx: DbOrTx, versionId: string): Promise<FlowDocument | null> {
  const cached = versionCache.get(versionId);
  if (cached) return cached;
  const [row] = await tx.select({ document: flowVersions.document }).from(flowVersions).where(eq(flowVersions.id, versionId));
  if (!row) return null;
  const parsed = flowDocumentSchema.safeParse(row.document);
  if (!parsed.success) return null;
  versionCache.set(versionId, parsed.data);
  return parsed.data;
}

/** The live version of a flow, which new conversations are pinned to. */
export async function getLiveVersionId(tx: DbOrTx, flowId: string): Promise<string | null> {
  const [row] = await tx.select({ liveVersionId: flows.liveVersionId }).from(flows).where(eq(flows.id, flowId));
  return row?.liveVersionId ?? null;
}

export type NewMessage = {
  direction: "inbound" | "outbound";
  author: "customer" | "bot" | "agent";
  waMessageId?: string;
  content: unknown;
  text: string;
  /** Cloud API JSON to send through the outbox (outbound WhatsApp messages only). */
  outboxPayload?: unknown;
};

export type ConversationUpdate = {
  state?: unknown;
  status?: Conversation["status"];
  flowId?: string | null;
  versionId?: string | null;
  lastCustomerMessageAt?: Date;
  outsideWindow?: boolean;
  endedAt?: Date | null;
};

export type AnalyticsRow = { type: string; nodeId?: string; data?: unknown };

/**
 * Appends messages (numbered after the conversation's last seq), their outbox rows, events and the new
 * conversation state — all inside the caller's transaction, which holds the conversation lock.
 */
export async function saveConversationTurn(
  tx: Tx,
  conversation: Conversation,
  turn: { messages: NewMessage[]; events: AnalyticsRow[]; update: ConversationUpdate },
): Promise<{ messageIds: string[]; outboxIds: string[] }> {
  let seq = conversation.lastSeq;
  const messageRows = turn.messages.map((message) => {
    seq += 1;
    return {
      conversationId: conversation.id,
      seq,
      direction: message.direction,
      author: message.author,
      waMessageId: message.waMessageId ?? null,
      content: message.content,
      text: message.text,
      deliveryStatus: message.outboxPayload === undefined ? null : "queued",
    };
  });
  const inserted = messageRows.length
    ? await tx.insert(messages).values(messageRows).returning({ id: messages.id, seq: messages.seq })
    : [];
  const outboxRows = turn.messages.flatMap((message, index) => {
    const row = inserted[index];
    if (message.outboxPayload === undefined || !row) return [];
    return [
      {
        conversationId: conversation.id,
        channelId: conversation.channelId,
        messageId: row.id,
        seq: row.seq,
        payload: message.outboxPayload,
      },
    ];
  });
  const outboxInserted = outboxRows.length ? await tx.insert(outbox).values(outboxRows).returning({ id: outbox.id }) : [];
  const flowId = turn.update.flowId !== undefined ? turn.update.flowId : conversation.flowId;
  const versionId = turn.update.versionId !== undefined ? turn.update.versionId : conversation.versionId;
  if (turn.events.length) {
    await tx.insert(analyticsEvents).values(
      turn.events.map((event) => ({
        conversationId: conversation.id,
        flowId,
        versionId,
        nodeId: event.nodeId ?? null,
        type: event.type,
        data: event.data ?? null,
        isSimulated: conversation.isSimulated,
      })),
    );
  }
  await tx
    .update(conversations)
    .set({ ...turn.update, lastSeq: seq })
    .where(eq(conversations.id, conversation.id));
  return { messageIds: inserted.map((row) => row.id), outboxIds: outboxInserted.map((row) => row.id) };
}

export async function createHandoffRow(
  tx: Tx,
  input: { conversationId: string; queue: string; priority: string; reason: string; packet: unknown },
): Promise<string> {
  const [row] = await tx.insert(handoffs).values(input).returning({ id: handoffs.id });
  if (!row) throw new Error("insert returned no handoff");
  return row.id;
}

export async function addCustomerNotice(tx: Tx, input: { conversationId: string; kind: string; text: string }): Promise<void> {
  await tx.insert(customerNotices).values(input);
}

/** The conversation's transcript in order, for handoff packets and the inbox. */
export async function listTranscript(tx: DbOrTx, conversationId: string) {
  return tx
    .select({ seq: messages.seq, author: messages.author, text: messages.text, createdAt: messages.createdAt })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(messages.seq);
}

/**
 * Applies a WhatsApp status callback to the outbound message it names, keeping what `merge` decides (statuses arrive
 * out of order and more than once). Unknown ids are ignored.
 */
export async function applyDeliveryStatus(
  tx: DbOrTx,
  input: { waMessageId: string; status: string; errorCode?: number },
  merge: (current: string | undefined, next: string) => string,
): Promise<{ conversationId: string } | null> {
  const [message] = await tx
    .select({ id: messages.id, conversationId: messages.conversationId, deliveryStatus: messages.deliveryStatus })
    .from(messages)
    .where(eq(messages.waMessageId, input.waMessageId));
  if (!message) return null;
  const current = message.deliveryStatus === "queued" ? undefined : (message.deliveryStatus ?? undefined);
  const next = merge(current, input.status);
  if (next !== current) {
    await tx
      .update(messages)
      .set({ deliveryStatus: next, errorCode: next === "failed" ? (input.errorCode ?? null) : null })
      .where(eq(messages.id, message.id));
  }
  return { conversationId: message.conversationId };
}

export async function markOutsideWindow(tx: DbOrTx, conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  await tx.update(conversations).set({ outsideWindow: true }).where(inArray(conversations.id, conversationIds));
}

/** Active real conversations whose customer has been quiet since before `quietSince`, oldest first. */
export async function listQuietConversations(tx: DbOrTx, quietSince: Date, limit: number) {
  return tx
    .select({ id: conversations.id, lastCustomerMessageAt: conversations.lastCustomerMessageAt })
    .from(conversations)
    .where(
      and(
        eq(conversations.status, "active"),
        eq(conversations.isSimulated, false),
        lt(conversations.lastCustomerMessageAt, quietSince),
      ),
    )
    .orderBy(conversations.lastCustomerMessageAt)
    .limit(limit);
}

/** Locks one conversation (FOR UPDATE) for the rest of the transaction; null when it is gone. */
export async function lockConversationById(tx: Tx, conversationId: string): Promise<Conversation | null> {
  const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for("update");
  return conversation ?? null;
}
