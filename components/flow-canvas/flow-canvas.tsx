"use client";

import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState } from "react";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type NodeChange } from "@xyflow/react";
import { toCanvasEdges, toCanvasNode, type CanvasNode } from "@/components/editor/canvas-node";
import { nodeTypes } from "@/components/editor/node-types";
import { TONE_STYLES } from "@/components/editor/node-tones";
import type { FlowCanvasProps, NodeDecoration } from "./flow-canvas-props";

const LIT_TONES: ReadonlySet<NodeDecoration["tone"]> = new Set(["visited", "current"]);

/**
 * A read-only canvas of a flow document drawn with the editor's own node views. Selection is controlled by the
 * caller (selectedNodeId / onSelectNode); clicking or pressing Enter on a node selects it.
 */
export function FlowCanvas(props: FlowCanvasProps) {
  return (
    <ReactFlowProvider>
      <ReadOnlyCanvas {...props} />
    </ReactFlowProvider>
  );
}

type Size = { width: number; height: number };

function ReadOnlyCanvas({ document, nodeDecorations, highlightedEdgeIds, selectedNodeId, onSelectNode, height = "32rem", label }: FlowCanvasProps) {
  // React Flow keeps measured sizes on the node objects it is given; without them it re-measures forever.
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  const nodes = useMemo(
    () =>
      document.nodes.map((node) => {
        const decoration = nodeDecorations?.[node.id];
        const size = measured.get(node.id);
        return {
          ...toCanvasNode(node, { selected: node.id === selectedNodeId, ...(decoration ? { decoration } : {}) }),
          ...(size ? { measured: size } : {}),
        };
      }),
    [document.nodes, nodeDecorations, selectedNodeId, measured],
  );

  const edges = useMemo(() => {
    const lit = new Set(highlightedEdgeIds ?? []);
    const isLit = (nodeId: string) => {
      const tone = nodeDecorations?.[nodeId]?.tone;
      return tone !== undefined && LIT_TONES.has(tone);
    };
    for (const edge of document.edges) if (isLit(edge.source) && isLit(edge.target)) lit.add(edge.id);
    return toCanvasEdges(document, lit);
  }, [document, nodeDecorations, highlightedEdgeIds]);

  // Controlled selection: React Flow reports clicks and Enter as "select" changes; the caller owns the state.
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const sizes = changes.flatMap((change) => (change.type === "dimensions" && change.dimensions ? [[change.id, change.dimensions] as const] : []));
      if (sizes.length > 0) setMeasured((old) => new Map([...old, ...sizes]));
      if (!onSelectNode) return;
      const picked = changes.find((change) => change.type === "select" && change.selected);
      if (picked && picked.type === "select") onSelectNode(picked.id);
    },
    [onSelectNode],
  );
  const onPaneClick = useCallback(() => onSelectNode?.(null), [onSelectNode]);

  return (
    <section aria-label={label} className="flow-canvas relative w-full overflow-hidden rounded-xl border border-slate-200 bg-white" style={{ height }}>
      <ReactFlow<CanvasNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={onPaneClick}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={onSelectNode !== undefined}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={{ padding: 0.15 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={`Overview of ${label}`}
          nodeColor={(node) => {
            const tone = nodeDecorations?.[node.id]?.tone;
            return tone ? TONE_STYLES[tone].color : "#cbd5e1";
          }}
        />
      </ReactFlow>
    </section>
  );
}
