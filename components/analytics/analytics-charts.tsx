"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReactNode } from "react";

export type ChartData = {
  /** Contained + escalated + other = started. */
  daily: { day: string; started: number; escalated: number; contained: number; other: number }[];
  reasons: { label: string; conversations: number }[];
  csat: { score: string; count: number }[];
  failures: { step: string; failures: number }[];
};

function ChartCard({ title, description, children, empty }: { title: string; description: string; children: ReactNode; empty: boolean }) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        <p className="text-xs text-slate-500">{description}</p>
      </figcaption>
      <div className="mt-3 h-56">
        {empty ? <p className="flex h-full items-center justify-center text-sm text-slate-500">No data in this range.</p> : children}
      </div>
    </figure>
  );
}

const axis = { fontSize: 11, fill: "#64748b" };

/** The dashboard charts (recharts); each also has a table or list elsewhere on the page for screen readers. */
export function AnalyticsCharts({ data }: { data: ChartData }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard title="Conversations per day" description="Each bar is the conversations started that day: contained by the bot, escalated to agents, or neither (yet)" empty={data.daily.length === 0}>
        <ResponsiveContainer width="100%" height="100%">
          {/* A single day would be an invisible area: bars read at any length of range. */}
          <BarChart data={data.daily} margin={{ left: -20, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={axis} minTickGap={24} />
            <YAxis tick={axis} allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="contained" name="Contained" stackId="day" fill="#16a34a" maxBarSize={28} />
            <Bar dataKey="escalated" name="Escalated" stackId="day" fill="#d97706" maxBarSize={28} />
            <Bar dataKey="other" name="Other" stackId="day" fill="#94a3b8" maxBarSize={28} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Escalations by reason" description="Conversations handed to an agent, by why" empty={data.reasons.length === 0}>
        <HorizontalBars data={data.reasons} labelKey="label" valueKey="conversations" name="Conversations" fill="#d97706" />
      </ChartCard>
      <ChartCard title="Customer satisfaction" description="Ratings from 1 (poor) to 5 (great)" empty={data.csat.every((entry) => entry.count === 0)}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.csat} margin={{ left: -20, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="score" tick={axis} />
            <YAxis tick={axis} allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name="Ratings" fill="#0f766e" />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Validation failures per step" description="Answers the bot could not accept, by question" empty={data.failures.length === 0}>
        <HorizontalBars data={data.failures} labelKey="step" valueKey="failures" name="Failures" fill="#dc2626" />
      </ChartCard>
    </div>
  );
}

/** One bar per labelled row, labels on the left: escalation reasons and validation failures per step. */
function HorizontalBars(props: { data: object[]; labelKey: string; valueKey: string; name: string; fill: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={props.data} layout="vertical" margin={{ left: 40, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis type="number" tick={axis} allowDecimals={false} />
        <YAxis type="category" dataKey={props.labelKey} tick={axis} width={150} />
        <Tooltip />
        <Bar dataKey={props.valueKey} name={props.name} fill={props.fill} />
      </BarChart>
    </ResponsiveContainer>
  );
}
