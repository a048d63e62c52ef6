"use client";

import { useMemo } from "react";
import type { FlowNode } from "@/lib/flow/flow-node";
import { toCanvasNode, type CanvasNode, type NodeIssueCounts } from "./canvas-node";
import type { Size } from "./editor-store";

type Cached = { count: number; hasErrors: boolean; selected: boolean; size: Size | undefined; canvasNode: CanvasNode };

/** Flow nodes are immutable (immer), so the node object itself is the cache key; entries die with old drafts. */
const cache = new WeakMap<FlowNode, Cached>();

/**
 * Canvas nodes for React Flow, reusing the previous object for every node whose inputs did not change: React Flow
 * skips unchanged node objects and the memoised views skip re-rendering, which keeps drags smooth on big flows.
 */
export function useCanvasNodes(
  nodes: readonly FlowNode[],
  issues: NodeIssueCounts,
  selectedIds: readonly string[],
  measured: Readonly<Record<string, Size>>,
): CanvasNode[] {
  return useMemo(() => {
    const selected = new Set(selectedIds);
    const result = nodes.map((flowNode) => {
      const issue = issues.get(flowNode.id);
      const count = issue?.count ?? 0;
      const hasErrors = issue?.hasErrors ?? false;
      const isSelected = selected.has(flowNode.id);
      const size = measured[flowNode.id];
      const previous = cache.get(flowNode);
      if (
        previous &&
        previous.count === count &&
        previous.hasErrors === hasErrors &&
        previous.selected === isSelected &&
        previous.size === size
      ) {
        return previous.canvasNode;
      }
      const canvasNode = { ...toCanvasNode(flowNode, { issues, selected: isSelected }), ...(size ? { measured: size } : {}) };
      cache.set(flowNode, { count, hasErrors, selected: isSelected, size, canvasNode });
      return canvasNode;
    });
    return result;
  }, [nodes, issues, selectedIds, measured]);
}
