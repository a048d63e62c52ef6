import { average, percentile, rate } from "./percentile";

/**
 * What one conversation contributed, as read from conversations + analytics_events. These reference definitions
 * are what db/queries/analytics.ts computes in SQL; a database test checks that both agree on the same data.
 */
export type ConversationFacts = {
  startedAt: Date;
  endedAt: Date | null;
  /** From conversation.resolved events: by the bot at an end node, or by an agent in the inbox. */
  resolvedBy: "bot" | "agent" | null;
  /** Distinct escalation kinds (conversation.escalated data.kind) of this conversation. */
  escalationKinds: readonly string[];
  /** Messages exchanged, both sides (conversations.last_seq). */
  messageCount: number;
  clarified: boolean;
};

export type HandoffFacts = { createdAt: Date; firstResponseAt: Date | null };

export type Spread = { p50: number | null; p90: number | null };

export type EscalationReason = { kind: string; conversations: number; rate: number | null };

export type FlowSummary = {
  started: number;
  resolved: number;
  /** Resolved by the bot and never handed to an agent. */
  contained: number;
  containmentRate: number | null;
  escalated: number;
  escalationRate: number | null;
  escalationsByReason: EscalationReason[];
  /** Messages exchanged in resolved conversations. */
  messagesToResolve: { average: number | null; p50: number | null };
  /** Seconds from the first message to the end, over resolved conversations. */
  timeToResolve: Spread;
  /** Seconds from the handoff to the agent's first reply, over handoffs that got one. */
  firstResponse: Spread & { answered: number; handoffs: number };
  clarified: number;
  clarificationRate: number | null;
};

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

export function summarizeFlow(conversations: readonly ConversationFacts[], handoffs: readonly HandoffFacts[]): FlowSummary {
  const started = conversations.length;
  const resolved = conversations.filter((conversation) => conversation.resolvedBy !== null);
  const contained = resolved.filter(
    (conversation) => conversation.resolvedBy === "bot" && conversation.escalationKinds.length === 0,
  ).length;
  const escalated = conversations.filter((conversation) => conversation.escalationKinds.length > 0).length;
  const clarified = conversations.filter((conversation) => conversation.clarified).length;

  const byKind = new Map<string, number>();
  for (const conversation of conversations) {
    for (const kind of new Set(conversation.escalationKinds)) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const escalationsByReason = [...byKind.entries()]
    .map(([kind, count]) => ({ kind, conversations: count, rate: rate(count, started) }))
    .sort((a, b) => b.conversations - a.conversations || a.kind.localeCompare(b.kind));

  const messageCounts = resolved.map((conversation) => conversation.messageCount);
  const durations = resolved.flatMap((conversation) =>
    conversation.endedAt ? [seconds(conversation.startedAt, conversation.endedAt)] : [],
  );
  const responses = handoffs.flatMap((handoff) =>
    handoff.firstResponseAt ? [seconds(handoff.createdAt, handoff.firstResponseAt)] : [],
  );

  return {
    started,
    resolved: resolved.length,
    contained,
    containmentRate: rate(contained, started),
    escalated,
    escalationRate: rate(escalated, started),
    escalationsByReason,
    messagesToResolve: { average: average(messageCounts), p50: percentile(messageCounts, 0.5) },
    timeToResolve: { p50: percentile(durations, 0.5), p90: percentile(durations, 0.9) },
    firstResponse: {
      p50: percentile(responses, 0.5),
      p90: percentile(responses, 0.9),
      answered: responses.length,
      handoffs: handoffs.length,
    },
    clarified,
    clarificationRate: rate(clarified, started),
  };
}

export type CsatSummary = { responses: number; average: number | null; distribution: { score: number; count: number }[] };

/** Scores outside 1–5 are ignored: the end node only records 1–5, anything else is corrupt data. */
export function summarizeCsat(scores: readonly number[]): CsatSummary {
  const valid = scores.filter((score) => Number.isInteger(score) && score >= 1 && score <= 5);
  return {
    responses: valid.length,
    average: average(valid),
    distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: valid.filter((value) => value === score).length })),
  };
}

export type StepFailures = { nodeId: string; failures: number; conversations: number };

/** validation.failed events per step, worst first. */
export function validationFailuresByStep(events: readonly { nodeId: string; conversationId: string }[]): StepFailures[] {
  const byNode = new Map<string, { failures: number; conversations: Set<string> }>();
  for (const event of events) {
    const entry = byNode.get(event.nodeId) ?? { failures: 0, conversations: new Set<string>() };
    entry.failures += 1;
    entry.conversations.add(event.conversationId);
    byNode.set(event.nodeId, entry);
  }
  return [...byNode.entries()]
    .map(([nodeId, entry]) => ({ nodeId, failures: entry.failures, conversations: entry.conversations.size }))
    .sort((a, b) => b.failures - a.failures || a.nodeId.localeCompare(b.nodeId));
}
