"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type SetFieldCanvasNode = CanvasNodeOf<"set_field">;

export const SetFieldNodeView = memo(function SetFieldNodeView({ data, selected }: NodeProps<SetFieldCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
