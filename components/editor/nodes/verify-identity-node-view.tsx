"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type VerifyIdentityCanvasNode = CanvasNodeOf<"verify_identity">;

export const VerifyIdentityNodeView = memo(function VerifyIdentityNodeView({ data, selected }: NodeProps<VerifyIdentityCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
