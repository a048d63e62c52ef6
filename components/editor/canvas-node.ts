import type { Edge, Node } from "@xyflow/react";
import type { NodeDecoration } from "@/components/flow-canvas/flow-canvas-props";
import type { FlowDocument, FlowEdge } from "@/lib/flow/flow-document";
import type { FlowNode, NodeOfType, NodeType } from "@/lib/flow/flow-node";
import { nodeDisplayName } from "@/lib/flow/node-catalog";

/** What a node view draws: the flow node itself plus what the screen around it knows (issues, decoration). */
export type CanvasNodeData<N extends FlowNode = FlowNode> = {
  node: N;
  /** Errors and warnings the validator reports for this node. */
  issueCount: number;
  hasErrors: boolean;
  decoration?: NodeDecoration;
};

export type CanvasNodeOf<T extends NodeType> = Node<CanvasNodeData<NodeOfType<T>>, T>;
/** Any canvas node, as React Flow's arrays hold them. */
export type CanvasNode = Node<CanvasNodeData, NodeType>;
export type CanvasEdge = Edge<{ sourcePort: string }>;

export type NodeIssueCounts = ReadonlyMap<string, { count: number; hasErrors: boolean }>;

/** A flow node as React Flow wants it; only position and data cross over, never React Flow internals back. */
export function toCanvasNode(
  node: FlowNode,
  options: { issues?: NodeIssueCounts; decoration?: NodeDecoration; selected?: boolean } = {},
): CanvasNode {
  const issue = options.issues?.get(node.id);
  const data: CanvasNodeData = { node, issueCount: issue?.count ?? 0, hasErrors: issue?.hasErrors ?? false };
  if (options.decoration) data.decoration = options.decoration;
  return {
    id: node.id,
    type: node.type,
    position: node.position,
    data,
    selected: options.selected ?? false,
    ariaLabel: `${nodeDisplayName(node)}${options.decoration?.description ? ` (${options.decoration.description})` : ""}`,
  };
}

export function toCanvasEdge(edge: FlowEdge, isHighlighted = false): CanvasEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    data: { sourcePort: edge.sourcePort },
    ...(isHighlighted ? { animated: true, zIndex: 1, style: { stroke: "#0284c7", strokeWidth: 3 } } : {}),
  };
}

export function toCanvasEdges(document: Pick<FlowDocument, "edges">, highlighted: ReadonlySet<string> = new Set()): CanvasEdge[] {
  return document.edges.map((edge) => toCanvasEdge(edge, highlighted.has(edge.id)));
}
