import { withRouteRole } from "@/lib/auth/with-role";
import { toCsv } from "@/lib/analytics/metrics-csv";
import { escalationLabel } from "@/lib/analytics/escalation-labels";
import { loadAnalytics } from "@/app/(app)/analytics/load-analytics";

export const dynamic = "force-dynamic";

/** The dashboard's numbers as CSV, for the same filters as the page (flow, version, dates, simulator toggle). */
export const GET = withRouteRole("tester", async (request, actor) => {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const loaded = await loadAnalytics(actor, params, new Date());
  if (loaded.kind === "no-flows") return Response.json({ error: "not-found", message: "There is no flow to export." }, { status: 404 });
  if (loaded.kind === "invalid") return Response.json({ error: "invalid", message: loaded.message }, { status: 400 });
  const { flow, filter, summary, csat, failures, daily, funnels, overlayVersion } = loaded;
  const version = filter.versionId ? `v${flow.versions.find((candidate) => candidate.id === filter.versionId)?.number ?? "?"}` : "all versions";
  const nodeTitle = (nodeId: string) => overlayVersion?.document.nodes.find((node) => node.id === nodeId)?.title ?? nodeId;
  const rows: (string | number | null)[][] = [
    ["section", "metric", "value", "detail"],
    ["filter", "flow", flow.name, flow.id],
    ["filter", "version", version, filter.versionId],
    ["filter", "from", filter.fromDay, null],
    ["filter", "to", filter.toDay, null],
    ["filter", "simulator traffic", filter.includeSimulated ? "included" : "excluded", null],
    ["summary", "conversations started", summary.started, null],
    ["summary", "resolved", summary.resolved, null],
    ["summary", "contained (resolved without an agent)", summary.contained, summary.containmentRate],
    ["summary", "escalated", summary.escalated, summary.escalationRate],
    ["summary", "messages to resolve (average)", summary.messagesToResolve.average, null],
    ["summary", "time to resolve p50 (s)", summary.timeToResolve.p50, null],
    ["summary", "time to resolve p90 (s)", summary.timeToResolve.p90, null],
    ["summary", "first response p50 (s)", summary.firstResponse.p50, null],
    ["summary", "first response p90 (s)", summary.firstResponse.p90, null],
    ["summary", "clarification rate", summary.clarificationRate, summary.clarified],
    ["summary", "CSAT average", csat.average, csat.responses],
    ...summary.escalationsByReason.map((reason) => ["escalation reason", escalationLabel(reason.kind), reason.conversations, reason.rate]),
    ...csat.distribution.map((entry) => ["CSAT score", String(entry.score), entry.count, null]),
    ...failures.map((step) => ["validation failures", nodeTitle(step.nodeId), step.failures, step.conversations]),
    ...daily.map((day) => ["daily", day.day, day.started, `${day.escalated} escalated, ${day.contained} contained`]),
    ...funnels.map((funnel) => [`drop-off v${overlayVersion?.number ?? "?"}`, nodeTitle(funnel.nodeId), funnel.entered, `${funnel.movedOn} moved on, ${funnel.dropped} dropped`]),
  ];
  const name = `threadline-analytics-${flow.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${filter.fromDay}-${filter.toDay}.csv`;
  return new Response(toCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
