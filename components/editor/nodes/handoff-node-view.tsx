"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type HandoffCanvasNode = CanvasNodeOf<"handoff">;

export const HandoffNodeView = memo(function HandoffNodeView({ data, selected }: NodeProps<HandoffCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
