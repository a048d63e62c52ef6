"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type CategorizeCanvasNode = CanvasNodeOf<"categorize">;

export const CategorizeNodeView = memo(function CategorizeNodeView({ data, selected }: NodeProps<CategorizeCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
