"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type StartCanvasNode = CanvasNodeOf<"start">;

export const StartNodeView = memo(function StartNodeView({ data, selected }: NodeProps<StartCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
