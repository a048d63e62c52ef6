import type { FieldComparison } from "@/lib/flow/nodes/escalation-rule";
import { assertNever } from "@/lib/result";

const fold = (text: string) => text.trim().toLowerCase();

function asNumber(text: string): number | null {
  const compact = text.replace(/[\s,]/g, "");
  if (compact === "" || !/^-?\d*\.?\d+$/.test(compact)) return null;
  return Number(compact);
}

/** Whether a comparison holds on the collected fields; text compares case-insensitively, numbers as numbers. */
export function comparisonHolds(comparison: FieldComparison, fields: Readonly<Record<string, string>>): boolean {
  const actual = Object.hasOwn(fields, comparison.field) ? (fields[comparison.field] ?? "") : "";
  const expected = comparison.value ?? "";
  switch (comparison.operator) {
    case "is_set":
      return actual.trim() !== "";
    case "is_not_set":
      return actual.trim() === "";
    case "equals":
    case "not_equals": {
      const left = asNumber(actual);
      const right = asNumber(expected);
      const same = left !== null && right !== null ? left === right : fold(actual) === fold(expected);
      return comparison.operator === "equals" ? same : !same;
    }
    case "contains":
      return fold(expected) !== "" && fold(actual).includes(fold(expected));
    case "greater_than":
    case "less_than": {
      const left = asNumber(actual);
      const right = asNumber(expected);
      if (left === null || right === null) return false;
      return comparison.operator === "greater_than" ? left > right : left < right;
    }
    case "one_of":
      return expected
        .split(",")
        .map(fold)
        .filter((option) => option !== "")
        .includes(fold(actual));
    default:
      return assertNever(comparison.operator);
  }
}
