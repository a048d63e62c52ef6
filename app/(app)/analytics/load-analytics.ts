import "server-only";
import {
  getAnalyticsVersionDocument,
  getCsatSummary,
  getFlowSummary,
  listAnalyticsFlows,
  listDailyVolume,
  listNodeFunnels,
  listValidationFailures,
  type AnalyticsFlowOption,
} from "@/db/queries/analytics";
import type { Actor } from "@/lib/auth/roles";
import { analyticsQuerySchema, resolveAnalyticsFilter, type AnalyticsFilter } from "@/lib/analytics/analytics-filter";
import type { FlowDocument } from "@/lib/flow/flow-document";

export type LoadedAnalytics =
  | { kind: "no-flows" }
  | { kind: "invalid"; flows: AnalyticsFlowOption[]; flow: AnalyticsFlowOption; message: string; query: Record<string, string> }
  | {
      kind: "ready";
      flows: AnalyticsFlowOption[];
      flow: AnalyticsFlowOption;
      filter: AnalyticsFilter & { fromDay: string; toDay: string };
      overlayVersion: { id: string; number: number; document: FlowDocument } | null;
      summary: Awaited<ReturnType<typeof getFlowSummary>>;
      csat: Awaited<ReturnType<typeof getCsatSummary>>;
      failures: Awaited<ReturnType<typeof listValidationFailures>>;
      daily: Awaited<ReturnType<typeof listDailyVolume>>;
      funnels: Awaited<ReturnType<typeof listNodeFunnels>>;
    };

/** Everything the analytics page and its CSV export show, from the page's query string. */
export async function loadAnalytics(actor: Actor, raw: Record<string, string | string[] | undefined>, today: Date): Promise<LoadedAnalytics> {
  const flows = await listAnalyticsFlows(actor);
  const single = Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) => (typeof value === "string" && value !== "" ? [[key, value]] : [])),
  );
  const parsed = analyticsQuerySchema.safeParse(single);
  const query = parsed.success ? parsed.data : {};
  const flow =
    flows.find((candidate) => candidate.id === query.flow) ??
    flows.find((candidate) => candidate.liveVersionId !== null) ??
    flows[0];
  if (!flow) return { kind: "no-flows" };
  if (!parsed.success) return { kind: "invalid", flows, flow, message: "Some filters could not be read; check the dates.", query: single };
  const version = query.version && flow.versions.some((candidate) => candidate.id === query.version) ? query.version : "all";
  const resolved = resolveAnalyticsFilter({ ...query, version }, flow.id, today);
  if (!resolved.ok) return { kind: "invalid", flows, flow, message: resolved.error.message, query: single };
  const filter = resolved.value;

  const overlayId = filter.versionId ?? flow.liveVersionId ?? flow.versions[0]?.id ?? null;
  const overlayNumber = flow.versions.find((candidate) => candidate.id === overlayId)?.number ?? null;
  const [summary, csat, failures, daily, funnels, overlayDocument] = await Promise.all([
    getFlowSummary(actor, filter),
    getCsatSummary(actor, filter),
    listValidationFailures(actor, filter),
    listDailyVolume(actor, filter),
    overlayId ? listNodeFunnels(actor, { ...filter, versionId: overlayId }) : Promise.resolve([]),
    overlayId ? getAnalyticsVersionDocument(actor, flow.id, overlayId) : Promise.resolve(null),
  ]);
  return {
    kind: "ready",
    flows,
    flow,
    filter,
    overlayVersion: overlayId && overlayDocument && overlayNumber !== null ? { id: overlayId, number: overlayNumber, document: overlayDocument } : null,
    summary,
    csat,
    failures,
    daily,
    funnels,
  };
}
