import type { FlowDocument } from "@/lib/flow/flow-document";
import type { CustomerInput, OutgoingMessage } from "@/lib/flow/outgoing-message";
import { assertNever } from "@/lib/result";
import type { IntentResult } from "@/runtime/nlu/types";
import type { AnalyticsEvent } from "./analytics-event";
import { checklistStatus } from "./checklist";
import {
  freshScratch,
  initialState,
  MAX_PATH,
  MAX_RECENT,
  MAX_SENTIMENT,
  type ConversationState,
} from "./conversation-state";
import { DEFAULT_TEXTS } from "./default-texts";
import type { EffectResult, Escalation } from "./effect";
import type { EngineContext } from "./engine-context";
import type { EngineInput } from "./engine-input";
import { hasPhrase, indexFlow, type FlowIndex } from "./flow-index";
import { classifyForNode, pickedCategory } from "./handlers/handle-categorize";
import type { HandlerContext, HandlerInput } from "./node-handler";
import { clip, textMessages } from "./outgoing";
import { runHandler } from "./run-handler";
import type { Output, StepResult } from "./step-result";
import { checkFlowFailure, evaluateTriggers, inactivityTrigger, padText, type FiredTrigger } from "./triggers";
import { isUsableState } from "./usable-state";

/** Node entries allowed in one step; a longer run without waiting is a loop in the flow. */
const MAX_TRANSITIONS = 250;
/** Entering one node this often in one step, with no customer input in between, is a loop. */
const MAX_VISITS_PER_NODE = 3;
const MAX_LINE_CHARS = 300;
const MAX_ANALYZED_CHARS = 2000;

type Run = {
  index: FlowIndex;
  ctx: EngineContext;
  outputs: Output[];
  events: AnalyticsEvent[];
  transitions: number;
  visits: Map<string, number>;
  firstMessage: string | null;
  intentHint: IntentResult | null;
  sentimentScore: number | null;
  today: string;
  /** Fields and intent the step began with: the checklist is recomputed only when they change. */
  before: { fields: unknown; intent: string | null };
};

/**
 * Advances a conversation by one input: runs nodes until the flow waits for the customer or an effect, hands
 * off or ends. Pure (clock, randomness and language understanding come from ctx) and never throws.
 */
export function step(flow: FlowDocument, state: ConversationState | null, input: EngineInput, ctx: EngineContext): StepResult {
  try {
    return runStep(flow, state, input, ctx);
  } catch (error) {
    return failSafe(state, ctx, error);
  }
}

function runStep(flow: FlowDocument, previous: ConversationState | null, input: EngineInput, ctx: EngineContext): StepResult {
  const index = indexFlow(flow);
  const run: Run = {
    index,
    ctx,
    outputs: [],
    events: [],
    transitions: 0,
    visits: new Map(),
    firstMessage: null,
    intentHint: null,
    sentimentScore: null,
    today: /^\d{4}-\d{2}-\d{2}/.test(ctx.now) ? ctx.now.slice(0, 10) : "1970-01-01",
    before: { fields: null, intent: null },
  };
  const state = isUsableState(previous, index) ? previous : null;
  if (state) run.before = { fields: state.fields, intent: state.intent };
  switch (input.kind) {
    case "customer":
      return onCustomer(run, state, input.input);
    case "effect_result":
      return onEffectResult(run, state, input.effectId, input.result);
    case "timeout":
      return onTimeout(run, state);
    case "resume":
      return onResume(run, state, input.nodeId);
    default:
      return assertNever(input);
  }
}

/** Text the customer typed (or captioned), which phrases and sentiment are read from; taps are not typing. */
function typedText(input: CustomerInput): string {
  if (input.kind === "text") return input.text;
  if (input.kind === "media") return input.caption ?? "";
  return "";
}

function textForHandler(input: CustomerInput): string {
  if (input.kind === "choice") return input.title;
  if (input.kind === "location") return input.address ?? input.name ?? "";
  return typedText(input);
}

function onCustomer(run: Run, state: ConversationState | null, input: CustomerInput): StepResult {
  if (state === null || state.status === "ended") return startConversation(run, input);
  // The bot stays silent while an agent has the conversation.
  if (state.status === "handoff") return finish(run, state);

  const typed = typedText(input);
  const current = recordCustomer(run, state, input, typed);
  const screened = screen(run, current, input, typed);
  if (screened) return routeToHandoff(run, current, screened);
  if (current.status === "waiting_effect") return finish(run, current);
  if (input.kind === "unsupported") {
    pushMessages(run, textMessages(run.index.flow.settings.unsupportedText));
    return finish(run, current);
  }
  return drive(run, current, current.nodeId, { kind: "customer", input, text: textForHandler(input) });
}

function startConversation(run: Run, input: CustomerInput): StepResult {
  const { index, ctx } = run;
  const opening = clip(textForHandler(input), 1000);
  const fields: Record<string, string> = { ...ctx.customer.fields, customer_phone: ctx.customer.phone, first_message: opening };
  if (ctx.customer.name) fields.customer_name = ctx.customer.name;
  const fresh = { ...initialState(index.startNodeId ?? index.defaultHandoffId), fields };
  const typed = typedText(input);
  const state = recordCustomer(run, fresh, input, typed);
  run.firstMessage = opening;

  const screened = screen(run, state, input, typed);
  if (screened) return routeToHandoff(run, state, screened);
  if (index.startNodeId === null) {
    return routeToHandoff(run, state, engineEscalation("The flow has no start", "flow_error"));
  }
  return drive(run, state, index.startNodeId, undefined);
}

function onEffectResult(run: Run, state: ConversationState | null, effectId: string, result: EffectResult): StepResult {
  if (state === null) return finish(run, endedState(run.index));
  const pending = state.pendingEffect;
  // Late or duplicate answers (a retried webhook, a lost race) change nothing.
  if (state.status !== "waiting_effect" || pending === null || pending.id !== effectId) return finish(run, state);
  const resumed: ConversationState = { ...state, status: "active", pendingEffect: null };
  return drive(run, resumed, pending.nodeId, { kind: "effect_result", effectId, result });
}

function onTimeout(run: Run, state: ConversationState | null): StepResult {
  if (state === null) return finish(run, endedState(run.index));
  switch (state.status) {
    case "handoff":
    case "ended":
      return finish(run, state);
    case "waiting_effect": {
      const pending = state.pendingEffect;
      if (pending === null) return finish(run, state);
      const resumed: ConversationState = { ...state, status: "active", pendingEffect: null };
      return drive(run, resumed, pending.nodeId, { kind: "effect_result", effectId: pending.id, result: { kind: "failure", reason: "timeout" } });
    }
    case "active": {
      // Silence after the closing rating question is not a drop-out: the customer was already helped.
      if (state.scratch.phase === "csat") return finish(run, { ...state, status: "ended" });
      const trigger = inactivityTrigger(run.index);
      if (trigger) return routeToHandoff(run, state, trigger);
      run.events.push({ type: "conversation.dropped", nodeId: state.nodeId });
      return finish(run, { ...state, status: "ended" });
    }
    default:
      return assertNever(state.status);
  }
}

function onResume(run: Run, state: ConversationState | null, nodeId: string): StepResult {
  const fallback = state ?? endedState(run.index);
  if (!run.index.nodes.has(nodeId)) return finish(run, fallback);
  const base = state ?? { ...initialState(nodeId), fields: { customer_phone: run.ctx.customer.phone } };
  return drive(run, { ...base, status: "active", escalation: null, pendingEffect: null }, nodeId, undefined);
}

/** Counts the turn, keeps a masked line for the summary and scores sentiment once for all triggers. */
function recordCustomer(run: Run, state: ConversationState, input: CustomerInput, typed: string): ConversationState {
  const node = state.status === "ended" ? undefined : run.index.nodes.get(state.nodeId);
  // Codes, birth dates and answers saved to sensitive fields must not reach the agent's summary.
  const masked =
    node?.type === "verify_identity" || (node?.type === "ask" && run.index.sensitiveFieldKeys.includes(node.data.saveTo));
  const line = masked ? "[private answer]" : clip(textForHandler(input), MAX_LINE_CHARS);
  const recent = line.trim() === "" ? state.recent : [...state.recent, { from: "customer" as const, text: line }].slice(-MAX_RECENT);
  let sentiment = state.sentiment;
  if (typed.trim() !== "") {
    const result = run.ctx.nlu.analyzeSentiment(typed.slice(0, MAX_ANALYZED_CHARS));
    const score = Number.isFinite(result.score) ? Math.min(1, Math.max(-1, result.score)) : 0;
    run.sentimentScore = score;
    sentiment = [...state.sentiment, { score, negative: result.label === "negative" }].slice(-MAX_SENTIMENT);
  }
  return { ...state, recent, sentiment, customerTurns: state.customerTurns + 1 };
}

/** "Talk to an agent" first, then the flow-wide triggers, all before the current node sees the message. */
function screen(run: Run, state: ConversationState, input: CustomerInput, typed: string): FiredTrigger | null {
  const { index } = run;
  const padded = typed === "" ? "" : padText(typed);
  if (padded !== "" && hasPhrase(padded, index.agentPhrases) !== null) {
    return engineEscalation("The customer asked for an agent", "agent_request");
  }
  if (index.triggers.length === 0) return null;
  run.intentHint = clarificationIntent(run, state, input, typed);
  return evaluateTriggers(index, state, { paddedText: padded, sentimentScore: run.sentimentScore, clarifiedIntent: run.intentHint });
}

/** A free-text answer to the clarifying question, classified once for the low-confidence trigger and the node. */
function clarificationIntent(run: Run, state: ConversationState, input: CustomerInput, typed: string): IntentResult | null {
  if (state.status !== "active" || state.scratch.phase !== "clarifying" || typed.trim() === "") return null;
  const node = run.index.nodes.get(state.nodeId);
  if (node?.type !== "categorize" || pickedCategory(node, input) !== null) return null;
  if (!run.index.triggers.some((trigger) => trigger.rule.kind === "low_confidence")) return null;
  return classifyForNode(node, typed.trim(), { engine: run.ctx });
}

function engineEscalation(reason: string, kind: Escalation["kind"], triggerId: string | null = null): FiredTrigger {
  return { escalation: { reason, kind, triggerId }, handoffNodeId: null, trigger: null };
}

function routeToHandoff(run: Run, state: ConversationState, fired: FiredTrigger): StepResult {
  let next: ConversationState = { ...state, escalation: fired.escalation, pendingEffect: null };
  if (fired.trigger) {
    run.events.push({
      type: "trigger.fired",
      nodeId: state.nodeId,
      data: { triggerId: fired.trigger.id, kind: fired.trigger.rule.kind, reason: fired.trigger.reason },
    });
    if (fired.trigger.rule.kind === "high_value") next = { ...next, firedTriggers: [...next.firedTriggers, fired.trigger.id] };
  }
  return drive(run, next, handoffTarget(run.index, fired.handoffNodeId), undefined);
}

const handoffTarget = (index: FlowIndex, nodeId: string | null): string =>
  nodeId !== null && index.nodes.get(nodeId)?.type === "handoff" ? nodeId : index.defaultHandoffId;

function enter(state: ConversationState, nodeId: string): ConversationState {
  const path = state.path.length >= MAX_PATH ? [...state.path.slice(1 - MAX_PATH), nodeId] : [...state.path, nodeId];
  return { ...state, nodeId, status: "active", scratch: freshScratch(), pendingEffect: null, path };
}

/** Runs nodes from nodeId until the flow waits, hands off or ends. */
function drive(run: Run, start: ConversationState, startNodeId: string, firstInput: HandlerInput | undefined): StepResult {
  const { index } = run;
  let state = start;
  let nodeId = startNodeId;
  let input = firstInput;
  // Every path below either returns or moves on; the bound is a last guard against a bug in that reasoning.
  for (let guard = 0; guard < MAX_TRANSITIONS * 2 + 10; guard++) {
    const node = index.nodes.get(nodeId);
    if (!node) {
      state = { ...state, escalation: engineEscalation(`The flow points to a missing step (${nodeId})`, "flow_error").escalation };
      nodeId = index.defaultHandoffId;
      input = undefined;
      continue;
    }
    if (input === undefined) {
      if (node.type !== "handoff") {
        run.transitions += 1;
        const visits = (run.visits.get(nodeId) ?? 0) + 1;
        run.visits.set(nodeId, visits);
        if (run.transitions > MAX_TRANSITIONS || visits > MAX_VISITS_PER_NODE) {
          state = { ...state, escalation: engineEscalation("Flow error: the flow loops without waiting for the customer", "flow_error").escalation };
          nodeId = index.defaultHandoffId;
          continue;
        }
        if (node.sensitive === true && !state.verified) {
          const title = node.title ?? node.type;
          state = { ...state, escalation: { reason: `"${title}" needs a verified customer`, kind: "sensitive_node", triggerId: node.id } };
          nodeId = index.defaultHandoffId;
          continue;
        }
      }
      state = enter(state, nodeId);
      run.events.push({ type: "node.entered", nodeId });
    }

    const result = runHandler(node, state, handlerContext(run, input));
    input = undefined;
    state = result.state;
    pushMessages(run, result.messages);
    for (const event of result.events) run.events.push(event);

    // A flow-failure trigger is flow-wide policy: it wins over the node's own way out of repeated wrong answers.
    const failed = result.kind !== "handoff" && result.events.some((event) => event.type === "validation.failed");
    const stuck = failed ? checkFlowFailure(index, state, nodeId) : null;
    if (stuck) {
      run.events.push({ type: "trigger.fired", nodeId, data: { triggerId: stuck.trigger?.id ?? null, kind: "flow_failure", reason: stuck.escalation.reason } });
      state = { ...state, escalation: stuck.escalation };
      nodeId = handoffTarget(index, stuck.handoffNodeId);
      continue;
    }

    switch (result.kind) {
      case "wait":
        return finish(run, state.status === "active" ? state : { ...state, status: "active" });
      case "await_effect":
        run.outputs.push({ kind: "effect", effect: result.effect });
        return finish(run, {
          ...state,
          status: "waiting_effect",
          pendingEffect: { id: result.effect.id, kind: result.effect.kind, nodeId },
        });
      case "advance": {
        run.events.push({ type: "node.completed", nodeId, port: result.via });
        const target = index.target(nodeId, result.via);
        if (target === undefined) {
          const title = node.title ?? node.type;
          state = { ...state, escalation: engineEscalation(`Flow error: nothing follows "${title}" (${result.via})`, "flow_error").escalation };
          nodeId = index.defaultHandoffId;
          continue;
        }
        nodeId = target;
        continue;
      }
      case "handoff":
        if (result.effect) run.outputs.push({ kind: "effect", effect: result.effect });
        return finish(run, { ...state, status: "handoff", pendingEffect: null });
      case "end":
        run.events.push({ type: "node.completed", nodeId });
        return finish(run, { ...state, status: "ended", pendingEffect: null });
      case "escalate":
        state = { ...state, escalation: result.escalation };
        nodeId = handoffTarget(index, result.handoffNodeId);
        continue;
      default:
        return assertNever(result);
    }
  }
  return failSafe(state, run.ctx, new Error("step exceeded its transition guard"));
}

function handlerContext(run: Run, input: HandlerInput | undefined): HandlerContext {
  return {
    input,
    engine: run.ctx,
    flow: run.index,
    today: run.today,
    newEffectId: () => newEffectId(run.ctx.random),
    firstMessage: run.firstMessage,
    intentHint: input?.kind === "customer" ? run.intentHint : null,
  };
}

function randomChunk(random: () => number): string {
  const value = random();
  const unit = Number.isFinite(value) ? Math.min(Math.max(value, 0), 0.9999999999) : 0;
  return Math.floor(unit * 2 ** 32)
    .toString(36)
    .padStart(7, "0");
}

/** Effect ids come from ctx.random, so a seeded run repeats them exactly. */
const newEffectId = (random: () => number) => `eff_${randomChunk(random)}${randomChunk(random)}`;

function pushMessages(run: Run, messages: readonly OutgoingMessage[]) {
  for (const message of messages) run.outputs.push({ kind: "message", message });
}

function botLine(message: OutgoingMessage): string {
  switch (message.kind) {
    case "text":
      return message.text;
    case "buttons":
    case "list":
    case "location_request":
      return message.body;
    case "media":
      return message.caption ?? `[${message.mediaType}]`;
    case "template":
      return `[template ${message.name}]`;
    default:
      return assertNever(message);
  }
}

function finish(run: Run, state: ConversationState): StepResult {
  let next = state;
  if (run.outputs.length > 0) {
    const lines = [...state.recent];
    for (const output of run.outputs) {
      if (output.kind === "message") lines.push({ from: "bot", text: clip(botLine(output.message), MAX_LINE_CHARS) });
    }
    next = { ...next, recent: lines.slice(-MAX_RECENT) };
  }
  const changed = next.fields !== run.before.fields || next.intent !== run.before.intent;
  if (changed && next.intent !== null && run.index.checklistsByIntent.has(next.intent) && next.status !== "handoff") {
    next = { ...next, checklist: checklistStatus(run.index, next.intent, next.fields) };
  }
  return { state: next, outputs: run.outputs, events: run.events };
}

function endedState(index: FlowIndex): ConversationState {
  return { ...initialState(index.startNodeId ?? ""), status: "ended" };
}

/**
 * The answer when something unforeseen breaks inside a step: a person takes over, with a plain reason, rather
 * than the customer meeting silence or the runtime meeting an exception.
 */
function failSafe(previous: ConversationState | null, ctx: EngineContext, error: unknown): StepResult {
  const reason = `Flow error: ${error instanceof Error ? clip(error.message, 200) : "unknown"}`;
  const escalation: Escalation = { reason, kind: "flow_error", triggerId: null };
  const base = previous && typeof previous === "object" && typeof previous.fields === "object" && previous.fields !== null ? previous.fields : {};
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (typeof value === "string") fields[key] = value;
  const state: ConversationState = { ...initialState(""), status: "handoff", escalation, fields };
  let effectId = "eff_failsafe";
  try {
    effectId = newEffectId(ctx.random);
  } catch {
    // A broken random source must not stop the handoff; the fixed id is still unique within this step.
  }
  return {
    state,
    outputs: [
      { kind: "message", message: { kind: "text", text: DEFAULT_TEXTS.handoffFallbackConfirmation } },
      {
        kind: "effect",
        effect: {
          kind: "create_handoff",
          id: effectId,
          nodeId: "",
          packet: {
            handoffNodeId: "",
            queue: "General support",
            priority: "high",
            reason,
            escalationKind: "flow_error",
            triggerId: null,
            fields,
            sensitiveFields: [],
            intent: null,
            confidence: null,
            verified: false,
            checklist: [],
            stepsTried: [],
            summary: "",
            outsideHours: false,
            path: [],
          },
        },
      },
    ],
    events: [{ type: "conversation.escalated", data: { reason, kind: "flow_error", triggerId: null } }],
  };
}
