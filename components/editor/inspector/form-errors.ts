import type { z } from "zod";
import type { Issue } from "@/lib/flow/validate-flow";
import { assertNever } from "@/lib/result";

/** zod's default wording is for developers; schema-provided messages are already plain words and kept. */
export function plainFieldMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? "Fill this in." : issue.origin === "array" ? `Add at least ${String(issue.minimum)}.` : `Use ${String(issue.minimum)} or more.`;
    case "too_big":
      return issue.origin === "string" ? `Keep this under ${String(issue.maximum)} characters.` : issue.origin === "array" ? `Use at most ${String(issue.maximum)}.` : `Use ${String(issue.maximum)} or less.`;
    case "invalid_type":
      return issue.expected === "number" ? "Enter a number." : "Fill this in.";
    case "invalid_format":
      return "This is not in the right format.";
    case "custom":
    case "invalid_element":
    case "invalid_key":
    case "invalid_union":
    case "invalid_value":
    case "not_multiple_of":
    case "unrecognized_keys":
      return "This value is not valid.";
    default:
      return assertNever(issue);
  }
}

/** Groups messages by dotted field path: schema problems while typing, then the validator's for the same place. */
export function errorsByPath(schemaIssues: readonly z.core.$ZodIssue[], dropPrefix: number, flowIssues: readonly Issue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const list = map.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    map.set(path, list);
  };
  for (const issue of schemaIssues) add(issue.path.slice(dropPrefix).map(String).join("."), plainFieldMessage(issue));
  for (const issue of flowIssues) if (issue.field !== undefined && issue.code !== "schema") add(issue.field, issue.message);
  return map;
}

/** Puts the cursor in the input for a dotted path, or its closest enclosing field if the exact one is not drawn. */
export function focusFieldPath(root: HTMLElement, field: string): boolean {
  const parts = field.split(".");
  while (parts.length > 0) {
    const target = root.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(parts.join("."))}"]`);
    if (target) {
      const focusable = target.matches("input, textarea, select") ? target : target.querySelector<HTMLElement>("input, textarea, select, button");
      (focusable ?? target).focus();
      target.scrollIntoView({ block: "center" });
      return true;
    }
    parts.pop();
  }
  return false;
}
