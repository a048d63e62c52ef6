import { assertNever } from "../result";
import type { FlowNode } from "./flow-node";

export type OutputPort = { id: string; label: string };

/** The named outcomes a node can leave by; edges attach to these ids. */
export function outputPorts(node: FlowNode): OutputPort[] {
  switch (node.type) {
    case "start":
    case "message":
    case "set_field":
      return [{ id: "next", label: "Next" }];
    case "ask":
      return [
        { id: "answered", label: "Answered" },
        { id: "gave_up", label: "Gave up" },
      ];
    case "condition":
      return [...node.data.rules.map((rule) => ({ id: `rule:${rule.id}`, label: rule.label })), { id: "else", label: "Otherwise" }];
    case "escalation_trigger":
      return [
        { id: "escalate", label: "Escalate" },
        { id: "continue", label: "Continue" },
      ];
    case "end":
    case "handoff":
      return [];
    case "categorize":
      return [
        ...node.data.categories.map((category) => ({ id: `category:${category.id}`, label: category.title })),
        { id: "unclear", label: "Unclear" },
      ];
    case "status_lookup":
      return [
        { id: "found", label: "Found" },
        { id: "not_found", label: "Not found" },
        { id: "error", label: "Lookup failed" },
      ];
    case "verify_identity":
      return [
        { id: "verified", label: "Verified" },
        { id: "failed", label: "Failed" },
      ];
    case "troubleshoot":
      return [
        { id: "resolved", label: "Resolved" },
        { id: "unresolved", label: "Unresolved" },
      ];
    case "schedule":
      return [
        { id: "booked", label: "Booked" },
        { id: "rescheduled", label: "Rescheduled" },
        { id: "cancelled", label: "Cancelled" },
        { id: "abandoned", label: "Abandoned" },
      ];
    case "collect_documents":
      return [
        { id: "complete", label: "Complete" },
        { id: "incomplete", label: "Incomplete" },
      ];
    default:
      return assertNever(node);
  }
}
