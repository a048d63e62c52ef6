import type { EscalationRule, FlowTrigger } from "@/lib/flow/nodes/escalation-rule";
import { normalizeText } from "@/runtime/nlu/phrase-match";
import { foldText } from "./fold-text";
import type { IntentResult } from "@/runtime/nlu/types";
import { assertNever } from "@/lib/result";
import type { ConversationState } from "./conversation-state";
import type { Escalation } from "./effect";
import { comparisonHolds } from "./field-comparison";
import { hasPhrase, type FlowIndex } from "./flow-index";

/** What one customer message tells the triggers. */
export type TriggerSignal = {
  /** Normalised typed text padded with spaces (" cancel my account "), or "" for taps and media. */
  paddedText: string;
  /** The message's sentiment score, already appended to state.sentiment; null without text. */
  sentimentScore: number | null;
  /** The intent of a free-text answer to a clarifying question, when one was computed. */
  clarifiedIntent: IntentResult | null;
};

/** A decision to hand off; trigger is null for the engine's own reasons ("talk to an agent", flow errors). */
export type FiredTrigger = { escalation: Escalation; handoffNodeId: string | null; trigger: FlowTrigger | null };

export const padText = (text: string): string => {
  const normalized = foldText(text);
  return normalized === "" ? "" : ` ${normalized} `;
};

const phraseCache = new WeakMap<readonly string[], readonly string[]>();

function normalizedPhrases(phrases: readonly string[]): readonly string[] {
  const known = phraseCache.get(phrases);
  if (known) return known;
  const normalized = phrases.map((phrase) => normalizeText(phrase)).filter((phrase) => phrase !== "");
  phraseCache.set(phrases, normalized);
  return normalized;
}

const negativeCount = (state: ConversationState) => state.sentiment.reduce((count, entry) => count + (entry.negative ? 1 : 0), 0);

/**
 * Whether a rule holds for this message. Flow triggers and escalation_trigger nodes share it; the caller
 * decides which rules apply at which moment (flow failure is checked after a wrong answer, not here).
 */
export function ruleHolds(rule: EscalationRule, state: ConversationState, signal: TriggerSignal): boolean {
  switch (rule.kind) {
    case "keyword":
    case "security":
      return signal.paddedText !== "" && hasPhrase(signal.paddedText, normalizedPhrases(rule.phrases)) !== null;
    case "negative_sentiment":
      if (signal.sentimentScore === null) return false;
      return signal.sentimentScore <= rule.strongThreshold || negativeCount(state) >= rule.repeatedCount;
    case "low_confidence": {
      if (!state.clarificationUsed) return false;
      const confidence = signal.clarifiedIntent?.confidence ?? state.confidence;
      return confidence !== null && confidence < rule.threshold;
    }
    case "high_value":
      return comparisonHolds(rule.when, state.fields);
    case "flow_failure":
      return Object.values(state.validationFailures).some((count) => count >= rule.maxValidationFailures);
    default:
      return assertNever(rule);
  }
}

/**
 * The first flow-wide trigger that fires on a customer message, checked before the current node runs.
 * Low confidence only counts for an answer to the clarifying question; high value fires once per
 * conversation; flow failure waits for checkFlowFailure.
 */
export function evaluateTriggers(flow: FlowIndex, state: ConversationState, signal: TriggerSignal): FiredTrigger | null {
  for (const trigger of flow.triggers) {
    const { rule } = trigger;
    if (rule.kind === "flow_failure") continue;
    if (rule.kind === "low_confidence" && signal.clarifiedIntent === null) continue;
    if (rule.kind === "high_value" && state.firedTriggers.includes(trigger.id)) continue;
    if (ruleHolds(rule, state, signal)) return fire(trigger);
  }
  return null;
}

/** A flow-failure trigger whose limit the node's wrong answers have reached. */
export function checkFlowFailure(flow: FlowIndex, state: ConversationState, nodeId: string): FiredTrigger | null {
  const failures = Object.hasOwn(state.validationFailures, nodeId) ? (state.validationFailures[nodeId] ?? 0) : 0;
  if (failures === 0) return null;
  for (const trigger of flow.triggers) {
    if (trigger.rule.kind === "flow_failure" && failures >= trigger.rule.maxValidationFailures) return fire(trigger);
  }
  return null;
}

/** The flow-failure trigger that escalates a customer who went quiet, if the flow has one. */
export function inactivityTrigger(flow: FlowIndex): FiredTrigger | null {
  const trigger = flow.triggers.find((candidate) => candidate.rule.kind === "flow_failure" && candidate.rule.onInactivity);
  return trigger ? fire(trigger) : null;
}

function fire(trigger: FlowTrigger): FiredTrigger {
  return {
    trigger,
    escalation: { reason: trigger.reason, kind: trigger.rule.kind, triggerId: trigger.id },
    handoffNodeId: trigger.handoffNodeId ?? null,
  };
}
