import type { FlowDocument } from "@/lib/flow/flow-document";
import type { NodeDecoration } from "@/components/flow-canvas/flow-canvas-props";

/** The canvas overlay for a conversation: visited nodes and the edges between consecutive steps lit, the current node marked. */
export function pathDecorations(
  document: FlowDocument,
  path: readonly string[],
  current: string | null,
): { nodeDecorations: Record<string, NodeDecoration>; highlightedEdgeIds: string[] } {
  const nodeDecorations: Record<string, NodeDecoration> = {};
  const visits = new Map<string, number>();
  for (const nodeId of path) visits.set(nodeId, (visits.get(nodeId) ?? 0) + 1);
  for (const [nodeId, count] of visits) {
    nodeDecorations[nodeId] = { tone: "visited", description: `Visited${count > 1 ? ` ${count} times` : ""}` };
  }
  if (current !== null && document.nodes.some((node) => node.id === current)) {
    nodeDecorations[current] = { tone: "current", badge: "Now here", description: "Current step of the simulated conversation" };
  }
  const highlighted = new Set<string>();
  for (let index = 1; index < path.length; index += 1) {
    const from = path[index - 1];
    const to = path[index];
    const edge = document.edges.find((candidate) => candidate.source === from && candidate.target === to);
    if (edge) highlighted.add(edge.id);
  }
  return { nodeDecorations, highlightedEdgeIds: [...highlighted] };
}

/** A node's name as the manager sees it on the canvas. */
export function nodeName(document: FlowDocument, nodeId: string | null): string {
  if (nodeId === null) return "—";
  const node = document.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return nodeId;
  return node.title ?? node.type.replaceAll("_", " ");
}
