import { describe, expect, it } from "vitest";
import { dropOffRate, funnelBadge, funnelTone, nodeFunnels, type FunnelEvent } from "./node-funnel";

const DAY_MS = 86_400_000;
const JAN_1 = Date.UTC(2026, 0, 1);
const event = (conversationId: string, nodeId: string, type: string, day = 1): FunnelEvent => ({
  conversationId,
  nodeId,
  type,
  at: new Date(JAN_1 + (day - 1) * DAY_MS),
});
const JANUARY = { from: new Date(JAN_1), until: new Date(JAN_1 + 31 * DAY_MS) };

describe("nodeFunnels", () => {
  it("counts distinct conversations that entered, moved on and dropped at each node", () => {
    const events = [
      event("a", "start", "node.entered"),
      event("a", "start", "node.completed"),
      event("a", "ask", "node.entered"),
      event("a", "ask", "node.completed"),
      event("a", "ask", "node.entered"),
      event("a", "ask", "node.completed"),
      event("b", "start", "node.entered"),
      event("b", "start", "node.completed"),
      event("b", "ask", "node.entered"),
      event("b", "ask", "conversation.dropped"),
      event("c", "handoff", "node.entered"),
      event("c", "handoff", "conversation.escalated"),
      event("c", "handoff", "csat.recorded"),
      event("d", "end", "conversation.resolved"),
    ];

    expect(nodeFunnels(events, JANUARY)).toEqual([
      { nodeId: "ask", entered: 2, movedOn: 1, dropped: 1 },
      { nodeId: "handoff", entered: 1, movedOn: 1, dropped: 0 },
      { nodeId: "start", entered: 2, movedOn: 2, dropped: 0 },
    ]);
  });

  it("counts a conversation where it first reached the node in the range, with what it did there later", () => {
    const events = [
      event("before", "ask", "node.entered", 1),
      event("before", "ask", "conversation.dropped", 3),
      event("inside", "ask", "node.entered", 2),
      event("inside", "ask", "node.completed", 9),
      event("inside", "ask", "node.entered", 9),
      // Reached without a node.entered (escalated on arrival): the escalation is its first event there.
      event("escalated", "handoff", "conversation.escalated", 4),
    ];

    expect(nodeFunnels(events, { from: new Date(JAN_1 + DAY_MS), until: new Date(JAN_1 + 5 * DAY_MS) })).toEqual([
      { nodeId: "ask", entered: 1, movedOn: 1, dropped: 0 },
      { nodeId: "handoff", entered: 1, movedOn: 1, dropped: 0 },
    ]);
  });
});

describe("funnelTone", () => {
  it("colours by drop-off rate: under 10 % good, under 25 % warning, otherwise bad", () => {
    expect(funnelTone({ nodeId: "n", entered: 100, movedOn: 91, dropped: 9 })).toBe("good");
    expect(funnelTone({ nodeId: "n", entered: 100, movedOn: 90, dropped: 10 })).toBe("warning");
    expect(funnelTone({ nodeId: "n", entered: 100, movedOn: 75, dropped: 25 })).toBe("bad");
    expect(funnelTone({ nodeId: "n", entered: 0, movedOn: 0, dropped: 0 })).toBe("neutral");
  });

  it("writes the badge as entered · moved on · dropped", () => {
    const funnel = { nodeId: "n", entered: 1200, movedOn: 1000, dropped: 120 };

    expect(funnelBadge(funnel)).toBe("1,200 entered · 1,000 moved on · 120 dropped");
    expect(dropOffRate(funnel)).toBe(0.1);
  });
});
