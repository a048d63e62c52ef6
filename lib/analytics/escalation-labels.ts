/** Plain words for the escalation kinds the engine records (runtime/engine/effect.ts escalationKindSchema). */
const LABELS: Readonly<Record<string, string>> = {
  keyword: "Asked with a keyword",
  negative_sentiment: "Upset or frustrated",
  low_confidence: "Bot was unsure of the intent",
  high_value: "High-value customer",
  security: "Security or privacy",
  flow_failure: "Stuck on a step",
  agent_request: "Asked for an agent",
  sensitive_node: "Needed verification",
  flow_route: "Flow handed over",
  flow_error: "Flow error",
};

export function escalationLabel(kind: string): string {
  return LABELS[kind] ?? kind.replace(/_/g, " ");
}
