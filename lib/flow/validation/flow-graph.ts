import type { FlowEdge, FlowSettings } from "../flow-document";
import type { FlowNode, NodeType } from "../flow-node";
import { NODE_TYPES } from "../flow-node";
import { nodeCatalog, nodeDisplayName } from "../node-catalog";
import { outputPorts } from "../ports";

/** A node as the graph rules see it: the id and type are enough for structure; data only when it parsed. */
export type GraphNode = { id: string; index: number; type: NodeType | undefined; name: string; node: FlowNode | undefined };

/** The graph the rules share: first occurrence of each id wins, edges indexed both ways. */
export type FlowGraph = {
  nodes: Map<string, GraphNode>;
  order: GraphNode[];
  edges: FlowEdge[];
  outgoing: Map<string, FlowEdge[]>;
  incoming: Map<string, FlowEdge[]>;
  /** Every node and settings entry parsed, so data-dependent analyses are trustworthy. */
  complete: boolean;
  settings: FlowSettings | undefined;
};

export type RawNode = { index: number; id: string; type: NodeType | undefined; title: string | undefined; node: FlowNode | undefined };

const isNodeType = (value: unknown): value is NodeType =>
  typeof value === "string" && (NODE_TYPES as readonly string[]).includes(value);

/** What can be read from a node that may not have passed its schema. */
export function readRawNode(raw: unknown, index: number, parsed: FlowNode | undefined): RawNode | undefined {
  if (parsed !== undefined) return { index, id: parsed.id, type: parsed.type, title: parsed.title, node: parsed };
  if (typeof raw !== "object" || raw === null) return undefined;
  const id: unknown = Reflect.get(raw, "id");
  if (typeof id !== "string" || id === "") return undefined;
  const type: unknown = Reflect.get(raw, "type");
  const title: unknown = Reflect.get(raw, "title");
  return { index, id, type: isNodeType(type) ? type : undefined, title: typeof title === "string" ? title : undefined, node: undefined };
}

export function rawNodeName(raw: Pick<RawNode, "id" | "type" | "title">): string {
  if (raw.type !== undefined) return nodeDisplayName({ type: raw.type, title: raw.title });
  const title = raw.title?.trim();
  return title !== undefined && title !== "" ? title : `step ${raw.id}`;
}

export function buildGraph(
  rawNodes: readonly RawNode[],
  edges: readonly FlowEdge[],
  settings: FlowSettings | undefined,
  complete: boolean,
): FlowGraph {
  const nodes = new Map<string, GraphNode>();
  const order: GraphNode[] = [];
  for (const raw of rawNodes) {
    if (nodes.has(raw.id)) continue;
    const graphNode: GraphNode = { id: raw.id, index: raw.index, type: raw.type, name: rawNodeName(raw), node: raw.node };
    nodes.set(raw.id, graphNode);
    order.push(graphNode);
  }
  const outgoing = new Map<string, FlowEdge[]>();
  const incoming = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    push(outgoing, edge.source, edge);
    push(incoming, edge.target, edge);
  }
  return { nodes, order, edges: [...edges], outgoing, incoming, complete, settings };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Edges that leave `nodeId` by `portId`. */
export function edgesFrom(graph: FlowGraph, nodeId: string, portId: string): FlowEdge[] {
  return (graph.outgoing.get(nodeId) ?? []).filter((edge) => edge.sourcePort === portId);
}

/** The label of a port for messages, e.g. "Gave up"; falls back to the id for unknown ports. */
export function portLabel(graph: FlowGraph, nodeId: string, portId: string): string {
  const node = graph.nodes.get(nodeId)?.node;
  if (node === undefined) return portId;
  return outputPorts(node).find((port) => port.id === portId)?.label ?? portId;
}

export function nameOf(graph: FlowGraph, nodeId: string): string {
  return graph.nodes.get(nodeId)?.name ?? nodeId;
}

/** Steps that move on without waiting for the customer; a loop made only of these spins forever. */
export const NON_WAITING_TYPES: ReadonlySet<NodeType> = new Set<NodeType>([
  "start",
  "message",
  "set_field",
  "condition",
  "escalation_trigger",
]);

export const typeLabel = (type: NodeType): string => nodeCatalog[type].label;
