import { assertNever } from "../result";
import type { FlowNode } from "./flow-node";
import type { FlowSettings } from "./flow-document";
import type { EscalationRule, FieldComparison } from "./nodes/escalation-rule";
import { outputPorts } from "./ports";

/** Fields every conversation may reference without declaring them. */
export const BUILTIN_FIELDS = [
  "first_message",
  "customer_phone",
  "customer_name",
  "intent",
  "verified",
  "queue",
  "eta",
] as const;
export type BuiltinField = (typeof BUILTIN_FIELDS)[number];

/**
 * Fields known from the moment a conversation exists: the WhatsApp number is on every inbound message.
 * "intent" and "verified" are deliberately absent: they only count once a categorize or verify step set them,
 * otherwise the checklist proof could never fail for them.
 */
export const ALWAYS_SET_FIELDS: readonly string[] = ["customer_phone"];

const FIELD_KEY = /^[a-z][a-z0-9_]{0,49}$/;

/** Fields a node is guaranteed to have set when it leaves by `portId`. */
export function fieldsSetOnPort(node: FlowNode, portId: string): string[] {
  switch (node.type) {
    case "start":
      return portId === "next" ? ["first_message"] : [];
    case "ask":
      return portId === "answered" ? [node.data.saveTo] : [];
    case "categorize":
      return portId.startsWith("category:") ? [node.data.saveTo] : [];
    case "status_lookup":
      if (portId === "found") return [node.data.referenceField, ...lookupFields(node, "every")];
      // A lookup only fails after a well-formed reference was saved; "not found" also follows format give-ups.
      return portId === "error" ? [node.data.referenceField] : [];
    case "verify_identity":
      return portId === "verified" ? ["verified"] : [];
    case "troubleshoot":
      return portId === "resolved" || portId === "unresolved" ? ["steps_tried"] : [];
    case "schedule":
      return portId === "booked" || portId === "rescheduled" ? [node.data.appointmentField, node.data.slotField] : [];
    case "collect_documents":
      if (portId === "complete") return node.data.items.filter((item) => item.required).map((item) => item.saveTo);
      // The agent sees what is still outstanding.
      return portId === "incomplete" ? ["missing_documents"] : [];
    case "set_field":
      return portId === "next" ? [node.data.field] : [];
    case "condition": {
      // A rule that held proves its field has a value, so "order_id is set" can guard a handoff.
      const rule = node.data.rules.find((r) => `rule:${r.id}` === portId);
      return rule !== undefined && comparisonProvesSet(rule.when) ? [rule.when.field] : [];
    }
    case "message":
    case "escalation_trigger":
    case "end":
    case "handoff":
      return [];
    default:
      return assertNever(node);
  }
}

/** Every field a node may set on some outcome, including optional document items and partial records. */
export function fieldsPossiblySetBy(node: FlowNode): string[] {
  switch (node.type) {
    case "status_lookup":
      return [node.data.referenceField, ...lookupFields(node, "some")];
    case "collect_documents":
      return [...node.data.items.map((item) => item.saveTo), "missing_documents"];
    case "schedule":
      return [node.data.appointmentField, node.data.slotField];
    case "condition":
      // A rule only proves a field already has a value; it never gives it one.
      return [];
    case "start":
    case "ask":
    case "categorize":
    case "verify_identity":
    case "troubleshoot":
    case "set_field":
    case "message":
    case "escalation_trigger":
    case "end":
    case "handoff":
      return unique(outputPorts(node).flatMap((port) => fieldsSetOnPort(node, port.id)));
    default:
      return assertNever(node);
  }
}

function comparisonProvesSet(when: FieldComparison): boolean {
  switch (when.operator) {
    case "is_set":
      return true;
    case "equals":
    case "one_of":
      return (when.value ?? "").trim() !== "";
    case "not_equals":
    case "contains":
    case "greater_than":
    case "less_than":
    case "is_not_set":
      return false;
    default:
      return assertNever(when.operator);
  }
}

function lookupFields(node: Extract<FlowNode, { type: "status_lookup" }>, mode: "every" | "some"): string[] {
  const source = node.data.source;
  if (source.kind === "http") return source.mapping.map((m) => m.field);
  const keySets = source.records.map((record) => Object.keys(record.values).filter((key) => FIELD_KEY.test(key)));
  const [first, ...rest] = keySets;
  if (first === undefined) return [];
  if (mode === "some") return unique(keySets.flat());
  return first.filter((key) => rest.every((keys) => keys.includes(key)));
}

/** A place where a node uses a field: a {{field}} in a text, or a comparison. `at` is a dotted path into node.data. */
export type FieldReference = { field: string; at: string; kind: "template" | "comparison" };

/** A {{…}} whose content is not a field key, e.g. {{Order Number}}. */
export type MalformedPlaceholder = { raw: string; at: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The {{…}} placeholders of one text, split into valid field names and malformed ones. */
export function placeholdersIn(text: string): { fields: string[]; malformed: string[] } {
  const fields: string[] = [];
  const malformed: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (FIELD_KEY.test(name)) fields.push(name);
    else malformed.push(match[0]);
  }
  return { fields, malformed };
}

/** The texts of a node that are sent to the customer (and so may contain {{field}}), with their paths. */
export function templatedTexts(node: FlowNode): { at: string; text: string }[] {
  const t = (at: string, text: string | undefined) => (text === undefined ? [] : [{ at, text }]);
  switch (node.type) {
    case "start":
      return t("greeting", node.data.greeting);
    case "message":
      return [...t("text", node.data.text), ...t("media.caption", node.data.media?.caption)];
    case "ask":
      return [...t("prompt", node.data.prompt), ...t("retryText", node.data.retryText)];
    case "categorize":
      return [...t("prompt", node.data.prompt), ...t("clarifyPrompt", node.data.clarifyPrompt)];
    case "status_lookup":
      return [
        ...t("prompt", node.data.prompt),
        ...t("foundText", node.data.foundText),
        ...t("notFoundText", node.data.notFoundText),
        ...t("errorText", node.data.errorText),
      ];
    case "verify_identity":
      return [
        ...t("prompt", node.data.prompt),
        ...t("successText", node.data.successText),
        ...t("failureText", node.data.failureText),
      ];
    case "troubleshoot":
      return [
        ...t("intro", node.data.intro),
        ...node.data.steps.flatMap((step, i) => t(`steps.${i}.instructions`, step.instructions)),
      ];
    case "schedule":
      return [...t("prompt", node.data.prompt), ...t("confirmText", node.data.confirmText)];
    case "collect_documents":
      return [
        ...node.data.items.flatMap((item, i) => t(`items.${i}.instructions`, item.instructions)),
        ...t("doneText", node.data.doneText),
      ];
    case "handoff":
      return [...t("confirmationText", node.data.confirmationText), ...t("hours.closedText", node.data.hours?.closedText)];
    case "end":
      return [...t("text", node.data.text), ...t("csat.prompt", node.data.csat.enabled ? node.data.csat.prompt : undefined)];
    case "set_field":
      return t("value", node.data.value);
    case "condition":
    case "escalation_trigger":
      return [];
    default:
      return assertNever(node);
  }
}

/** Fields a node reads: placeholders in its texts and the fields its rules compare. */
export function fieldReferences(node: FlowNode): FieldReference[] {
  const fromTexts = templatedTexts(node).flatMap(({ at, text }) =>
    placeholdersIn(text).fields.map((field): FieldReference => ({ field, at, kind: "template" })),
  );
  return [...fromTexts, ...comparisonReferences(node)];
}

/** Placeholders that are not field names, e.g. {{Order Number}}. */
export function malformedPlaceholders(node: FlowNode): MalformedPlaceholder[] {
  return templatedTexts(node).flatMap(({ at, text }) => placeholdersIn(text).malformed.map((raw) => ({ raw, at })));
}

function comparisonReferences(node: FlowNode): FieldReference[] {
  if (node.type === "condition") {
    return node.data.rules.map((rule, i) => ({ field: rule.when.field, at: `rules.${i}.when.field`, kind: "comparison" }));
  }
  if (node.type === "escalation_trigger") return ruleReferences(node.data.rules, "rules");
  if (node.type === "verify_identity" && node.data.method.kind === "date_of_birth") {
    return [{ field: node.data.method.expectedField, at: "method.expectedField", kind: "comparison" }];
  }
  return [];
}

function ruleReferences(rules: readonly EscalationRule[], prefix: string): FieldReference[] {
  return rules.flatMap((rule, i): FieldReference[] =>
    rule.kind === "high_value" ? [{ field: rule.when.field, at: `${prefix}.${i}.when.field`, kind: "comparison" }] : [],
  );
}

/** Fields the flow settings read (high-value triggers and checklists); `at` is a dotted path from the document root. */
export function settingsFieldReferences(settings: FlowSettings): FieldReference[] {
  const triggers = settings.triggers.flatMap((trigger, i): FieldReference[] =>
    trigger.rule.kind === "high_value"
      ? [{ field: trigger.rule.when.field, at: `settings.triggers.${i}.rule.when.field`, kind: "comparison" }]
      : [],
  );
  const checklists = settings.checklists.flatMap((checklist, i) =>
    checklist.requirements.flatMap((group, j) =>
      group.map((field, k): FieldReference => ({ field, at: `settings.checklists.${i}.requirements.${j}.${k}`, kind: "comparison" })),
    ),
  );
  return [...triggers, ...checklists];
}

/** Every field name that exists in a flow: built in, declared in settings, or set by some node. */
export function knownFields(settings: FlowSettings, nodes: readonly FlowNode[]): Set<string> {
  return new Set<string>([
    ...BUILTIN_FIELDS,
    ...settings.fields.map((field) => field.key),
    ...nodes.flatMap((node) => fieldsPossiblySetBy(node)),
  ]);
}

/** "order_id" → "Order id", for fields without a declared label. */
export function humanizeFieldKey(key: string): string {
  const words = key.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label a manager gave a field, else its humanized key. */
export function fieldLabel(settings: Pick<FlowSettings, "fields">, key: string): string {
  return settings.fields.find((field) => field.key === key)?.label ?? humanizeFieldKey(key);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
