import type { FlowDocument } from "@/lib/flow/flow-document";
import type { FlowNode } from "@/lib/flow/flow-node";
import type { Checklist } from "@/lib/flow/flow-document";
import type { FlowTrigger } from "@/lib/flow/nodes/escalation-rule";
import { handoffNodeSchema } from "@/lib/flow/nodes/handoff-node";
import { normalizeText } from "@/runtime/nlu/phrase-match";

/** Used when a flow has no handoff node at all, so "talk to an agent" still reaches a person. */
export const BUILT_IN_HANDOFF_ID = "__default_handoff";

/** A flow prepared once for fast steps: node and edge lookups, normalised phrases, compiled patterns. */
export type FlowIndex = {
  flow: FlowDocument;
  nodes: ReadonlyMap<string, FlowNode>;
  startNodeId: string | null;
  defaultHandoffId: string;
  triggers: readonly FlowTrigger[];
  /** Normalised agent phrases, matched against normalised customer text. */
  agentPhrases: readonly string[];
  checklistsByIntent: ReadonlyMap<string, readonly Checklist[]>;
  sensitiveFieldKeys: readonly string[];
  fieldLabels: ReadonlyMap<string, string>;
  target(nodeId: string, port: string): string | undefined;
  /** A compiled pattern, or null when the manager's pattern does not compile. */
  pattern(source: string, flags?: string): RegExp | null;
};

const cache = new WeakMap<FlowDocument, FlowIndex>();

/** Indexes a flow once per document object; later steps on the same object reuse it. */
export function indexFlow(flow: FlowDocument): FlowIndex {
  const cached = cache.get(flow);
  if (cached) return cached;
  const index = buildIndex(flow);
  cache.set(flow, index);
  return index;
}

function buildIndex(flow: FlowDocument): FlowIndex {
  const nodes = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);

  const edges = new Map<string, string>();
  for (const edge of flow.edges) {
    const key = edgeKey(edge.source, edge.sourcePort);
    if (!edges.has(key)) edges.set(key, edge.target);
  }

  const start = flow.nodes.find((node) => node.type === "start") ?? flow.nodes[0];
  const defaultHandoffId = pickDefaultHandoff(flow, nodes);
  if (defaultHandoffId === BUILT_IN_HANDOFF_ID) {
    nodes.set(
      BUILT_IN_HANDOFF_ID,
      handoffNodeSchema.parse({ id: BUILT_IN_HANDOFF_ID, type: "handoff", position: { x: 0, y: 0 }, data: {} }),
    );
  }

  const triggers = flow.settings.triggers.filter((trigger) => trigger.enabled);

  const checklistsByIntent = new Map<string, Checklist[]>();
  for (const checklist of flow.settings.checklists) {
    const list = checklistsByIntent.get(checklist.intent) ?? [];
    list.push(checklist);
    checklistsByIntent.set(checklist.intent, list);
  }

  const patterns = new Map<string, RegExp | null>();
  return {
    flow,
    nodes,
    startNodeId: start?.id ?? null,
    defaultHandoffId,
    triggers,
    agentPhrases: normalizePhrases(flow.settings.agentPhrases),
    checklistsByIntent,
    sensitiveFieldKeys: flow.settings.fields.filter((field) => field.sensitive).map((field) => field.key),
    fieldLabels: new Map(flow.settings.fields.map((field) => [field.key, field.label])),
    target: (nodeId, port) => edges.get(edgeKey(nodeId, port)),
    pattern(source, flags = "u") {
      const key = `${flags}/${source}`;
      const known = patterns.get(key);
      if (known !== undefined) return known;
      const compiled = compilePattern(source, flags);
      patterns.set(key, compiled);
      return compiled;
    },
  };
}

function pickDefaultHandoff(flow: FlowDocument, nodes: ReadonlyMap<string, FlowNode>): string {
  const configured = flow.settings.defaultHandoffNodeId;
  if (configured !== undefined && nodes.get(configured)?.type === "handoff") return configured;
  return flow.nodes.find((node) => node.type === "handoff")?.id ?? BUILT_IN_HANDOFF_ID;
}

function compilePattern(source: string, flags: string): RegExp | null {
  try {
    return new RegExp(source, flags);
  } catch {
    try {
      // Patterns written for other engines often fail only under the stricter "u" flag.
      return new RegExp(source, flags.replace("u", ""));
    } catch {
      return null;
    }
  }
}

const edgeKey = (source: string, port: string) => `${source}\u0000${port}`;

const normalizePhrases = (phrases: readonly string[]) =>
  phrases.map((phrase) => normalizeText(phrase)).filter((phrase) => phrase !== "");

/** Word-bounded match of a normalised phrase inside padded normalised text (" text "). */
export const hasPhrase = (paddedText: string, phrases: readonly string[]): string | null => {
  for (const phrase of phrases) if (paddedText.includes(` ${phrase} `)) return phrase;
  return null;
};
