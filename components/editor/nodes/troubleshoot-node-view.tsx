"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type TroubleshootCanvasNode = CanvasNodeOf<"troubleshoot">;

export const TroubleshootNodeView = memo(function TroubleshootNodeView({ data, selected }: NodeProps<TroubleshootCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
