import type { StatusLookupNode } from "@/lib/flow/nodes/status-lookup-node";
import { fieldKeySchema } from "@/lib/flow/nodes/node-base";
import { fillFields, renderTemplate } from "@/lib/flow/templating";
import type { Effect } from "../effect";
import {
  advance,
  awaitEffect,
  countFailure,
  wait,
  withFields,
  withScratch,
  type HandlerContext,
  type NodeHandler,
} from "../node-handler";
import { clip, textMessages } from "../outgoing";

const MAX_REFERENCE_CHARS = 100;
const MAX_SCANNED_CHARS = 2000;
const FIELD_KEY = fieldKeySchema;

/**
 * The reference in what the customer typed: the whole message when it fits the pattern, else the first
 * part of the message that does (also upper-cased: "ab-12345"), else the language-understanding entity.
 */
export function extractReference(node: StatusLookupNode, rawText: string, ctx: HandlerContext): string | null {
  const text = rawText.trim().slice(0, MAX_SCANNED_CHARS);
  if (text === "") return null;
  const source = node.data.referencePattern.trim();
  if (source === "") return text.length <= MAX_REFERENCE_CHARS ? text : null;
  const whole = ctx.flow.pattern(source);
  if (!whole) return text.length <= MAX_REFERENCE_CHARS ? text : null;
  for (const candidate of [text, text.toUpperCase()]) if (whole.test(candidate)) return clip(candidate, MAX_REFERENCE_CHARS);

  const inner = ctx.flow.pattern(source.replace(/^\^/, "").replace(/\$$/, ""));
  for (const candidate of [text, text.toUpperCase()]) {
    const found = inner?.exec(candidate)?.[0];
    if (found && whole.test(found)) return found;
  }
  const entity = ctx.engine.nlu
    .extractEntities(text, { referencePatterns: [source], today: ctx.today })
    .find((candidate) => candidate.kind === "reference");
  return entity && entity.kind === "reference" && entity.value.length <= MAX_REFERENCE_CHARS ? entity.value : null;
}

function lookupEffect(node: StatusLookupNode, reference: string, fields: Readonly<Record<string, string>>, id: string): Effect {
  const { source } = node.data;
  if (source.kind === "static") return { kind: "lookup", id, nodeId: node.id, reference, source: { kind: "static" } };
  const url = renderTemplate(source.urlTemplate, (key) =>
    encodeURIComponent(key === "reference" ? reference : Object.hasOwn(fields, key) ? (fields[key] ?? "") : ""),
  );
  return { kind: "lookup", id, nodeId: node.id, reference, source: { kind: "http", url, timeoutMs: source.timeoutMs, mapping: source.mapping } };
}

/** Record values become fields; keys that are not valid field names are dropped rather than trusted. */
function recordFields(values: Readonly<Record<string, string>>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && FIELD_KEY.safeParse(key).success) fields[key] = clip(value, 1000);
  }
  return fields;
}

export const handleStatusLookup: NodeHandler<"status_lookup"> = (node, state, ctx) => {
  const { prompt, referenceField, referenceHint, foundText, notFoundText, errorText, maxAttempts } = node.data;
  const say = (text: string, fields = state.fields) => textMessages(fillFields(text, fields));
  if (ctx.input === undefined) return wait(withScratch(state, { phase: "asking" }), say(prompt));

  if (ctx.input.kind === "effect_result") {
    const { result } = ctx.input;
    if (result.kind === "lookup" && result.outcome === "found") {
      const next = withFields(state, recordFields(result.values));
      return advance(next, "found", say(foundText, next.fields));
    }
    if ((result.kind === "lookup" && result.outcome === "not_found") || (result.kind === "failure" && result.reason === "not_found")) {
      return advance(state, "not_found", say(notFoundText));
    }
    return advance(state, "error", say(errorText));
  }

  const reference = extractReference(node, ctx.input.text, ctx);
  if (reference !== null) {
    const next = withScratch(withFields(state, { [referenceField]: reference }), { phase: "looking_up" });
    return awaitEffect(next, lookupEffect(node, reference, next.fields, ctx.newEffectId()));
  }
  const retry = countFailure(state, node.id, "reference format");
  if (retry.state.scratch.attempts >= maxAttempts) return advance(retry.state, "not_found", say(notFoundText), [retry.event]);
  return wait(retry.state, say(referenceHint.trim() === "" ? prompt : referenceHint), [retry.event]);
};
