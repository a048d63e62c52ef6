import { advance, type NodeHandler } from "../node-handler";
import { padText, ruleHolds } from "../triggers";

/** Checks its rules against the conversation so far; the escalate port usually leads to a handoff. */
export const handleEscalationTrigger: NodeHandler<"escalation_trigger"> = (node, state) => {
  const lastCustomerLine = state.recent.findLast((line) => line.from === "customer");
  const lastScore = state.sentiment.at(-1)?.score ?? null;
  const signal = { paddedText: padText(lastCustomerLine?.text ?? ""), sentimentScore: lastScore, clarifiedIntent: null };
  const rule = node.data.rules.find((candidate) => ruleHolds(candidate, state, signal));
  if (!rule) return advance(state, "continue");
  return advance({ ...state, escalation: { reason: node.data.reason, kind: rule.kind, triggerId: node.id } }, "escalate", [], [
    { type: "trigger.fired", nodeId: node.id, data: { kind: rule.kind, reason: node.data.reason } },
  ]);
};
