import type { z } from "zod";
import { assertNever } from "../../result";
import { NODE_TYPES } from "../flow-node";
import { error, quote, type Issue } from "./issue";
import { rawNodeName, readRawNode } from "./flow-graph";

/** Input names as a manager reads them in the inspector. */
const FIELD_WORDS: Record<string, string> = {
  prompt: "The question",
  saveTo: "The field to save to",
  title: "The title",
  text: "The message",
  id: "The id",
  type: "The step type",
  position: "The position on the canvas",
  data: "The step settings",
  choices: "Buttons",
  sections: "Sections",
  rows: "Rows",
  categories: "Categories",
  steps: "Steps",
  items: "Items",
  rules: "Rules",
  source: "The data source",
  records: "Records",
  greeting: "The greeting",
  name: "The flow name",
  nodes: "Steps",
  edges: "Connections",
  settings: "Flow settings",
  schemaVersion: "The format version",
  requirements: "Checklist requirements",
  field: "The field",
  key: "The field name",
  label: "The label",
  sourcePort: "The connection's starting point",
  target: "The connection's target",
};

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  object: "a group of settings",
  array: "a list",
};

function humanizeKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return `The ${words}`;
}

function describeField(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((part) => typeof part === "string");
  if (typeof last !== "string") return "This value";
  return FIELD_WORDS[last] ?? humanizeKey(last);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Reflect.get(current, part);
  }
  return current;
}

const withPeriod = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** zod's own wording is for developers; schema-provided messages are already in plain words and kept. */
const isDefaultMessage = (message: string): boolean => /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(message);

function plainMessage(issue: z.core.$ZodIssue, root: unknown): string {
  const what = describeField(issue.path);
  if (!isDefaultMessage(issue.message)) return withPeriod(issue.message);
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(root, issue.path) === undefined) return `${what} is missing.`;
      return `${what} should be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    }
    case "invalid_union": {
      const last = issue.path[issue.path.length - 1];
      const discriminator = "discriminator" in issue ? issue.discriminator : undefined;
      if (last === "type" && discriminator === "type") {
        const given = valueAt(root, issue.path);
        return `${typeof given === "string" ? quote(given) : "This"} is not a step type Threadline knows. Use one of: ${NODE_TYPES.join(", ")}.`;
      }
      const options = "options" in issue && Array.isArray(issue.options) ? issue.options.join(", ") : "";
      return options === "" ? `${what} is not valid.` : `${what} must be one of: ${options}.`;
    }
    case "invalid_value":
      return `${what} must be ${issue.values.length === 1 ? String(issue.values[0]) : `one of: ${issue.values.map(String).join(", ")}`}.`;
    case "too_small":
      if (issue.origin === "array") return `${what} needs at least ${String(issue.minimum)}.`;
      if (issue.origin === "string") return `${what} cannot be empty.`;
      return `${what} must be at least ${String(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "array") return `${what} can have at most ${String(issue.maximum)}.`;
      if (issue.origin === "string") return `${what} must fit in ${String(issue.maximum)} characters.`;
      return `${what} must be at most ${String(issue.maximum)}.`;
    case "invalid_format":
      return `${what} is not in the right format.`;
    case "custom":
    case "invalid_element":
    case "invalid_key":
    case "not_multiple_of":
    case "unrecognized_keys":
      return withPeriod(issue.message);
    default:
      return assertNever(issue);
  }
}

const SETTINGS_LISTS: Record<string, string> = { fields: "Field", checklists: "Checklist", triggers: "Escalation rule", agentPhrases: "Agent phrase" };

/** "Checklist 2" for settings.checklists.1…, so a settings problem reads like the settings screen. */
function settingsPlace(path: readonly PropertyKey[]): string | undefined {
  const [head, list, index] = path;
  if (head !== "settings") return undefined;
  const noun = typeof list === "string" ? SETTINGS_LISTS[list] : undefined;
  if (noun !== undefined && typeof index === "number") return `${noun} ${index + 1}`;
  return "Flow settings";
}

/** Turns zod issues on a flow document into plain-words issues anchored to the node and input. */
export function schemaIssues(issues: readonly z.core.$ZodIssue[], root: unknown): Issue[] {
  return issues.map((issue) => {
    const message = plainMessage(issue, root);
    const [head, index, section, ...rest] = issue.path;
    if (head === "nodes" && typeof index === "number") {
      const raw = readRawNode(valueAt(root, ["nodes", index]), index, undefined);
      const name = raw === undefined ? `Step ${index + 1}` : rawNodeName(raw);
      const field = section === "data" && rest.length > 0 ? rest.map(String).join(".") : undefined;
      return error("schema", `${quote(name)}: ${message}`, {
        ...(raw === undefined ? {} : { nodeId: raw.id }),
        ...(field === undefined ? {} : { field }),
      });
    }
    if (head === "edges" && typeof index === "number") {
      const edgeId: unknown = valueAt(root, ["edges", index, "id"]);
      return error("schema", `Connection ${index + 1}: ${message}`, typeof edgeId === "string" ? { edgeId } : {});
    }
    const field = issue.path.map(String).join(".");
    const where = settingsPlace(issue.path);
    return error("schema", where === undefined ? message : `${where}: ${message}`, field === "" ? {} : { field });
  });
}
