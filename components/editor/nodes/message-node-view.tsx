"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type MessageCanvasNode = CanvasNodeOf<"message">;

export const MessageNodeView = memo(function MessageNodeView({ data, selected }: NodeProps<MessageCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
