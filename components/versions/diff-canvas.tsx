"use client";

import { useMemo } from "react";
import { FlowCanvas } from "@/components/flow-canvas/flow-canvas";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { diffFlows, mergeForDiff } from "@/lib/flow/diff-flows";
import { diffDecorations } from "./diff-decorations";

/** Both versions on one canvas: the newer flow plus what was removed, each step toned by what happened to it. */
export function DiffCanvas({ before, after, label }: { before: FlowDocument; after: FlowDocument; label: string }) {
  const { document, decorations } = useMemo(() => {
    const diff = diffFlows(before, after);
    return { document: mergeForDiff(before, after, diff), decorations: diffDecorations(diff) };
  }, [before, after]);
  return (
    <FlowCanvas
      document={document}
      nodeDecorations={decorations.nodeDecorations}
      highlightedEdgeIds={decorations.highlightedEdgeIds}
      label={label}
      height="28rem"
    />
  );
}
