"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type EndCanvasNode = CanvasNodeOf<"end">;

export const EndNodeView = memo(function EndNodeView({ data, selected }: NodeProps<EndCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
