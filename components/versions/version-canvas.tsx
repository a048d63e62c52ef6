"use client";

import { useState } from "react";
import { FlowCanvas } from "@/components/flow-canvas/flow-canvas";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { nodeDisplayName, summarizeNode } from "@/lib/flow/node-catalog";

/** A published version, read-only: the canvas, and the same steps as a list for keyboard and screen-reader users. */
export function VersionCanvas({ document, label }: { document: FlowDocument; label: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  const node = document.nodes.find((candidate) => candidate.id === selected);
  return (
    <div className="flex flex-col gap-4">
      <FlowCanvas document={document} label={label} selectedNodeId={selected} onSelectNode={setSelected} height="30rem" />
      {node ? (
        <p role="status" className="text-sm text-slate-700">
          Selected: <span className="font-medium">{nodeDisplayName(node)}</span> — {summarizeNode(node)}
        </p>
      ) : null}
      <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium">All {document.nodes.length} steps as a list</summary>
        <ol className="mt-2 flex flex-col gap-1">
          {document.nodes.map((step) => (
            <li key={step.id}>
              <span className="font-medium">{nodeDisplayName(step)}</span>
              <span className="text-slate-500"> — {summarizeNode(step)}</span>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
