"use client";

import { useReactFlow } from "@xyflow/react";
import type { Issue } from "@/lib/flow/validate-flow";
import { useEditor } from "./editor-store-context";

/** Every problem the publish check finds, in plain words; clicking one takes the manager to the step and field. */
export function ValidationPanel({ errors, warnings }: { errors: readonly Issue[]; warnings: readonly Issue[] }) {
  const requestFocus = useEditor((state) => state.requestFocus);
  const { fitView } = useReactFlow();

  function open(issue: Issue) {
    const nodeId = issue.nodeId ?? issue.path?.[0] ?? null;
    requestFocus(nodeId, issue.field ?? null);
    if (nodeId !== null) void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1 });
  }

  if (errors.length === 0 && warnings.length === 0) {
    return (
      <p className="p-3 text-sm text-emerald-800" role="status" data-testid="validation-ok">
        ✓ No problems found. This flow is ready to publish.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2 p-3" data-testid="validation-panel">
      <p className="text-sm font-medium text-slate-900" role="status">
        {errors.length > 0 ? `${errors.length} ${errors.length === 1 ? "problem blocks" : "problems block"} publishing` : "Ready to publish"}
        {warnings.length > 0 ? ` · ${warnings.length} ${warnings.length === 1 ? "suggestion" : "suggestions"}` : ""}
      </p>
      <ul className="flex flex-col gap-1">
        {[...errors, ...warnings].map((issue, index) => (
          <li key={`${issue.code}-${issue.nodeId ?? ""}-${issue.field ?? ""}-${index}`}>
            <button
              type="button"
              onClick={() => open(issue)}
              className={`w-full rounded-md border px-2.5 py-1.5 text-left text-xs hover:bg-white ${
                issue.severity === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"
              }`}
            >
              <span className="font-semibold">{issue.severity === "error" ? "Problem: " : "Suggestion: "}</span>
              {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
