import type { FlowDocument, FlowEdge } from "./flow-document";
import type { FlowNode, NodeType } from "./flow-node";
import { nodeDisplayName } from "./node-catalog";

/** One setting that differs, named in plain words ("Answer › Buttons › “Yes” › Title"). */
export type FieldChange = {
  /** Technical dotted path from the node (or document) root, e.g. "data.answer.choices.yes.title". */
  path: string;
  /** The same path in words a support manager reads. */
  label: string;
  /** Short display of the old and new value; absent when the setting did not exist on that side. */
  before?: string;
  after?: string;
};

export type NodeRef = { id: string; type: NodeType; name: string };
export type NodeChange = NodeRef & { changes: FieldChange[] };
export type ConnectionRef = { source: string; sourcePort: string; target: string; edgeId: string; description: string };
export type ConnectionChange = {
  source: string;
  sourcePort: string;
  fromTarget: string;
  toTarget: string;
  edgeId: string;
  description: string;
};

/** What changed from one flow version to another. */
export type FlowDiff = {
  nodes: { added: NodeRef[]; removed: NodeRef[]; changed: NodeChange[]; movedOnly: NodeRef[] };
  connections: { added: ConnectionRef[]; removed: ConnectionRef[]; changed: ConnectionChange[] };
  /** Name, description and flow-wide settings (fields, checklists, triggers…). */
  flow: FieldChange[];
  /** True when nothing a customer could notice differs (moves on the canvas do not count). */
  same: boolean;
};

/** Compares two flows: nodes by id, connections by the output port they leave from. Pure. */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const nameOf = (id: string) => {
    const node = afterNodes.get(id) ?? beforeNodes.get(id);
    return node ? nodeDisplayName(node) : id;
  };

  const added: NodeRef[] = [];
  const removed: NodeRef[] = [];
  const changed: NodeChange[] = [];
  const movedOnly: NodeRef[] = [];
  for (const node of after.nodes) if (!beforeNodes.has(node.id)) added.push(nodeRef(node));
  for (const node of before.nodes) if (!afterNodes.has(node.id)) removed.push(nodeRef(node));
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const changes = diffNode(old, node);
    if (changes.length > 0) changed.push({ ...nodeRef(node), changes });
    else if (old.position.x !== node.position.x || old.position.y !== node.position.y) movedOnly.push(nodeRef(node));
  }

  const connections = diffConnections(before.edges, after.edges, nameOf);
  const flow = [
    ...diffValue(before.name, after.name, [{ key: "name", label: "Flow name" }]),
    ...diffValue(before.description, after.description, [{ key: "description", label: "Flow description" }]),
    ...diffValue(before.settings, after.settings, [{ key: "settings", label: "Flow settings" }]),
  ];
  const same =
    added.length + removed.length + changed.length + flow.length === 0 &&
    connections.added.length + connections.removed.length + connections.changed.length === 0;
  return { nodes: { added, removed, changed, movedOnly }, connections, flow, same };
}

/**
 * A document holding both sides, for drawing a diff on one canvas: the newer flow plus the removed nodes and
 * connections (removed edge ids get a "removed:" prefix so they never collide with the newer ones).
 */
export function mergeForDiff(before: FlowDocument, after: FlowDocument, diff: FlowDiff): FlowDocument {
  const removedIds = new Set(diff.nodes.removed.map((node) => node.id));
  const removedEdgeIds = new Set(diff.connections.removed.map((edge) => edge.edgeId));
  for (const change of diff.connections.changed) {
    const old = before.edges.find((edge) => edge.source === change.source && edge.sourcePort === change.sourcePort && edge.target === change.fromTarget);
    if (old) removedEdgeIds.add(old.id);
  }
  return {
    ...after,
    nodes: [...after.nodes, ...before.nodes.filter((node) => removedIds.has(node.id))],
    edges: [
      ...after.edges,
      ...before.edges.filter((edge) => removedEdgeIds.has(edge.id)).map((edge) => ({ ...edge, id: `removed:${edge.id}` })),
    ],
  };
}

/** How many things changed, for a one-line summary such as "2 steps added · 1 changed". */
export function describeDiff(diff: FlowDiff): string {
  if (diff.same) return diff.nodes.movedOnly.length > 0 ? "Only the layout changed" : "No changes";
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (diff.nodes.added.length) parts.push(`${count(diff.nodes.added.length, "step")} added`);
  if (diff.nodes.removed.length) parts.push(`${count(diff.nodes.removed.length, "step")} removed`);
  if (diff.nodes.changed.length) parts.push(`${count(diff.nodes.changed.length, "step")} changed`);
  const edges = diff.connections;
  const connectionTotal = edges.added.length + edges.removed.length + edges.changed.length;
  if (connectionTotal) parts.push(`${count(connectionTotal, "connection")} changed`);
  if (diff.flow.length) parts.push(`${count(diff.flow.length, "flow setting")} changed`);
  return parts.join(" · ");
}

function nodeRef(node: FlowNode): NodeRef {
  return { id: node.id, type: node.type, name: nodeDisplayName(node) };
}

function diffNode(before: FlowNode, after: FlowNode): FieldChange[] {
  if (before.type !== after.type) {
    return [{ path: "type", label: "Step type", before: before.type, after: after.type }];
  }
  return [
    ...diffValue(before.title, after.title, [{ key: "title", label: "Step name" }]),
    ...diffValue(before.sensitive, after.sensitive, [{ key: "sensitive", label: "Sensitive (needs a verified customer)" }]),
    ...diffValue(before.data, after.data, []),
  ];
}

type Segment = { key: string; label: string };

function diffValue(before: unknown, after: unknown, at: Segment[]): FieldChange[] {
  if (sameValue(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValue(before[key], after[key], [...at, { key, label: wordsFor(key) }]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (isKeyedList(before) && isKeyedList(after)) return diffKeyedLists(before, after, at);
    if (before.every(isPrimitive) && after.every(isPrimitive)) return [change(at, before, after)];
    const length = Math.max(before.length, after.length);
    const changes: FieldChange[] = [];
    for (let index = 0; index < length; index += 1) {
      changes.push(...diffValue(before[index], after[index], [...at, { key: String(index), label: `#${index + 1}` }]));
    }
    return changes;
  }
  return [change(at, before, after)];
}

type Keyed = Record<string, unknown> & { id: string };

/** Items with ids (buttons, categories, steps…) are matched by id, so inserting one does not "change" the rest. */
function diffKeyedLists(before: Keyed[], after: Keyed[], at: Segment[]): FieldChange[] {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterById = new Map(after.map((item) => [item.id, item]));
  const segment = (item: Keyed): Segment => ({ key: item.id, label: `“${itemName(item)}”` });
  const changes: FieldChange[] = [];
  for (const item of before) {
    if (!afterById.has(item.id)) changes.push({ ...change([...at, segment(item)], item, undefined), label: `${labelOf([...at, segment(item)])} (removed)` });
  }
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) changes.push({ ...change([...at, segment(item)], undefined, item), label: `${labelOf([...at, segment(item)])} (added)` });
    else changes.push(...diffValue(old, item, [...at, segment(item)]));
  }
  const beforeOrder = before.map((item) => item.id).filter((id) => afterById.has(id));
  const afterOrder = after.map((item) => item.id).filter((id) => beforeById.has(id));
  if (beforeOrder.join("\u0000") !== afterOrder.join("\u0000")) {
    changes.push({
      path: [...at.map((s) => s.key), "order"].join("."),
      label: `${labelOf(at)} › Order`,
      before: beforeOrder.map((id) => `“${itemName(beforeById.get(id) ?? { id })}”`).join(", "),
      after: afterOrder.map((id) => `“${itemName(afterById.get(id) ?? { id })}”`).join(", "),
    });
  }
  return changes;
}

function itemName(item: Record<string, unknown> & { id: string }): string {
  for (const key of ["title", "label", "reason", "name"]) {
    const value = item[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return item.id;
}

function change(at: Segment[], before: unknown, after: unknown): FieldChange {
  return {
    path: at.map((segment) => segment.key).join(".") || "data",
    label: labelOf(at),
    ...(before === undefined ? {} : { before: display(before) }),
    ...(after === undefined ? {} : { after: display(after) }),
  };
}

function labelOf(at: Segment[]): string {
  return at.length === 0 ? "Settings" : at.map((segment) => segment.label).join(" › ");
}

const MAX_DISPLAY = 120;

function display(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = `“${value}”`;
  else if (typeof value === "boolean") text = value ? "on" : "off";
  else if (typeof value === "number") text = String(value);
  else if (value === null) text = "nothing";
  else if (Array.isArray(value) && value.every(isPrimitive)) text = value.length === 0 ? "none" : value.map((v) => display(v)).join(", ");
  else if (isPlainObject(value) && typeof value.id === "string") text = `“${itemName({ ...value, id: value.id })}”`;
  else text = JSON.stringify(value) ?? "";
  const chars = [...text];
  return chars.length <= MAX_DISPLAY ? text : `${chars.slice(0, MAX_DISPLAY - 1).join("")}…`;
}

function diffConnections(before: FlowEdge[], after: FlowEdge[], nameOf: (id: string) => string): FlowDiff["connections"] {
  const port = (edge: Pick<FlowEdge, "source" | "sourcePort">) => `${edge.source}\u0000${edge.sourcePort}`;
  const group = (edges: FlowEdge[]) => {
    const byPort = new Map<string, FlowEdge[]>();
    for (const edge of edges) byPort.set(port(edge), [...(byPort.get(port(edge)) ?? []), edge]);
    return byPort;
  };
  const beforeByPort = group(before);
  const afterByPort = group(after);
  const words = (edge: Pick<FlowEdge, "source" | "sourcePort">) => `${nameOf(edge.source)} (${portWords(edge.sourcePort)})`;
  const result: FlowDiff["connections"] = { added: [], removed: [], changed: [] };
  for (const key of new Set([...beforeByPort.keys(), ...afterByPort.keys()])) {
    const olds = beforeByPort.get(key) ?? [];
    const news = afterByPort.get(key) ?? [];
    const gone = olds.filter((edge) => !news.some((n) => n.target === edge.target));
    const fresh = news.filter((edge) => !olds.some((o) => o.target === edge.target));
    const [onlyGone] = gone;
    const [onlyFresh] = fresh;
    if (gone.length === 1 && fresh.length === 1 && onlyGone && onlyFresh) {
      result.changed.push({
        source: onlyFresh.source,
        sourcePort: onlyFresh.sourcePort,
        fromTarget: onlyGone.target,
        toTarget: onlyFresh.target,
        edgeId: onlyFresh.id,
        description: `${words(onlyFresh)} now goes to ${nameOf(onlyFresh.target)} instead of ${nameOf(onlyGone.target)}`,
      });
      continue;
    }
    for (const edge of gone) result.removed.push(connectionRef(edge, `${words(edge)} → ${nameOf(edge.target)}`));
    for (const edge of fresh) result.added.push(connectionRef(edge, `${words(edge)} → ${nameOf(edge.target)}`));
  }
  return result;
}

function connectionRef(edge: FlowEdge, description: string): ConnectionRef {
  return { source: edge.source, sourcePort: edge.sourcePort, target: edge.target, edgeId: edge.id, description };
}

/** "category:billing" → "category billing", "gave_up" → "gave up". */
function portWords(portId: string): string {
  return portId.replace(/[:_]/g, " ");
}

const WORDS: Record<string, string> = {
  text: "Message",
  prompt: "Question",
  greeting: "Greeting",
  answer: "Answer",
  choices: "Buttons",
  sections: "List sections",
  rows: "Rows",
  button: "List button label",
  saveTo: "Saves to field",
  maxAttempts: "Attempts allowed",
  retryText: "Message after a wrong answer",
  check: "Answer check",
  kind: "Kind",
  categories: "Categories",
  examples: "Example phrases",
  queue: "Queue",
  priority: "Priority",
  eta: "Expected wait",
  media: "Media",
  url: "Web address",
  caption: "Caption",
  steps: "Steps",
  items: "Items",
  instructions: "Instructions",
  fields: "Fields",
  checklists: "Minimum-context checklists",
  requirements: "Required fields",
  requiredAt: "Needed at",
  triggers: "Escalation triggers",
  phrases: "Phrases",
  agentPhrases: "Phrases that mean “talk to an agent”",
  defaultHandoffNodeId: "Default handoff step",
  handoffNodeId: "Handoff step",
  inactivityMinutes: "Minutes of silence before timeout",
  unsupportedText: "Answer to unsupported messages",
  csat: "Satisfaction rating",
  enabled: "On",
  resolved: "Counts as resolved",
  pattern: "Pattern",
  hint: "Hint",
  min: "Minimum",
  max: "Maximum",
  id: "Id",
};

/** A schema key in words: known keys from the table, others split from camelCase ("referencePattern" → "Reference pattern"). */
function wordsFor(key: string): string {
  const known = WORDS[key];
  if (known) return known;
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): boolean {
  return value === null || ["string", "number", "boolean", "undefined"].includes(typeof value);
}

function isKeyedList(list: unknown[]): list is Keyed[] {
  if (list.length === 0) return true;
  const ids = new Set<string>();
  for (const item of list) {
    if (!isPlainObject(item) || typeof item.id !== "string" || ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return false;
}
