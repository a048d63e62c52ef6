"use client";

import { Handle, Position, useStore, type ReactFlowState } from "@xyflow/react";
import type { FlowNode } from "@/lib/flow/flow-node";
import { catalogEntry, nodeDisplayName, summarizeNode } from "@/lib/flow/node-catalog";
import { outputPorts } from "@/lib/flow/ports";
import type { CanvasNodeData } from "./canvas-node";
import { TONE_STYLES } from "./node-tones";

/** Below this zoom the text is unreadable anyway; drawing boxes only keeps big flows smooth (DESIGN.md). */
export const DETAIL_ZOOM = 0.45;
const isZoomedOut = (state: ReactFlowState): boolean => state.transform[2] < DETAIL_ZOOM;
/** Row heights of the card in px (h-9, h-7, h-6, h-6): the zoomed-out box reuses them to keep handles in place. */
const HEADER = 36;
const SUMMARY = 28;
const BADGE = 24;
const PORT = 24;

/** Summaries walk the node's data; memoising per node object keeps re-renders during a drag cheap. */
const summaries = new WeakMap<FlowNode, string>();
function cachedSummary(node: FlowNode): string {
  let summary = summaries.get(node);
  if (summary === undefined) {
    summary = summarizeNode(node);
    summaries.set(node, summary);
  }
  return summary;
}

/**
 * The card every node view is built from: icon, title, summary, issue badge, a target handle on the left and one
 * labelled source handle per output port on the right. Row heights are fixed so the level-of-detail view keeps
 * the handles exactly where edges expect them.
 */
export function NodeCard({ data, selected }: { data: CanvasNodeData; selected: boolean }) {
  const zoomedOut = useStore(isZoomedOut);
  const { node, issueCount, hasErrors, decoration } = data;
  const entry = catalogEntry(node.type);
  const ports = outputPorts(node);
  const tone = decoration ? TONE_STYLES[decoration.tone] : undefined;
  const ring = selected ? "ring-2 ring-brand-600" : (tone?.ring ?? "");
  const border = hasErrors ? "border-red-400" : issueCount > 0 ? "border-amber-400" : "border-slate-300";
  if (zoomedOut) {
    // Level of detail: one box and its handles, at the same size and handle offsets as the full card.
    // Offsets are measured inside the 1px border, as absolutely positioned handles are.
    const portsTop = HEADER + SUMMARY + (decoration?.badge ? BADGE : 0);
    const height = 1 + portsTop + (ports.length > 0 ? 1 + 4 + PORT * ports.length + 4 : 8) + 1;
    return (
      <div
        className={`w-60 rounded-lg border bg-slate-100 ${border} ${ring}`}
        style={{ height }}
        data-testid="flow-node"
        data-node-id={node.id}
        data-node-type={node.type}
        // Zoomed out, the box has no text: its name and decoration (path, drop-off counts) live in the tooltip.
        title={decoration?.description ?? nodeDisplayName(node)}
        aria-label={nodeDisplayName(node)}
      >
        {node.type === "start" ? null : <Handle type="target" position={Position.Left} className="h-3! w-3! bg-slate-500!" />}
        <span aria-hidden className="block p-2 text-4xl">
          {entry.icon}
        </span>
        {ports.map((port, index) => (
          <Handle
            key={port.id}
            type="source"
            id={port.id}
            position={Position.Right}
            className="h-3! w-3! bg-brand-600!"
            style={{ top: portsTop + 1 + 4 + PORT * index + PORT / 2 }}
          />
        ))}
      </div>
    );
  }
  return (
    <div
      // No drop shadow: a blurred shadow per card is the costliest thing to raster while panning (bench:canvas).
      className={`w-60 rounded-lg border bg-white text-left ${border} ${ring}`}
      data-testid="flow-node"
      data-node-id={node.id}
      data-node-type={node.type}
      title={decoration?.description}
    >
      {node.type === "start" ? null : <Handle type="target" position={Position.Left} className="h-3! w-3! bg-slate-500!" />}
      <div className="flex h-9 items-center gap-2 rounded-t-lg border-b border-slate-100 bg-slate-50 px-2.5">
        <span aria-hidden className="text-base">
          {entry.icon}
        </span>
        <span className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900">{nodeDisplayName(node)}</span>
        {issueCount > 0 ? (
          <span
            className={`rounded-full px-1.5 text-xs font-semibold text-white ${hasErrors ? "bg-red-600" : "bg-amber-500"}`}
            aria-label={`${issueCount} ${issueCount === 1 ? "problem" : "problems"}`}
            data-testid="node-issue-badge"
          >
            {issueCount}
          </span>
        ) : null}
      </div>
      <div className="h-7 truncate px-2.5 py-1 text-xs text-slate-600">{cachedSummary(node)}</div>
      {decoration?.badge ? (
        <div className="h-6 px-2.5">
          <span className={`inline-block max-w-full truncate rounded px-1.5 text-xs font-medium ${tone?.badge ?? ""}`}>
            {decoration.badge}
          </span>
        </div>
      ) : null}
      {ports.length > 0 ? (
        <ul className="border-t border-slate-100 py-1" aria-label="Outcomes">
          {ports.map((port) => (
            <li key={port.id} className="relative h-6 pr-4 text-right text-xs text-slate-600">
              <span className="truncate">{port.label}</span>
              <Handle
                type="source"
                id={port.id}
                position={Position.Right}
                className="h-3! w-3! bg-brand-600!"
                aria-label={`${port.label} outcome`}
                data-testid={`port-${port.id}`}
              />
            </li>
          ))}
        </ul>
      ) : (
        <div className="h-2" />
      )}
    </div>
  );
}
