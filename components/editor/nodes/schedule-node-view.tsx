"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type ScheduleCanvasNode = CanvasNodeOf<"schedule">;

export const ScheduleNodeView = memo(function ScheduleNodeView({ data, selected }: NodeProps<ScheduleCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
