import type { FlowSettings } from "../flow-document";
import { error, quote, warning, type Issue } from "./issue";
import type { FlowGraph } from "./flow-graph";

/** Handoff targets, checklist anchors and ids in the flow settings point at things that exist. */
export function checkSettings(graph: FlowGraph, settings: FlowSettings): Issue[] {
  const issues: Issue[] = [];
  const handoffs = graph.order.filter((node) => node.type === "handoff");

  const handoffTarget = (id: string, field: string, what: string) => {
    const target = graph.nodes.get(id);
    if (target === undefined) {
      issues.push(error("handoff_reference", `${what} points to a step that no longer exists. Pick a handoff step.`, { field }));
    } else if (target.type !== "handoff") {
      issues.push(
        error("handoff_reference", `${what} points to ${quote(target.name)}, which is not a handoff step. Pick a handoff step.`, {
          field,
          nodeId: id,
        }),
      );
    }
  };

  if (handoffs.length === 0) {
    issues.push(
      warning(
        "no_handoff",
        "This flow never hands the customer to a person. Add a Hand off step so people who ask for an agent, or get stuck, can reach one.",
      ),
    );
  }
  if (settings.defaultHandoffNodeId !== undefined) {
    handoffTarget(settings.defaultHandoffNodeId, "settings.defaultHandoffNodeId", "The default handoff");
  } else if (handoffs.length > 0) {
    issues.push(
      warning(
        "no_default_handoff",
        "Choose a default handoff, so “talk to an agent” and sensitive steps always have somewhere to go.",
        { field: "settings.defaultHandoffNodeId" },
      ),
    );
  }

  const triggerIds = new Set<string>();
  settings.triggers.forEach((trigger, i) => {
    const what = `The escalation rule ${quote(trigger.reason)}`;
    if (triggerIds.has(trigger.id)) {
      issues.push(error("duplicate_id", `Two escalation rules share the id ${quote(trigger.id)}. Give this one a new id.`, { field: `settings.triggers.${i}.id` }));
    }
    triggerIds.add(trigger.id);
    if (trigger.handoffNodeId !== undefined) {
      handoffTarget(trigger.handoffNodeId, `settings.triggers.${i}.handoffNodeId`, what);
    } else if (settings.defaultHandoffNodeId === undefined && trigger.enabled) {
      issues.push(
        error("trigger_without_handoff", `${what} has no handoff to go to. Pick one, or choose a default handoff for the flow.`, {
          field: `settings.triggers.${i}.handoffNodeId`,
        }),
      );
    }
  });

  const categoryIds = new Set(
    graph.order.flatMap((node) => (node.node?.type === "categorize" ? node.node.data.categories.map((c) => c.id) : [])),
  );
  const checklistIds = new Set<string>();
  settings.checklists.forEach((checklist, i) => {
    if (checklistIds.has(checklist.id)) {
      issues.push(error("duplicate_id", `Two checklists share the id ${quote(checklist.id)}. Give this one a new id.`, { field: `settings.checklists.${i}.id` }));
    }
    checklistIds.add(checklist.id);
    checklist.requiredAt.forEach((id, j) => {
      if (!graph.nodes.has(id)) {
        issues.push(
          error("checklist_reference", `The ${quote(checklist.label)} checklist is required at a step that no longer exists. Remove it from the list.`, {
            field: `settings.checklists.${i}.requiredAt.${j}`,
          }),
        );
      }
    });
    if (graph.complete && !categoryIds.has(checklist.intent)) {
      issues.push(
        warning(
          "checklist_unused",
          `The ${quote(checklist.label)} checklist is for the topic ${quote(checklist.intent)}, but no Issue categories step has that topic, so it is never checked.`,
          { field: `settings.checklists.${i}.intent` },
        ),
      );
    }
  });
  return issues;
}

