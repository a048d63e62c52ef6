import { rate } from "./percentile";

/** How conversations passed one node of a version. Counts are distinct conversations. */
export type NodeFunnel = {
  nodeId: string;
  /** Reached the node within the range (its first event there: node.entered, or a later one). */
  entered: number;
  /** Of those, left it forward: completed it (node.completed), or were handed to an agent there (conversation.escalated). */
  movedOn: number;
  /** Of those, went quiet there until the inactivity timeout (conversation.dropped). */
  dropped: number;
};

export type FunnelEvent = { nodeId: string; conversationId: string; type: string; at: Date };

const FUNNEL_STEP: Readonly<Record<string, "entered" | "movedOn" | "dropped">> = {
  "node.entered": "entered",
  "node.completed": "movedOn",
  "conversation.escalated": "movedOn",
  "conversation.dropped": "dropped",
};

/**
 * The reference definition of the drop-off overlay; db/queries/analytics.ts computes the same in SQL. A conversation
 * counts at a node when it first reached the node within [from, until); what it did there afterwards counts with it,
 * so "moved on" and "dropped" never exceed "entered".
 */
export function nodeFunnels(events: readonly FunnelEvent[], range: { from: Date; until: Date }): NodeFunnel[] {
  const steps = new Map<string, { nodeId: string; firstAt: number; movedOn: boolean; dropped: boolean }>();
  for (const event of events) {
    const step = FUNNEL_STEP[event.type];
    if (step === undefined) continue;
    const key = `${event.conversationId} ${event.nodeId}`;
    const entry = steps.get(key) ?? { nodeId: event.nodeId, firstAt: event.at.getTime(), movedOn: false, dropped: false };
    steps.set(key, entry);
    entry.firstAt = Math.min(entry.firstAt, event.at.getTime());
    if (step === "movedOn") entry.movedOn = true;
    if (step === "dropped") entry.dropped = true;
  }
  const funnels = new Map<string, NodeFunnel>();
  for (const step of steps.values()) {
    if (step.firstAt < range.from.getTime() || step.firstAt >= range.until.getTime()) continue;
    const funnel = funnels.get(step.nodeId) ?? { nodeId: step.nodeId, entered: 0, movedOn: 0, dropped: 0 };
    funnels.set(step.nodeId, funnel);
    funnel.entered += 1;
    if (step.movedOn) funnel.movedOn += 1;
    if (step.dropped) funnel.dropped += 1;
  }
  return [...funnels.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}

export type FunnelTone = "good" | "warning" | "bad" | "neutral";

/** Thresholds a support manager reads at a glance: under 10 % is healthy, 25 % or more needs work. */
export const DROP_OFF_WARNING = 0.1;
export const DROP_OFF_BAD = 0.25;

export function dropOffRate(funnel: NodeFunnel): number | null {
  return rate(funnel.dropped, funnel.entered);
}

export function funnelTone(funnel: NodeFunnel): FunnelTone {
  const share = dropOffRate(funnel);
  if (share === null) return "neutral";
  if (share >= DROP_OFF_BAD) return "bad";
  if (share >= DROP_OFF_WARNING) return "warning";
  return "good";
}

const count = new Intl.NumberFormat("en-GB");

/** "120 entered · 100 moved on · 12 dropped": the badge the canvas overlay shows on each node. */
export function funnelBadge(funnel: NodeFunnel): string {
  return `${count.format(funnel.entered)} entered · ${count.format(funnel.movedOn)} moved on · ${count.format(funnel.dropped)} dropped`;
}

export function funnelDescription(funnel: NodeFunnel): string {
  const share = dropOffRate(funnel);
  const percent = share === null ? "no traffic" : `${(share * 100).toFixed(1)} % drop-off`;
  return `${funnelBadge(funnel)} (${percent})`;
}
