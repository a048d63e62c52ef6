import { advance, type NodeHandler } from "../node-handler";
import { comparisonHolds } from "../field-comparison";

export const handleCondition: NodeHandler<"condition"> = (node, state) => {
  const rule = node.data.rules.find((candidate) => comparisonHolds(candidate.when, state.fields));
  return advance(state, rule ? `rule:${rule.id}` : "else");
};
