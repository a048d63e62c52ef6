import type { FlowNode } from "@/lib/flow/flow-node";

/** A card's footprint in flow units: w-60 and a typical height with two outcomes. */
const CARD = { width: 240, height: 160 };
/**
 * Beyond this size (flow units) a flow shown at 50 % would still show less than a quarter of itself on a laptop
 * screen: neither an overview nor readable. Such flows open at 100 % instead (about 1,000 × 750 px of canvas).
 */
export const BIG_FLOW = { width: 4000, height: 3000 };

export type OpeningView = { padding: number; maxZoom: number; minZoom: number };

/**
 * How the editor frames a flow when it opens (React Flow's fitViewOptions): the whole flow when it fits at 50 % or
 * more, as before; a big flow at 100 % around its middle, where every card is readable and the canvas stays
 * smooth to pan (bench:canvas). Fit view and the minimap still show all of it.
 */
export function openingView(nodes: readonly Pick<FlowNode, "position">[]): OpeningView {
  if (nodes.length === 0) return { padding: 0.15, maxZoom: 1, minZoom: 0.5 };
  const xs = nodes.map((node) => node.position.x);
  const ys = nodes.map((node) => node.position.y);
  const width = Math.max(...xs) - Math.min(...xs) + CARD.width;
  const height = Math.max(...ys) - Math.min(...ys) + CARD.height;
  const big = width > BIG_FLOW.width || height > BIG_FLOW.height;
  return { padding: 0.15, maxZoom: 1, minZoom: big ? 1 : 0.5 };
}
