"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type StatusLookupCanvasNode = CanvasNodeOf<"status_lookup">;

export const StatusLookupNodeView = memo(function StatusLookupNodeView({ data, selected }: NodeProps<StatusLookupCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
