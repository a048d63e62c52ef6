import type { CsatSummary, FlowSummary } from "@/lib/analytics/flow-metrics";
import { formatDuration, formatPercent } from "@/lib/analytics/format-duration";

const count = new Intl.NumberFormat("en-GB");

function Card({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {detail ? <dd className="mt-0.5 text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

/** The headline numbers of the source guide: volume, containment, escalation, speed, clarity, satisfaction. */
export function MetricCards({ summary, csat }: { summary: FlowSummary; csat: CsatSummary }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Card testId="metric-started" label="Conversations started" value={count.format(summary.started)} detail={`${count.format(summary.resolved)} resolved`} />
      <Card
        testId="metric-containment"
        label="Containment"
        value={formatPercent(summary.containmentRate)}
        detail={`${count.format(summary.contained)} resolved without an agent`}
      />
      <Card
        testId="metric-escalation"
        label="Escalation rate"
        value={formatPercent(summary.escalationRate)}
        detail={`${count.format(summary.escalated)} handed to an agent`}
      />
      <Card
        testId="metric-messages"
        label="Messages to resolve"
        value={summary.messagesToResolve.average === null ? "—" : summary.messagesToResolve.average.toFixed(1)}
        detail={summary.messagesToResolve.p50 === null ? undefined : `median ${summary.messagesToResolve.p50}`}
      />
      <Card
        testId="metric-time-to-resolve"
        label="Time to resolve"
        value={formatDuration(summary.timeToResolve.p50)}
        detail={`median · p90 ${formatDuration(summary.timeToResolve.p90)}`}
      />
      <Card
        testId="metric-first-response"
        label="First agent response"
        value={formatDuration(summary.firstResponse.p50)}
        detail={`median · p90 ${formatDuration(summary.firstResponse.p90)} · ${summary.firstResponse.answered} of ${summary.firstResponse.handoffs} answered`}
      />
      <Card
        testId="metric-clarification"
        label="Clarification rate"
        value={formatPercent(summary.clarificationRate)}
        detail="asked a clarifying question"
      />
      <Card
        testId="metric-csat"
        label="CSAT"
        value={csat.average === null ? "—" : `${csat.average.toFixed(2)} / 5`}
        detail={`${count.format(csat.responses)} ratings`}
      />
    </dl>
  );
}
