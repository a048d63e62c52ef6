import type { ChecklistStatus } from "./effect";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { indexFlow, type FlowIndex } from "./flow-index";

function isKnown(fields: Readonly<Record<string, string>>, key: string): boolean {
  if (!Object.hasOwn(fields, key)) return false;
  const value = (fields[key] ?? "").trim();
  // "verified" is a flag: only the engine's "true" counts as collected.
  return key === "verified" ? value === "true" : value !== "";
}

/** Which of the current intent's checklist requirements are collected, for the handoff packet and the inbox. */
export function checklistStatus(
  flow: FlowIndex,
  intent: string | null,
  fields: Readonly<Record<string, string>>,
): ChecklistStatus[] {
  if (intent === null) return [];
  const checklists = flow.checklistsByIntent.get(intent);
  if (!checklists) return [];
  return checklists.map((checklist) => {
    const collected: string[] = [];
    const missing: string[] = [];
    for (const requirement of checklist.requirements) {
      const words = requirement.map((key) => flow.fieldLabels.get(key) ?? key).join(" or ");
      (requirement.some((key) => isKnown(fields, key)) ? collected : missing).push(words);
    }
    return { checklistId: checklist.id, intent, label: checklist.label, collected, missing, complete: missing.length === 0 };
  });
}

/** checklistStatus for callers outside the engine that hold a flow document rather than its index. */
export const checklistForFlow = (flow: FlowDocument, intent: string | null, fields: Readonly<Record<string, string>>) =>
  checklistStatus(indexFlow(flow), intent, fields);
