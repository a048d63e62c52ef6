import type { FlowDocument } from "@/lib/flow/flow-document";
import type { LookupSource } from "@/lib/flow/nodes/status-lookup-node";
import type { EffectOfKind, EffectResult } from "./effect";

type HttpSource = Extract<LookupSource, { kind: "http" }>;

/** Answers a static lookup effect from the table in the flow; references compare case-insensitively. */
export function resolveStaticLookup(flow: FlowDocument, effect: EffectOfKind<"lookup">): EffectResult {
  const node = flow.nodes.find((candidate) => candidate.id === effect.nodeId);
  if (node?.type !== "status_lookup" || node.data.source.kind !== "static") return { kind: "failure", reason: "error", message: "No static table for this step" };
  const wanted = effect.reference.trim().toLowerCase();
  const record = node.data.source.records.find((candidate) => candidate.reference.trim().toLowerCase() === wanted);
  return record ? { kind: "lookup", outcome: "found", values: { ...record.values } } : { kind: "lookup", outcome: "not_found", values: {} };
}

function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Array.isArray(current) ? current[Number(key)] : (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Applies an http lookup's mapping to the parsed JSON answer (field ← dotted path, "items.0.status").
 * Strings, numbers and booleans are copied as text; missing or nested values are left out.
 */
export function mapLookupResponse(json: unknown, mapping: HttpSource["mapping"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { field, path } of mapping) {
    const found = readPath(json, path);
    if (typeof found === "string" || typeof found === "number" || typeof found === "boolean") values[field] = String(found);
  }
  return values;
}
