import { describe, expect, it } from "vitest";
import { summarizeCsat, summarizeFlow, validationFailuresByStep, type ConversationFacts } from "./flow-metrics";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

function conversation(overrides: Partial<ConversationFacts>): ConversationFacts {
  return { startedAt: at(0), endedAt: null, resolvedBy: null, escalationKinds: [], messageCount: 0, clarified: false, ...overrides };
}

// Hand-computed fixture: five conversations.
// A: bot resolved in 4 min, 6 messages, clarified. B: bot resolved in 10 min, 10 messages.
// C: escalated (keyword), agent resolved after 30 min, 12 messages. D: escalated twice (keyword, negative), open.
// E: active, nothing happened yet.
const FIXTURE: ConversationFacts[] = [
  conversation({ endedAt: at(4), resolvedBy: "bot", messageCount: 6, clarified: true }),
  conversation({ endedAt: at(10), resolvedBy: "bot", messageCount: 10 }),
  conversation({ endedAt: at(30), resolvedBy: "agent", escalationKinds: ["keyword"], messageCount: 12 }),
  conversation({ escalationKinds: ["keyword", "negative_sentiment"], messageCount: 5 }),
  conversation({ messageCount: 1 }),
];

describe("summarizeFlow", () => {
  it("counts containment as resolved by the bot without any agent", () => {
    const summary = summarizeFlow(FIXTURE, []);

    expect(summary.started).toBe(5);
    expect(summary.resolved).toBe(3);
    expect(summary.contained).toBe(2);
    expect(summary.containmentRate).toBe(0.4);
  });

  it("does not count a bot resolution as contained when the conversation was escalated before", () => {
    const summary = summarizeFlow([conversation({ resolvedBy: "bot", escalationKinds: ["flow_route"] })], []);

    expect(summary.contained).toBe(0);
    expect(summary.escalated).toBe(1);
  });

  it("breaks escalations down by reason, counting each conversation once per reason", () => {
    const summary = summarizeFlow(FIXTURE, []);

    expect(summary.escalated).toBe(2);
    expect(summary.escalationRate).toBe(0.4);
    expect(summary.escalationsByReason).toEqual([
      { kind: "keyword", conversations: 2, rate: 0.4 },
      { kind: "negative_sentiment", conversations: 1, rate: 0.2 },
    ]);
  });

  it("measures messages and time to resolve over resolved conversations only", () => {
    const summary = summarizeFlow(FIXTURE, []);

    // messages 6, 10, 12: average 28/3, median 10. Durations 240, 600, 1800 s: p50 600, p90 at rank 1.8 = 600 + 0.8 × 1200.
    expect(summary.messagesToResolve.average).toBeCloseTo(28 / 3, 10);
    expect(summary.messagesToResolve.p50).toBe(10);
    expect(summary.timeToResolve.p50).toBe(600);
    expect(summary.timeToResolve.p90).toBeCloseTo(1560, 10);
  });

  it("measures first response time over handoffs that were answered", () => {
    const handoffs = [
      { createdAt: at(0), firstResponseAt: at(2) },
      { createdAt: at(0), firstResponseAt: at(6) },
      { createdAt: at(0), firstResponseAt: null },
    ];

    const summary = summarizeFlow(FIXTURE, handoffs);

    expect(summary.firstResponse).toEqual({ p50: 240, p90: 336, answered: 2, handoffs: 3 });
  });

  it("reports the clarification rate as a share of started conversations", () => {
    expect(summarizeFlow(FIXTURE, []).clarificationRate).toBe(0.2);
  });

  it("has no rates for a flow nobody talked to", () => {
    const summary = summarizeFlow([], []);

    expect(summary.containmentRate).toBeNull();
    expect(summary.timeToResolve).toEqual({ p50: null, p90: null });
    expect(summary.escalationsByReason).toEqual([]);
  });
});

describe("summarizeCsat", () => {
  it("averages the scores and fills the 1–5 distribution", () => {
    const csat = summarizeCsat([5, 4, 4, 1, 5, 5]);

    expect(csat.responses).toBe(6);
    expect(csat.average).toBe(4);
    expect(csat.distribution).toEqual([
      { score: 1, count: 1 },
      { score: 2, count: 0 },
      { score: 3, count: 0 },
      { score: 4, count: 2 },
      { score: 5, count: 3 },
    ]);
  });

  it("ignores scores outside 1–5", () => {
    expect(summarizeCsat([0, 6, 3.5, 3]).responses).toBe(1);
  });
});

describe("validationFailuresByStep", () => {
  it("counts failures and the conversations that had them, worst step first", () => {
    const events = [
      { nodeId: "ask-email", conversationId: "a" },
      { nodeId: "ask-email", conversationId: "a" },
      { nodeId: "ask-email", conversationId: "b" },
      { nodeId: "ask-order", conversationId: "c" },
    ];

    expect(validationFailuresByStep(events)).toEqual([
      { nodeId: "ask-email", failures: 3, conversations: 2 },
      { nodeId: "ask-order", failures: 1, conversations: 1 },
    ]);
  });
});
