"use client";

import { useCallback, useMemo, useState } from "react";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useDroppable } from "@dnd-kit/core";
import { nodeTypes } from "./node-types";
import { toCanvasEdges, type CanvasEdge, type CanvasNode, type NodeIssueCounts } from "./canvas-node";
import { useCanvasNodes } from "./use-canvas-nodes";
import { useEditor, useEditorStoreApi } from "./editor-store-context";
import type { Size } from "./editor-store";
import type { Position } from "@/lib/flow/node-catalog";
import { openingView } from "./opening-view";

export const CANVAS_DROP_ID = "flow-canvas";
const GRID: [number, number] = [20, 20];

/** The editable canvas: React Flow reports gestures, the store decides what they mean. */
export function EditorCanvas({ issues, snapToGrid }: { issues: NodeIssueCounts; snapToGrid: boolean }) {
  const document = useEditor((state) => state.document);
  const readOnly = useEditor((state) => state.readOnly);
  const selectedNodeIds = useEditor((state) => state.selectedNodeIds);
  const selectedEdgeIds = useEditor((state) => state.selectedEdgeIds);
  const measured = useEditor((state) => state.measured);
  const moveNodes = useEditor((state) => state.moveNodes);
  const startDrag = useEditor((state) => state.startDrag);
  const endDrag = useEditor((state) => state.endDrag);
  const setMeasured = useEditor((state) => state.setMeasured);
  const connect = useEditor((state) => state.connect);
  const deleteElements = useEditor((state) => state.deleteElements);
  const select = useEditor((state) => state.select);
  const store = useEditorStoreApi();
  const { setNodeRef } = useDroppable({ id: CANVAS_DROP_ID });

  // Only the first fit uses these: computed once, from the flow as it opened.
  const [fitViewOptions] = useState(() => openingView(document.nodes));
  const nodes = useCanvasNodes(document.nodes, issues, selectedNodeIds, measured);
  // Keyed on the edge list alone: a drag moves nodes every frame but leaves the edges array untouched (immer).
  const flowEdges = document.edges;
  const edges = useMemo(() => {
    const selected = new Set(selectedEdgeIds);
    return toCanvasEdges({ edges: flowEdges }).map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
  }, [flowEdges, selectedEdgeIds]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions = new Map<string, Position>();
      const sizes = new Map<string, Size>();
      for (const change of changes) {
        if (change.type === "position" && change.position) positions.set(change.id, change.position);
        if (change.type === "dimensions" && change.dimensions) sizes.set(change.id, change.dimensions);
      }
      if (sizes.size > 0) setMeasured(sizes);
      if (positions.size > 0) moveNodes(positions);
      const picks = changes.flatMap((change) => (change.type === "select" ? [change] : []));
      if (picks.length > 0) {
        const { selectedNodeIds: current, selectedEdgeIds: currentEdges } = store.getState();
        select(applyPicks(current, picks), currentEdges);
      }
    },
    [moveNodes, setMeasured, select, store],
  );
  // Removal goes through onDelete as one gesture; selection is the only edge change the store keeps.
  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const picks = changes.flatMap((change) => (change.type === "select" ? [change] : []));
      if (picks.length === 0) return;
      const { selectedNodeIds: current, selectedEdgeIds: currentEdges } = store.getState();
      select(current, applyPicks(currentEdges, picks));
    },
    [select, store],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.sourceHandle) connect({ source: connection.source, sourcePort: connection.sourceHandle, target: connection.target });
    },
    [connect],
  );
  const onDelete = useCallback(
    ({ nodes: gone, edges: goneEdges }: { nodes: CanvasNode[]; edges: CanvasEdge[] }) =>
      deleteElements(
        gone.map((node) => node.id),
        goneEdges.map((edge) => edge.id),
      ),
    [deleteElements],
  );

  return (
    <div ref={setNodeRef} className="h-full w-full" data-testid="editor-canvas">
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeDragStart={startDrag}
        onNodeDragStop={endDrag}
        onSelectionDragStart={startDrag}
        onSelectionDragStop={endDrag}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        multiSelectionKeyCode={["Meta", "Control", "Shift"]}
        selectionKeyCode="Shift"
        selectionMode={SelectionMode.Partial}
        snapToGrid={snapToGrid}
        snapGrid={GRID}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Overview of the whole flow" nodeColor="#94a3b8" />
      </ReactFlow>
    </div>
  );
}

function applyPicks(current: readonly string[], picks: readonly { id: string; selected: boolean }[]): string[] {
  const next = new Set(current);
  for (const pick of picks) {
    if (pick.selected) next.add(pick.id);
    else next.delete(pick.id);
  }
  return [...next];
}
