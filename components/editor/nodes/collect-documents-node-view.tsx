"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNodeOf } from "../canvas-node";
import { NodeCard } from "../base-node";

export type CollectDocumentsCanvasNode = CanvasNodeOf<"collect_documents">;

export const CollectDocumentsNodeView = memo(function CollectDocumentsNodeView({ data, selected }: NodeProps<CollectDocumentsCanvasNode>) {
  return <NodeCard data={data} selected={selected} />;
});
