"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type ConditionCanvasNode = CanvasNodeOf<"condition">;

export const ConditionNodeView = memo(function ConditionNodeView({ data, selected }: NodeProps<ConditionCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
