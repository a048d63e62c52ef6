import "server-only";
import { inTransaction, isRollback, type Tx } from "@/db/index";
import type { Conversation } from "@/db/schema";
import { getCachedChannelByPhoneNumberId } from "@/db/queries/channels";
import {
  applyDeliveryStatus,
  claimInboundReceipt,
  getLiveVersionId,
  getVersionDocument,
  lockOpenConversation,
  markOutsideWindow,
  saveConversationTurn,
  type AnalyticsRow,
  type ConversationUpdate,
  type NewMessage,
} from "@/db/queries/conversations";
import {
  conversationStateSchema,
  step,
  type AnalyticsEvent,
  type ConversationState,
  type EngineInput,
  type Output,
  type StepResult,
} from "@/runtime/engine";
import { createLanguageUnderstanding } from "@/runtime/nlu";
import type { InboundMessage, ParsedDelivery } from "@/runtime/whatsapp/parse-webhook";
import { renderMessage } from "@/runtime/whatsapp/render-message";
import { OUTSIDE_WINDOW_CODE } from "@/runtime/whatsapp/graph-errors";
import { mergeDeliveryStatus } from "@/runtime/whatsapp/delivery-status";
import { expectsReply } from "@/runtime/whatsapp/expects-reply";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { InboxChange } from "@/lib/analytics/inbox-change";
import { customerInputText, outgoingMessageText } from "./message-text";
import { resolveEffect } from "./resolve-effect";
import { notifyOutbox } from "./outbox-signal";
import { notifyInbox } from "./inbox-signal";
import { withDownloadedMedia } from "./store-media";

const nlu = createLanguageUnderstanding();
/** Effects answered per customer message before we stop (a flow cannot loop on effects forever). */
const MAX_EFFECT_ROUNDS = 20;

export type InboundOutcome =
  /** handedOff: the turn ended in a new handoff, which the agents' inbox now lists. */
  | { status: "processed"; conversationId: string; handedOff: boolean }
  | { status: "duplicate" }
  | { status: "unknown_channel" }
  | { status: "stored"; conversationId: string; reason: "handoff" | "no_live_version" | "not_for_the_bot" };

/** What a turn changed in the agents' inbox: a new handoff, or the customer writing while an agent holds them. */
export function inboxChangeOf(outcome: InboundOutcome): InboxChange | null {
  const touched = (outcome.status === "processed" && outcome.handedOff) || (outcome.status === "stored" && outcome.reason === "handoff");
  return touched ? { list: true, conversationIds: [outcome.conversationId] } : null;
}

/**
 * Everything in one verified webhook body: each inbound message in its own transaction (one customer's messages in
 * timestamp order, customers side by side), then the delivery statuses. Resolves only when all of it is committed.
 */
export async function receiveDelivery(delivery: ParsedDelivery): Promise<InboundOutcome[]> {
  const byCustomer = new Map<string, InboundMessage[]>();
  for (const message of delivery.inbound) {
    const key = `${message.phoneNumberId}\u0000${message.customerKey}`;
    byCustomer.set(key, [...(byCustomer.get(key) ?? []), message]);
  }
  const outcomes = await Promise.all(
    [...byCustomer.values()].map(async (messages) => {
      const results: InboundOutcome[] = [];
      for (const message of messages.sort((a, b) => a.timestamp - b.timestamp)) {
        results.push(await processInboundMessage(message));
      }
      return results;
    }),
  );
  await applyStatuses(delivery);
  if (delivery.errors.length) {
    for (const error of delivery.errors) {
      console.warn(`whatsapp account error ${error.code} on ${error.phoneNumberId}: ${error.title ?? error.message ?? ""}`);
    }
  }
  return outcomes.flat();
}

async function applyStatuses(delivery: ParsedDelivery): Promise<void> {
  if (delivery.statuses.length === 0) return;
  const touched = await inTransaction(async (tx) => {
    const outsideWindow: string[] = [];
    const conversationIds = new Set<string>();
    for (const status of delivery.statuses) {
      const errorCode = status.errors[0]?.code;
      const applied = await applyDeliveryStatus(
        tx,
        { waMessageId: status.waMessageId, status: status.status, errorCode },
        mergeDeliveryStatus,
      );
      if (applied) conversationIds.add(applied.conversationId);
      if (applied && status.status === "failed" && status.errors.some((error) => error.code === OUTSIDE_WINDOW_CODE)) {
        outsideWindow.push(applied.conversationId);
      }
    }
    await markOutsideWindow(tx, outsideWindow);
    return [...conversationIds];
  });
  // Delivered, read and failed ticks show in an open transcript; the list itself does not change.
  if (touched.length) notifyInbox({ list: false, conversationIds: touched });
}

/** One inbound WhatsApp message, in one transaction: dedupe, lock, engine, state + messages + outbox rows. */
export async function processInboundMessage(received: InboundMessage): Promise<InboundOutcome> {
  const message = await withMediaDownloaded(received);
  const outcome = await inTransactionUnlessDuplicate(async (tx): Promise<InboundOutcome> => {
    const channel = await getCachedChannelByPhoneNumberId(tx, message.phoneNumberId);
    if (!channel) return { status: "unknown_channel" };

    const { conversation, created } = await lockOpenConversation(tx, {
      channelId: channel.id,
      customerKey: message.customerKey,
      customerPhone: message.customerPhone,
      customerName: message.customerName,
      isSimulated: channel.kind === "simulator",
    });
    // The receipt is the dedupe: WhatsApp delivers at least once, so a wamid seen before is acknowledged and skipped.
    if (!(await claimInboundReceipt(tx, message.waMessageId, channel.id, conversation.id))) {
      // A redelivery of the message that ended the conversation must not leave a new empty one behind.
      if (created) tx.rollback();
      return { status: "duplicate" };
    }
    const inbound: NewMessage = {
      direction: "inbound",
      author: "customer",
      waMessageId: message.waMessageId,
      content: message.input,
      text: customerInputText(message.input),
    };
    const receivedAt = new Date(message.timestamp * 1000);
    if (!expectsReply(message)) {
      // Reactions, number changes, edits: kept in the transcript, never answered.
      await saveConversationTurn(tx, conversation, { messages: [inbound], events: [], update: {} });
      return { status: "stored", conversationId: conversation.id, reason: conversation.status === "handoff" ? "handoff" : "not_for_the_bot" };
    }
    return runCustomerTurn(tx, conversation, {
      inbound,
      input: { kind: "customer", input: message.input },
      defaultFlowId: channel.flowId,
      update: { lastCustomerMessageAt: receivedAt, outsideWindow: false },
    });
  });
  if (outcome.status === "processed") notifyOutbox();
  const change = inboxChangeOf(outcome);
  if (change) notifyInbox(change);
  return outcome;
}

/** One engine step as the simulator's trace shows it: what went in, where the flow was and went, what came out. */
export type EngineStepTrace = {
  input: EngineInput;
  nodeBefore: string | null;
  nodeAfter: string;
  status: ConversationState["status"];
  outputs: Output[];
  events: AnalyticsEvent[];
  ms: number;
};

/** The flow a turn runs when it is not the conversation's pinned version, e.g. a draft in the simulator. */
export type FlowOverride = { document: FlowDocument; flowId: string; versionId: string | null };

/** tx.rollback() ends a transaction by throwing; for a duplicate that is the expected outcome, not an error. */
async function inTransactionUnlessDuplicate(work: (tx: Tx) => Promise<InboundOutcome>): Promise<InboundOutcome> {
  try {
    return await inTransaction(work);
  } catch (error) {
    if (isRollback(error)) return { status: "duplicate" };
    throw error;
  }
}

/** Media is fetched before the transaction: a download must never hold the conversation lock. */
async function withMediaDownloaded(message: InboundMessage): Promise<InboundMessage> {
  if (message.input.kind !== "media") return message;
  const channel = await inTransaction((tx) => getCachedChannelByPhoneNumberId(tx, message.phoneNumberId));
  if (!channel) return message;
  return { ...message, input: await withDownloadedMedia(message.input, channel.id) };
}

/**
 * Runs the engine for one customer turn on a locked conversation and saves everything it produced. Shared by the
 * webhook and the simulator, so both go through exactly the same code. `flow` runs a given document instead of the
 * pinned or live version; `trace` receives every engine step of the turn; `customerFields` are known about the
 * customer before the conversation starts (the simulator's "tier = vip").
 */
export async function runCustomerTurn(
  tx: Tx,
  conversation: Conversation,
  turn: {
    inbound?: NewMessage;
    input: EngineInput;
    defaultFlowId: string | null;
    update?: ConversationUpdate;
    flow?: FlowOverride;
    trace?: EngineStepTrace[];
    customerFields?: Readonly<Record<string, string>>;
  },
): Promise<InboundOutcome> {
  const inbound = turn.inbound ? [turn.inbound] : [];
  const update: ConversationUpdate = { ...turn.update };

  if (conversation.status === "handoff") {
    // An agent holds the conversation: the bot stays silent and the message waits in the inbox.
    await saveConversationTurn(tx, conversation, { messages: inbound, events: [], update });
    return { status: "stored", conversationId: conversation.id, reason: "handoff" };
  }

  let versionId = conversation.versionId;
  let flow: FlowDocument | null;
  if (turn.flow) {
    versionId = turn.flow.versionId;
    if (conversation.flowId !== turn.flow.flowId) update.flowId = turn.flow.flowId;
    if (conversation.versionId !== versionId) update.versionId = versionId;
    flow = turn.flow.document;
  } else {
    if (!versionId && turn.defaultFlowId) {
      versionId = await getLiveVersionId(tx, turn.defaultFlowId);
      update.flowId = turn.defaultFlowId;
      update.versionId = versionId;
    }
    flow = versionId ? await getVersionDocument(tx, versionId) : null;
  }
  if (!flow) {
    await saveConversationTurn(tx, conversation, { messages: inbound, events: [], update });
    return { status: "stored", conversationId: conversation.id, reason: "no_live_version" };
  }

  const pinned: Conversation = { ...conversation, flowId: update.flowId ?? conversation.flowId, versionId };
  const produced = await driveEngine(tx, pinned, flow, storedState(conversation.state), turn.input, turn.trace, turn.customerFields);
  const state = produced.state;
  await saveConversationTurn(tx, pinned, {
    messages: [...inbound, ...produced.messages],
    events: produced.events,
    update: {
      ...update,
      state,
      status: state.status === "handoff" ? "handoff" : state.status === "ended" ? "ended" : "active",
      endedAt: state.status === "ended" ? new Date() : null,
    },
  });
  // The engine never runs while an agent holds the conversation (above), so ending in a handoff means a new one.
  return { status: "processed", conversationId: conversation.id, handedOff: state.status === "handoff" };
}

function storedState(raw: unknown): ConversationState | null {
  if (raw === null || raw === undefined) return null;
  const parsed = conversationStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

type Produced = { state: ConversationState; messages: NewMessage[]; events: AnalyticsRow[] };

/** Steps the engine and answers its effects until it waits for the customer, hands off or ends. */
async function driveEngine(
  tx: Tx,
  conversation: Conversation,
  flow: FlowDocument,
  initial: ConversationState | null,
  input: EngineInput,
  trace?: EngineStepTrace[],
  customerFields?: Readonly<Record<string, string>>,
): Promise<Produced> {
  const customerPhone = conversation.customerPhone ?? conversation.customerKey;
  const ctx = {
    now: new Date().toISOString(),
    random: Math.random,
    nlu,
    customer: {
      phone: customerPhone,
      ...(conversation.customerName ? { name: conversation.customerName } : {}),
      ...(customerFields ? { fields: customerFields } : {}),
    },
  };
  const traced = (before: ConversationState | null, stepInput: EngineInput): StepResult => {
    const started = performance.now();
    const stepped = step(flow, before, stepInput, ctx);
    trace?.push({
      input: stepInput,
      nodeBefore: before?.nodeId ?? null,
      nodeAfter: stepped.state.nodeId,
      status: stepped.state.status,
      outputs: stepped.outputs,
      events: stepped.events,
      ms: Math.round((performance.now() - started) * 1000) / 1000,
    });
    return stepped;
  };
  let result: StepResult = traced(initial, input);
  const produced: Produced = { state: result.state, messages: [], events: [] };
  for (let round = 0; ; round += 1) {
    collect(produced, result, conversation.customerKey);
    const answers = new Map<string, Awaited<ReturnType<typeof resolveEffect>>>();
    for (const output of result.outputs) {
      if (output.kind !== "effect") continue;
      answers.set(output.effect.id, await resolveEffect(tx, output.effect, { flow, conversation, customerPhone }));
    }
    const pending = result.state.pendingEffect;
    const answer = pending ? answers.get(pending.id) : undefined;
    if (!pending || !answer || round >= MAX_EFFECT_ROUNDS) break;
    result = traced(result.state, { kind: "effect_result", effectId: pending.id, result: answer });
  }
  return produced;
}

function collect(produced: Produced, result: StepResult, customerKey: string): void {
  produced.state = result.state;
  for (const output of result.outputs) {
    if (output.kind !== "message") continue;
    produced.messages.push({
      direction: "outbound",
      author: "bot",
      content: output.message,
      text: outgoingMessageText(output.message),
      outboxPayload: renderMessage(output.message, customerKey),
    });
  }
  for (const event of result.events) {
    const data = { ...(event.port === undefined ? {} : { port: event.port }), ...event.data };
    produced.events.push({ type: event.type, nodeId: event.nodeId, data: Object.keys(data).length ? data : undefined });
  }
}
