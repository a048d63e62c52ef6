import { fieldReferences, knownFields, malformedPlaceholders, settingsFieldReferences } from "../field-analysis";
import type { FlowNode } from "../flow-node";
import type { FlowSettings } from "../flow-document";
import { error, quote, type Issue } from "./issue";
import type { FlowGraph } from "./flow-graph";

const fix = "Add it under Fields, collect it in an earlier step, or fix the name.";

/** Every {{field}} and compared field exists somewhere: built in, declared, or set by a step. */
export function checkFieldReferences(graph: FlowGraph, settings: FlowSettings): Issue[] {
  const nodes = graph.order.map((g) => g.node).filter((node): node is FlowNode => node !== undefined);
  const known = knownFields(settings, nodes);
  const issues: Issue[] = [];
  for (const graphNode of graph.order) {
    const node = graphNode.node;
    if (node === undefined) continue;
    const name = quote(graphNode.name);
    for (const reference of fieldReferences(node)) {
      if (known.has(reference.field)) continue;
      const message =
        reference.kind === "template"
          ? `${name} uses {{${reference.field}}}, but no step collects ${quote(reference.field)} and it is not declared. ${fix}`
          : `${name} checks the field ${quote(reference.field)}, but no step collects it and it is not declared. ${fix}`;
      issues.push(error("undefined_field", message, { nodeId: node.id, field: reference.at }));
    }
    for (const placeholder of malformedPlaceholders(node)) {
      issues.push(
        error(
          "malformed_placeholder",
          `${name} contains ${placeholder.raw}, which is not a field name. Field names use lowercase letters, digits and _, like {{order_id}}.`,
          { nodeId: node.id, field: placeholder.at },
        ),
      );
    }
  }
  for (const reference of settingsFieldReferences(settings)) {
    if (known.has(reference.field)) continue;
    const where = reference.at.startsWith("settings.triggers") ? "An escalation rule" : "A checklist";
    issues.push(
      error("undefined_field", `${where} uses the field ${quote(reference.field)}, but no step collects it and it is not declared. ${fix}`, {
        field: reference.at,
      }),
    );
  }
  return issues;
}
