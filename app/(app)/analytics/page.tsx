import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { AnalyticsFilters } from "@/components/analytics/analytics-filters";
import { MetricCards } from "@/components/analytics/metric-cards";
import { AnalyticsCharts } from "@/components/analytics/analytics-charts";
import { DropOffOverlay } from "@/components/analytics/drop-off-overlay";
import { escalationLabel } from "@/lib/analytics/escalation-labels";
import { formatPercent } from "@/lib/analytics/format-duration";
import { toIsoDay } from "@/lib/analytics/analytics-filter";
import { loadAnalytics } from "./load-analytics";

export const metadata: Metadata = { title: "Analytics" };
export const dynamic = "force-dynamic";

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("tester");
  const today = new Date();
  const loaded = await loadAnalytics(actor, await searchParams, today);
  const header = <PageHeader title="Analytics" description="How each flow performs: containment, escalations, drop-off and satisfaction." />;

  if (loaded.kind === "no-flows") {
    return (
      <>
        {header}
        <EmptyState icon="📊" title="No flows yet">
          Create and publish a flow; its numbers appear here once customers talk to it.
        </EmptyState>
      </>
    );
  }
  const { flows, flow } = loaded;
  const flowOptions = flows.map(({ id, name }) => ({ id, name }));

  if (loaded.kind === "invalid") {
    return (
      <>
        {header}
        <AnalyticsFilters
          options={{ flows: flowOptions, versions: flow.versions, flowId: flow.id, versionId: null, fromDay: loaded.query.from ?? toIsoDay(today), toDay: loaded.query.to ?? toIsoDay(today), includeSimulated: loaded.query.simulated === "include", exportHref: null }}
        />
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {loaded.message}
        </p>
      </>
    );
  }

  const { filter, summary, csat, failures, daily, funnels, overlayVersion } = loaded;
  const query = new URLSearchParams({ flow: flow.id, version: filter.versionId ?? "all", from: filter.fromDay, to: filter.toDay });
  if (filter.includeSimulated) query.set("simulated", "include");
  const nodeTitle = (nodeId: string) => {
    const node = overlayVersion?.document.nodes.find((candidate) => candidate.id === nodeId);
    return node?.title ?? nodeId;
  };

  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <AnalyticsFilters
          options={{
            flows: flowOptions,
            versions: flow.versions,
            flowId: flow.id,
            versionId: filter.versionId,
            fromDay: filter.fromDay,
            toDay: filter.toDay,
            includeSimulated: filter.includeSimulated,
            exportHref: `/api/analytics/export?${query.toString()}`,
          }}
        />
        {summary.started === 0 ? (
          <EmptyState icon="📊" title="No conversations in this range">
            Nobody talked to {flow.name} between {filter.fromDay} and {filter.toDay}
            {filter.includeSimulated ? "" : " (simulator traffic is excluded; tick the box to include it)"}.
          </EmptyState>
        ) : null}
        <MetricCards summary={summary} csat={csat} />
        <AnalyticsCharts
          data={{
            daily: daily.map((day) => ({ ...day, other: Math.max(0, day.started - day.escalated - day.contained) })),
            reasons: summary.escalationsByReason.map((reason) => ({ label: escalationLabel(reason.kind), conversations: reason.conversations })),
            csat: csat.distribution.map((entry) => ({ score: `${entry.score} ★`, count: entry.count })),
            failures: failures.slice(0, 10).map((step) => ({ step: nodeTitle(step.nodeId), failures: step.failures })),
          }}
        />
        <div className="grid gap-4 lg:grid-cols-2">
          <section aria-labelledby="reasons-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="reasons-heading" className="text-sm font-semibold text-slate-900">
              Escalation reasons
            </h2>
            {summary.escalationsByReason.length ? (
              <table className="mt-2 w-full text-sm">
                <tbody>
                  {summary.escalationsByReason.map((reason) => (
                    <tr key={reason.kind} className="border-t border-slate-100">
                      <th scope="row" className="py-1 text-left font-normal">{escalationLabel(reason.kind)}</th>
                      <td className="py-1 text-right tabular-nums">{reason.conversations}</td>
                      <td className="py-1 text-right tabular-nums text-slate-500">{formatPercent(reason.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="mt-2 text-sm text-slate-500">No escalations in this range.</p>
            )}
          </section>
          <section aria-labelledby="failures-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="failures-heading" className="text-sm font-semibold text-slate-900">
              Validation failures per step
            </h2>
            {failures.length ? (
              <table className="mt-2 w-full text-sm">
                <tbody>
                  {failures.map((step) => (
                    <tr key={step.nodeId} className="border-t border-slate-100">
                      <th scope="row" className="py-1 text-left font-normal">{nodeTitle(step.nodeId)}</th>
                      <td className="py-1 text-right tabular-nums">{step.failures} failures</td>
                      <td className="py-1 text-right tabular-nums text-slate-500">{step.conversations} conversations</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="mt-2 text-sm text-slate-500">No answer was refused in this range.</p>
            )}
          </section>
        </div>
        <section aria-labelledby="dropoff-heading" className="flex flex-col gap-2">
          <h2 id="dropoff-heading" className="text-lg font-semibold text-slate-900">
            Drop-off per step{overlayVersion ? ` · version ${overlayVersion.number}` : ""}
          </h2>
          <p className="text-sm text-slate-600">
            Each step shows how many conversations reached it in these dates, and how many of those moved on or went quiet there. Green: under 10 % drop-off; amber: under 25 %; red: 25 % or more.
            {filter.versionId ? "" : " Pick a version above to see another one; this is the live version."}
          </p>
          {overlayVersion ? (
            <DropOffOverlay document={overlayVersion.document} versionNumber={overlayVersion.number} funnels={funnels} />
          ) : (
            <EmptyState icon="🧭" title="Nothing published yet">
              Publish a version of {flow.name} to see where customers drop off.
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}
