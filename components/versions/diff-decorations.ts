import type { NodeDecoration } from "@/components/flow-canvas/flow-canvas-props";
import type { FlowDiff } from "@/lib/flow/diff-flows";

/** Canvas tones for a diff: added, removed and changed steps; added and re-pointed connections are lit. */
export function diffDecorations(diff: FlowDiff): { nodeDecorations: Record<string, NodeDecoration>; highlightedEdgeIds: string[] } {
  const nodeDecorations: Record<string, NodeDecoration> = {};
  for (const node of diff.nodes.added) nodeDecorations[node.id] = { tone: "added", badge: "added", description: `${node.name} was added` };
  for (const node of diff.nodes.removed) nodeDecorations[node.id] = { tone: "removed", badge: "removed", description: `${node.name} was removed` };
  for (const node of diff.nodes.changed) {
    nodeDecorations[node.id] = {
      tone: "changed",
      badge: node.changes.length === 1 ? "1 change" : `${node.changes.length} changes`,
      description: `Changed: ${node.changes.map((change) => change.label).join("; ")}`,
    };
  }
  const highlightedEdgeIds = [...diff.connections.added.map((edge) => edge.edgeId), ...diff.connections.changed.map((edge) => edge.edgeId)];
  return { nodeDecorations, highlightedEdgeIds };
}
