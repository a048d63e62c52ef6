"use client";

import { useMemo, useState } from "react";
import { FlowCanvas } from "@/components/flow-canvas/flow-canvas";
import type { NodeDecoration } from "@/components/flow-canvas/flow-canvas-props";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { dropOffRate, funnelBadge, funnelDescription, funnelTone, type NodeFunnel } from "@/lib/analytics/node-funnel";
import { formatPercent } from "@/lib/analytics/format-duration";

const TONE_TEXT = { good: "text-brand-800", warning: "text-amber-800", bad: "text-red-700", neutral: "text-slate-500" } as const;

/** Each node of the chosen version with how many conversations entered, moved on and dropped there. */
export function DropOffOverlay({ document, versionNumber, funnels }: { document: FlowDocument; versionNumber: number; funnels: readonly NodeFunnel[] }) {
  const [selected, setSelected] = useState<string | null>(null);
  const byNode = useMemo(() => new Map(funnels.map((funnel) => [funnel.nodeId, funnel])), [funnels]);
  const decorations = useMemo(() => {
    const result: Record<string, NodeDecoration> = {};
    for (const node of document.nodes) {
      const funnel = byNode.get(node.id) ?? { nodeId: node.id, entered: 0, movedOn: 0, dropped: 0 };
      result[node.id] = { tone: funnelTone(funnel), badge: funnelBadge(funnel), description: funnelDescription(funnel) };
    }
    return result;
  }, [document, byNode]);
  const rows = document.nodes.map((node) => ({
    node,
    funnel: byNode.get(node.id) ?? { nodeId: node.id, entered: 0, movedOn: 0, dropped: 0 },
  }));

  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <FlowCanvas
          document={document}
          nodeDecorations={decorations}
          selectedNodeId={selected}
          onSelectNode={setSelected}
          height="32rem"
          label={`Drop-off per step on version ${versionNumber}`}
        />
      </div>
      <details open className="rounded-xl border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Drop-off per step as a table</summary>
        <table className="mt-3 w-full text-left text-sm" aria-label={`Drop-off per step on version ${versionNumber}`}>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Step</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Entered</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Moved on</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Dropped</th>
              <th scope="col" className="py-1 text-right font-medium">Drop-off</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, funnel }) => (
              <tr key={node.id} className="border-t border-slate-100" data-testid={`funnel-${node.id}`}>
                <th scope="row" className="py-1 pr-4 font-normal">
                  {node.title ?? node.type.replace(/_/g, " ")} <span className="text-xs text-slate-400">{node.id}</span>
                </th>
                <td className="py-1 pr-4 text-right tabular-nums">{funnel.entered}</td>
                <td className="py-1 pr-4 text-right tabular-nums">{funnel.movedOn}</td>
                <td className="py-1 pr-4 text-right tabular-nums">{funnel.dropped}</td>
                <td className={`py-1 text-right tabular-nums ${TONE_TEXT[funnelTone(funnel)]}`}>{formatPercent(dropOffRate(funnel))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
