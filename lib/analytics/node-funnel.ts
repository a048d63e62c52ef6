import { rate } from "./percentile";

/** How conversations passed one node of a version. Counts are distinct conversations. */
export type NodeFunnel = {
  nodeId: string;
  /** Reached the node (node.entered). */
  entered: number;
  /** Left it forward: completed it (node.completed), or were handed to an agent there (conversation.escalated). */
  movedOn: number;
  /** Went quiet there until the inactivity timeout (conversation.dropped). */
  dropped: number;
};

export type FunnelEvent = { nodeId: string; conversationId: string; type: string };

const FUNNEL_STEP: Readonly<Record<string, "entered" | "movedOn" | "dropped">> = {
  "node.entered": "entered",
  "node.completed": "movedOn",
  "conversation.escalated": "movedOn",
  "conversation.dropped": "dropped",
};

/** The reference definition of the drop-off overlay; db/queries/analytics.ts computes the same in SQL. */
export function nodeFunnels(events: readonly FunnelEvent[]): NodeFunnel[] {
  const sets = new Map<string, { entered: Set<string>; movedOn: Set<string>; dropped: Set<string> }>();
  for (const event of events) {
    const step = FUNNEL_STEP[event.type];
    if (step === undefined) continue;
    const entry = sets.get(event.nodeId) ?? { entered: new Set(), movedOn: new Set(), dropped: new Set() };
    sets.set(event.nodeId, entry);
    entry[step].add(event.conversationId);
  }
  return [...sets.entries()]
    .map(([nodeId, entry]) => ({
      nodeId,
      entered: entry.entered.size,
      movedOn: entry.movedOn.size,
      dropped: entry.dropped.size,
    }))
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
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
