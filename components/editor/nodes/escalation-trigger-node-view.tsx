"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type EscalationTriggerCanvasNode = CanvasNodeOf<"escalation_trigger">;

export const EscalationTriggerNodeView = memo(function EscalationTriggerNodeView({ data, selected }: NodeProps<EscalationTriggerCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
