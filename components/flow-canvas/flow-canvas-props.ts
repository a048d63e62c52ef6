import type { FlowDocument } from "@/lib/flow/flow-document";

/** How a screen other than the editor marks nodes on a read-only canvas (simulator path, diff, drop-off overlay). */
export type NodeDecoration = {
  tone: "current" | "visited" | "added" | "removed" | "changed" | "neutral" | "good" | "warning" | "bad";
  /** A short badge on the node, e.g. "120 in · 12 dropped" or "changed". */
  badge?: string;
  /** Longer text for screen readers and the tooltip. */
  description?: string;
};

/**
 * Props of components/flow-canvas/flow-canvas.tsx: the read-only canvas every screen shares with the editor's
 * node views. Edges between decorated nodes with tone "visited"/"current" are drawn as the lit path.
 */
export type FlowCanvasProps = {
  document: FlowDocument;
  nodeDecorations?: Readonly<Record<string, NodeDecoration>>;
  /** Edge ids to draw highlighted (e.g. the path taken, or added connections in a diff). */
  highlightedEdgeIds?: readonly string[];
  selectedNodeId?: string | null;
  onSelectNode?: (nodeId: string | null) => void;
  /** Canvas height in CSS; the width fills the parent. */
  height?: string;
  /** Accessible name of the canvas region, e.g. "Flow of version 3". */
  label: string;
};
