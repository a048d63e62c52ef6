"use client";

import { Badge } from "@/components/ui/badge";
import type { SimulatorView } from "./simulator-view";
import { nodeName } from "./path-decorations";

/** What the conversation knows: fields, the checklist of the current intent, and every escalation trigger that fired. */
export function ContextPanel({ view }: { view: SimulatorView }) {
  const conversation = view.conversation;
  const fields = Object.entries(conversation?.fields ?? {});
  const fired = view.steps.flatMap((step) => step.triggers.map((trigger) => ({ ...trigger, step: step.index })));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="sim-fields" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="sim-fields" className="text-sm font-semibold text-slate-900">
          Collected fields
        </h2>
        {conversation ? (
          <p className="mt-1 text-xs text-slate-500">
            Now at <strong>{nodeName(view.flow.document, conversation.nodeId)}</strong> · {conversation.status}
            {conversation.intent ? ` · intent ${conversation.intent}` : ""}
            {conversation.confidence === null ? "" : ` (${Math.round(conversation.confidence * 100)}%)`}
            {conversation.verified ? " · verified" : ""}
          </p>
        ) : null}
        {fields.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">Nothing yet. Send a message to start.</p>
        ) : (
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="fields-list">
            {fields.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-xs leading-5 text-slate-500">{key}</dt>
                <dd className="min-w-0 break-all text-slate-900">{view.sensitiveFields.includes(key) ? "•••• (sensitive)" : value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="sim-checklist" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="sim-checklist" className="text-sm font-semibold text-slate-900">
          Checklist
        </h2>
        {!conversation || conversation.checklist.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No checklist applies yet: it appears once the customer&apos;s intent has one.</p>
        ) : (
          conversation.checklist.map((checklist) => (
            <div key={checklist.checklistId} className="mt-2" data-testid="checklist">
              <p className="flex items-center gap-2 text-sm font-medium text-slate-800">
                {checklist.label}
                <Badge tone={checklist.complete ? "green" : "amber"}>{checklist.complete ? "Complete" : "Incomplete"}</Badge>
              </p>
              <ul className="mt-1 space-y-0.5 text-sm">
                {checklist.collected.map((item) => (
                  <li key={`c-${item}`} className="text-brand-800">
                    ✓ {item} <span className="sr-only">collected</span>
                    <span aria-hidden className="text-xs text-slate-500"> — collected</span>
                  </li>
                ))}
                {checklist.missing.map((item) => (
                  <li key={`m-${item}`} className="text-amber-800">
                    ○ {item} <span className="text-xs text-slate-500">— missing</span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="sim-triggers" className="rounded-xl border border-slate-200 bg-white p-4 lg:col-span-2">
        <h2 id="sim-triggers" className="text-sm font-semibold text-slate-900">
          Triggers that fired
        </h2>
        {fired.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">None so far. Escalation rules are checked on every customer message.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="triggers-list">
            {fired.map((trigger, index) => (
              <li key={index} className="flex flex-wrap items-center gap-2">
                <Badge tone="red">{trigger.kind.replaceAll("_", " ")}</Badge>
                <span className="text-slate-900">{trigger.reason}</span>
                <span className="text-xs text-slate-500">
                  step {trigger.step}
                  {trigger.nodeId ? ` · at ${nodeName(view.flow.document, trigger.nodeId)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
