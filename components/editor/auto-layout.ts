import ELK from "elkjs/lib/elk.bundled.js";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { Position } from "@/lib/flow/node-catalog";
import { outputPorts } from "@/lib/flow/ports";
import type { Size } from "./editor-store";

const DEFAULT_SIZE: Size = { width: 240, height: 140 };
const elk = new ELK();

/**
 * Left-to-right layered layout (the way the templates read). Ports are declared in their on-card order so ELK
 * keeps branches in the order the card lists its outcomes.
 */
export async function layoutFlow(document: FlowDocument, measured: Readonly<Record<string, Size>>): Promise<Map<string, Position>> {
  const portIds = new Set(document.nodes.flatMap((node) => outputPorts(node).map((port) => `${node.id}::${port.id}`)));
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.spacing.nodeNode": "50",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
    },
    children: document.nodes.map((node) => {
      const size = measured[node.id] ?? DEFAULT_SIZE;
      return {
        id: node.id,
        width: size.width,
        height: size.height,
        layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
        ports: [
          { id: `${node.id}::in`, layoutOptions: { "elk.port.side": "WEST" } },
          ...outputPorts(node).map((port, index) => ({
            id: `${node.id}::${port.id}`,
            layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(index) },
          })),
        ],
      };
    }),
    edges: document.edges
      .filter((edge) => nodeIds.has(edge.target) && portIds.has(`${edge.source}::${edge.sourcePort}`))
      .map((edge) => ({ id: edge.id, sources: [`${edge.source}::${edge.sourcePort}`], targets: [`${edge.target}::in`] })),
  });
  return new Map((graph.children ?? []).map((child) => [child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }]));
}
