"use client";

import { useDeferredValue, useMemo } from "react";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { validateFlow, type Issue, type ValidationReport } from "@/lib/flow/validate-flow";
import type { NodeIssueCounts } from "./canvas-node";

export type FlowIssues = { report: ValidationReport; byNode: NodeIssueCounts; errors: Issue[]; warnings: Issue[] };

export function countIssuesByNode(issues: readonly Issue[]): NodeIssueCounts {
  const byNode = new Map<string, { count: number; hasErrors: boolean }>();
  for (const issue of issues) {
    if (issue.nodeId === undefined) continue;
    const entry = byNode.get(issue.nodeId) ?? { count: 0, hasErrors: false };
    byNode.set(issue.nodeId, { count: entry.count + 1, hasErrors: entry.hasErrors || issue.severity === "error" });
  }
  return byNode;
}

/** Runs the publish validator over the draft; deferred, so typing stays responsive on big flows. */
export function useFlowIssues(document: FlowDocument): FlowIssues {
  const deferred = useDeferredValue(document);
  return useMemo(() => {
    const report = validateFlow(deferred);
    return {
      report,
      byNode: countIssuesByNode(report.issues),
      errors: report.issues.filter((issue) => issue.severity === "error"),
      warnings: report.issues.filter((issue) => issue.severity === "warning"),
    };
  }, [deferred]);
}
