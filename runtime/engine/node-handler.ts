import type { NodeOfType, NodeType } from "@/lib/flow/flow-node";
import type { CustomerInput, OutgoingMessage } from "@/lib/flow/outgoing-message";
import type { IntentResult } from "@/runtime/nlu/types";
import type { AnalyticsEvent } from "./analytics-event";
import type { ConversationState, NodeScratch } from "./conversation-state";
import type { Effect, EffectResult, Escalation } from "./effect";
import type { EngineContext } from "./engine-context";
import type { FlowIndex } from "./flow-index";

/** What reaches a waiting node: the customer's message or the answer to the effect it asked for. */
export type HandlerInput =
  | { kind: "customer"; input: CustomerInput; text: string }
  | { kind: "effect_result"; effectId: string; result: EffectResult };

export type HandlerContext = {
  /** undefined when the node is being entered. */
  input: HandlerInput | undefined;
  engine: EngineContext;
  flow: FlowIndex;
  /** YYYY-MM-DD of ctx.now, for relative dates. */
  today: string;
  newEffectId(): string;
  /** The conversation's opening message, only during the step that started the conversation. */
  firstMessage: string | null;
  /** The intent already computed for this input by the low-confidence trigger, so it is classified once. */
  intentHint: IntentResult | null;
};

type Base = { state: ConversationState; messages: OutgoingMessage[]; events: AnalyticsEvent[] };

export type HandlerResult =
  | (Base & { kind: "wait" })
  | (Base & { kind: "await_effect"; effect: Effect })
  | (Base & { kind: "advance"; via: string })
  | (Base & { kind: "handoff"; effect: Effect | null })
  | (Base & { kind: "end" })
  | (Base & { kind: "escalate"; escalation: Escalation; handoffNodeId: string | null });

/** A small pure function: node, state and context in, a result out. */
export type NodeHandler<T extends NodeType> = (node: NodeOfType<T>, state: ConversationState, ctx: HandlerContext) => HandlerResult;

export const wait = (state: ConversationState, messages: OutgoingMessage[] = [], events: AnalyticsEvent[] = []): HandlerResult => ({
  kind: "wait",
  state,
  messages,
  events,
});

export const advance = (
  state: ConversationState,
  via: string,
  messages: OutgoingMessage[] = [],
  events: AnalyticsEvent[] = [],
): HandlerResult => ({ kind: "advance", state, via, messages, events });

export const awaitEffect = (
  state: ConversationState,
  effect: Effect,
  messages: OutgoingMessage[] = [],
  events: AnalyticsEvent[] = [],
): HandlerResult => ({ kind: "await_effect", state, effect, messages, events });

export const endConversation = (state: ConversationState, messages: OutgoingMessage[] = [], events: AnalyticsEvent[] = []): HandlerResult => ({
  kind: "end",
  state,
  messages,
  events,
});

export const escalate = (state: ConversationState, escalation: Escalation, handoffNodeId: string | null = null): HandlerResult => ({
  kind: "escalate",
  state,
  escalation,
  handoffNodeId,
  messages: [],
  events: [],
});

export const withScratch = (state: ConversationState, patch: Partial<NodeScratch>): ConversationState => ({
  ...state,
  scratch: { ...state.scratch, ...patch },
});

export const withFields = (state: ConversationState, values: Readonly<Record<string, string>>): ConversationState => ({
  ...state,
  fields: { ...state.fields, ...values },
});

/** One more wrong answer at this node: counted for the attempt limit and the flow-failure trigger. */
export function countFailure(state: ConversationState, nodeId: string, reason: string): { state: ConversationState; event: AnalyticsEvent } {
  const failures = (Object.hasOwn(state.validationFailures, nodeId) ? state.validationFailures[nodeId] ?? 0 : 0) + 1;
  return {
    state: {
      ...state,
      scratch: { ...state.scratch, attempts: state.scratch.attempts + 1 },
      validationFailures: { ...state.validationFailures, [nodeId]: failures },
    },
    event: { type: "validation.failed", nodeId, data: { reason, attempt: state.scratch.attempts + 1 } },
  };
}

/** The customer's typed text, or "" for taps, media and effects. */
export const customerText = (input: HandlerInput | undefined): string =>
  input?.kind === "customer" ? input.text : "";

export const customerInput = (input: HandlerInput | undefined): CustomerInput | null =>
  input?.kind === "customer" ? input.input : null;

export const effectResult = (input: HandlerInput | undefined): EffectResult | null =>
  input?.kind === "effect_result" ? input.result : null;
