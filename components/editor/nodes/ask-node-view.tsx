"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type AskCanvasNode = CanvasNodeOf<"ask">;

export const AskNodeView = memo(function AskNodeView({ data, selected }: NodeProps<AskCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
