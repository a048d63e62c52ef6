import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { flows, flowVersions } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { requireRole, type Actor } from "@/lib/auth/roles";
import { flowDocumentSchema, type FlowDocument } from "@/lib/flow/flow-document";
import type { AnalyticsFilter } from "@/lib/analytics/analytics-filter";
import type { CsatSummary, FlowSummary, StepFailures } from "@/lib/analytics/flow-metrics";
import type { NodeFunnel } from "@/lib/analytics/node-funnel";

/*
 * The dashboard's SQL. Each metric follows the reference definition in lib/analytics (flow-metrics.ts,
 * node-funnel.ts); analytics.db.test.ts runs both over the same data. The cohort is "conversations of the flow
 * (and version) that started in the range". Outcomes (who resolved, escalation kinds, clarified) are columns of the
 * conversation and the drop-off overlay reads one conversation_steps row per conversation and node: both are kept by
 * the analytics_events insert trigger (migration 0005), so no dashboard query groups the ~1M events of 100k
 * conversations. CSAT and validation failures read their (rare) event types through the covering indexes of 0004.
 */

export type AnalyticsFlowOption = {
  id: string;
  name: string;
  liveVersionId: string | null;
  versions: { id: string; number: number; createdAt: Date; isLive: boolean }[];
};

export async function listAnalyticsFlows(actor: Actor): Promise<AnalyticsFlowOption[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  const rows = await db
    .select({ id: flows.id, name: flows.name, liveVersionId: flows.liveVersionId })
    .from(flows)
    .where(isNull(flows.deletedAt))
    .orderBy(asc(flows.name));
  const versions = await db
    .select({ id: flowVersions.id, flowId: flowVersions.flowId, number: flowVersions.number, createdAt: flowVersions.createdAt })
    .from(flowVersions)
    .orderBy(desc(flowVersions.number));
  return rows.map((flow) => ({
    ...flow,
    versions: versions
      .filter((version) => version.flowId === flow.id)
      .map(({ flowId: _flowId, ...version }) => ({ ...version, isLive: version.id === flow.liveVersionId })),
  }));
}

/** A version's document for the drop-off overlay; null when it is not a version of that flow. */
export async function getAnalyticsVersionDocument(actor: Actor, flowId: string, versionId: string): Promise<FlowDocument | null> {
  requireRole(actor, "tester");
  const db = await getDb();
  const [row] = await db
    .select({ document: flowVersions.document })
    .from(flowVersions)
    .where(and(eq(flowVersions.id, versionId), eq(flowVersions.flowId, flowId)));
  const parsed = flowDocumentSchema.safeParse(row?.document);
  return parsed.success ? parsed.data : null;
}

function cohort(filter: AnalyticsFilter): SQL {
  // conversations.startedAt is stored in the created_at column (schema.ts reuses the createdAt helper). The outcome
  // columns (resolved_by, escalation_kinds, clarified) are kept by the analytics_events trigger (migration 0005).
  return sql`select id, created_at as started_at, ended_at, last_seq, resolved_by, escalation_kinds, clarified
    from conversations
    where flow_id = ${filter.flowId}
      and created_at >= ${filter.from.toISOString()}::timestamptz
      and created_at < ${filter.until.toISOString()}::timestamptz
      ${filter.versionId ? sql`and version_id = ${filter.versionId}` : sql``}
      ${filter.includeSimulated ? sql`` : sql`and is_simulated = false`}`;
}

/** Events of the cohort's flow (or version) of the given types, from the range start on. */
function eventsOf(filter: AnalyticsFilter, types: readonly string[]): SQL {
  const typeList = sql.join(
    types.map((type) => sql`${type}`),
    sql`, `,
  );
  const scope = filter.versionId ? sql`version_id = ${filter.versionId}` : sql`flow_id = ${filter.flowId}`;
  return sql`select conversation_id, node_id, type, data from analytics_events
    where ${scope} and type in (${typeList}) and occurred_at >= ${filter.from.toISOString()}::timestamptz`;
}

type Row = Record<string, unknown>;

async function rows(db: DbOrTx, query: SQL): Promise<Row[]> {
  // The default 4 MB work_mem sends the per-conversation grouping of 100,000 conversations to disk.
  const result: unknown = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return tx.execute(query);
  });
  if (Array.isArray(result)) return result as Row[];
  const list = (result as { rows?: unknown }).rows;
  return Array.isArray(list) ? (list as Row[]) : [];
}

const num = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === "number" ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};
const int = (value: unknown): number => num(value) ?? 0;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
/** percentile_cont(array[0.5, 0.9]) arrives as an array (postgres.js) or its text form (PGlite may give "{1,2}"). */
function spread(value: unknown): { p50: number | null; p90: number | null } {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.replace(/[{}]/g, "").split(",") : [];
  return { p50: num(list[0]), p90: num(list[1]) };
}

export async function getFlowSummary(actor: Actor, filter: AnalyticsFilter): Promise<FlowSummary> {
  requireRole(actor, "tester");
  const db = await getDb();
  // Three independent reads, run side by side on the pool.
  const [[summary = {}], reasons, [response = {}]] = await Promise.all([
    rows(
      db,
      sql`with c as (${cohort(filter)})
      select count(*)::int as started,
        count(*) filter (where resolved_by is not null)::int as resolved,
        count(*) filter (where resolved_by = 'bot' and cardinality(escalation_kinds) = 0)::int as contained,
        count(*) filter (where cardinality(escalation_kinds) > 0)::int as escalated,
        count(*) filter (where clarified)::int as clarified,
        (avg(last_seq) filter (where resolved_by is not null))::float8 as messages_average,
        percentile_cont(0.5) within group (order by last_seq) filter (where resolved_by is not null) as messages_p50,
        percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from ended_at - started_at))
          filter (where resolved_by is not null and ended_at is not null) as resolve_spread
      from c`,
    ),
    rows(
      db,
      sql`with c as (${cohort(filter)})
      select kind, count(*)::int as conversations
      from c cross join lateral unnest(c.escalation_kinds) as kind
      group by kind order by conversations desc, kind`,
    ),
    rows(
      db,
      sql`with c as (${cohort(filter)})
      select count(*)::int as handoffs, count(h.first_response_at)::int as answered,
        percentile_cont(0.5) within group (order by extract(epoch from h.first_response_at - h.created_at)) as p50,
        percentile_cont(0.9) within group (order by extract(epoch from h.first_response_at - h.created_at)) as p90
      from handoffs h join c on c.id = h.conversation_id
        -- Every handoff is opened with a conversation.escalated event in the same turn (engine handle-handoff and
        -- the flow-error fallback), so only escalated conversations can have one: a smaller hash to join.
        and cardinality(c.escalation_kinds) > 0`,
    ),
  ]);
  const started = int(summary.started);
  const contained = int(summary.contained);
  const escalated = int(summary.escalated);
  const clarified = int(summary.clarified);
  return {
    started,
    resolved: int(summary.resolved),
    contained,
    containmentRate: share(contained, started),
    escalated,
    escalationRate: share(escalated, started),
    escalationsByReason: reasons.map((row) => ({
      kind: String(row.kind),
      conversations: int(row.conversations),
      rate: share(int(row.conversations), started),
    })),
    messagesToResolve: { average: num(summary.messages_average), p50: num(summary.messages_p50) },
    timeToResolve: spread(summary.resolve_spread),
    firstResponse: { p50: num(response.p50), p90: num(response.p90), answered: int(response.answered), handoffs: int(response.handoffs) },
    clarified,
    clarificationRate: share(clarified, started),
  };
}

export async function getCsatSummary(actor: Actor, filter: AnalyticsFilter): Promise<CsatSummary> {
  requireRole(actor, "tester");
  const db = await getDb();
  const found = await rows(
    db,
    sql`with c as (${cohort(filter)})
      select (ev.data->>'score')::int as score, count(*)::int as count
      from (${eventsOf(filter, ["csat.recorded"])}) ev join c on c.id = ev.conversation_id
      where ev.data->>'score' in ('1', '2', '3', '4', '5')
      group by 1`,
  );
  const distribution = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: int(found.find((row) => int(row.score) === score)?.count),
  }));
  const responses = distribution.reduce((sum, entry) => sum + entry.count, 0);
  const total = distribution.reduce((sum, entry) => sum + entry.score * entry.count, 0);
  return { responses, average: responses === 0 ? null : total / responses, distribution };
}

export async function listValidationFailures(actor: Actor, filter: AnalyticsFilter): Promise<StepFailures[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  const found = await rows(
    db,
    sql`with c as (${cohort(filter)})
      select ev.node_id, count(*)::int as failures, count(distinct ev.conversation_id)::int as conversations
      from (${eventsOf(filter, ["validation.failed"])}) ev join c on c.id = ev.conversation_id
      where ev.node_id is not null
      group by ev.node_id order by failures desc, ev.node_id`,
  );
  return found.map((row) => ({ nodeId: String(row.node_id), failures: int(row.failures), conversations: int(row.conversations) }));
}

export type DailyVolume = { day: string; started: number; escalated: number; contained: number };

export async function listDailyVolume(actor: Actor, filter: AnalyticsFilter): Promise<DailyVolume[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  const found = await rows(
    db,
    // Grouped by the day as a timestamp (hashable, no text per row), formatted once per day afterwards.
    sql`with c as (${cohort(filter)}),
      d as (
        select date_trunc('day', started_at at time zone 'UTC') as day,
          count(*)::int as started,
          count(*) filter (where cardinality(escalation_kinds) > 0)::int as escalated,
          count(*) filter (where resolved_by = 'bot' and cardinality(escalation_kinds) = 0)::int as contained
        from c group by 1
      )
      select to_char(day, 'YYYY-MM-DD') as day, started, escalated, contained from d order by d.day`,
  );
  return found.map((row) => ({
    day: String(row.day),
    started: int(row.started),
    escalated: int(row.escalated),
    contained: int(row.contained),
  }));
}

/** The drop-off overlay of one version: distinct conversations that entered, moved on and dropped per node. */
export async function listNodeFunnels(actor: Actor, filter: AnalyticsFilter & { versionId: string }): Promise<NodeFunnel[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  const found = await rows(
    db,
    // One row per conversation and node (conversation_steps, kept by the analytics_events trigger): a conversation
    // counts at a node when it first reached the node within the range.
    sql`select node_id,
        count(*)::int as entered,
        count(*) filter (where moved_on)::int as moved_on,
        count(*) filter (where dropped)::int as dropped
      from conversation_steps
      where version_id = ${filter.versionId}
        and entered_at >= ${filter.from.toISOString()}::timestamptz
        and entered_at < ${filter.until.toISOString()}::timestamptz
        ${filter.includeSimulated ? sql`` : sql`and is_simulated = false`}
      group by node_id order by node_id`,
  );
  return found.map((row) => ({
    nodeId: String(row.node_id),
    entered: int(row.entered),
    movedOn: int(row.moved_on),
    dropped: int(row.dropped),
  }));
}
