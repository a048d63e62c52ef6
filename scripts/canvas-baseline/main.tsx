// The bare-library baseline for bench:canvas: @xyflow/react's own default nodes and edges, controlled with its own
// hooks, with the same helpers the editor shows (background, controls, minimap). The benchmark bundles this file
// with esbuild and measures it with the same gestures and opening view (100 % around the middle) as the editor, so
// the editor's figures can be read against what the library itself reaches on the same machine at the same moment.
import { createRoot } from "react-dom/client";
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";

declare global {
  interface Window {
    __BASELINE_FLOW__: { nodes: Node[]; edges: Edge[] };
  }
}

function Baseline() {
  const [nodes, , onNodesChange] = useNodesState(window.__BASELINE_FLOW__.nodes);
  const [edges, , onEdgesChange] = useEdgesState(window.__BASELINE_FLOW__.edges);
  return (
    <div style={{ width: "100vw", height: "100vh" }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1, minZoom: 1 }}
        minZoom={0.1}
      >
        <Background />
        <Controls />
        <MiniMap />
      </ReactFlow>
    </div>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Baseline />);
