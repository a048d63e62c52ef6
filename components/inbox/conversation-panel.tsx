"use client";

import { useId, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { InboxConversation } from "@/lib/analytics/inbox-types";
import { escalationLabel } from "@/lib/analytics/escalation-labels";
import { formatDuration } from "@/lib/analytics/format-duration";
import { actionMessage, type ActionResult, type InboxActions } from "./action-result";
import { ReplyComposer } from "./reply-composer";
import { SelectAndAct } from "./select-and-act";
import { FormMessage, type FormOutcome } from "@/components/ui/form-message";

const AUTHOR_LABELS = { customer: "Customer", bot: "Bot", agent: "Agent" } as const;
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" });

/** Everything the bot collected, the transcript and the agent's controls for one handed-off conversation. */
export function ConversationPanel({
  conversation,
  actions,
  actorId,
  now,
  onChanged,
}: {
  conversation: InboxConversation;
  actions: InboxActions;
  actorId: string;
  now: number;
  onChanged: () => void;
}) {
  const { item } = conversation;
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<FormOutcome | null>(null);
  const ids = useId();
  const held = item.status !== "resolved" && conversation.conversationStatus === "handoff";

  function run(action: () => Promise<ActionResult>, success: string) {
    startTransition(async () => {
      const result = await action();
      setNotice(result.ok ? { tone: "success", text: success } : { tone: "error", text: actionMessage(result) });
      onChanged();
    });
  }
  const showError = (text: string) => setNotice({ tone: "error", text });

  const waited = ((item.resolvedAt ? Date.parse(item.resolvedAt) : now) - Date.parse(item.createdAt)) / 1000;

  return (
    <article aria-label={`Conversation with ${item.customerName ?? item.customerPhone ?? "the customer"}`} className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <div>
          <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            {item.customerName ?? item.customerPhone ?? "Unknown customer"}
            {item.isVip ? <Badge tone="amber">VIP</Badge> : null}
            {item.isSimulated ? <Badge tone="blue">Simulated</Badge> : null}
            {item.status === "resolved" ? <Badge tone="green">Resolved</Badge> : null}
          </h2>
          <p className="text-sm text-slate-600">
            {item.customerPhone ? `+${item.customerPhone} · ` : ""}
            {item.queue} queue · {item.priority} priority · {item.resolvedAt ? "resolved after" : "waiting"} {formatDuration(waited)}
          </p>
          <p className="mt-1 text-sm text-slate-700" data-testid="assignment">
            {item.status === "waiting"
              ? "Nobody has taken this conversation yet."
              : item.assigneeId === actorId
                ? "You have this conversation."
                : `${item.assigneeName ?? "Someone"} has this conversation.`}
          </p>
        </div>
        {held ? (
          <div className="flex flex-wrap items-end gap-2">
            {item.assigneeId !== actorId ? (
              <Button variant="secondary" disabled={pending} onClick={() => run(() => actions.claim({ handoffId: item.handoffId }), "You have this conversation now.")}>
                Take it
              </Button>
            ) : null}
            <SelectAndAct
              label="Assign to"
              placeholder="Choose a person…"
              options={conversation.assignees.map((person) => ({ value: person.id, label: person.name }))}
              actionLabel="Assign"
              missingChoice="Pick a person to assign it to."
              disabled={pending}
              onAct={(assigneeId) => run(() => actions.assign({ handoffId: item.handoffId, assigneeId }), "Assigned.")}
              onMissingChoice={showError}
            />
          </div>
        ) : null}
      </header>

      <FormMessage message={notice} />

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby={`${ids}-why`} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 id={`${ids}-why`} className="text-sm font-semibold text-slate-900">
            Why it was handed over
          </h3>
          <p className="mt-1 text-sm text-slate-800" data-testid="escalation-reason">
            {conversation.reason}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {conversation.escalationKind ? escalationLabel(conversation.escalationKind) : "Handed over"}
            {conversation.intent ? ` · topic: ${conversation.intent}` : ""}
            {conversation.verified === true ? " · identity verified" : conversation.verified === false ? " · not verified" : ""}
            {conversation.outsideHours ? " · arrived outside business hours" : ""}
          </p>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Summary</h3>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-800" data-testid="summary">
            {conversation.summary || "No summary: the customer said little before the handover."}
          </p>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Steps already tried</h3>
          {conversation.stepsTried.length ? (
            <ol className="mt-1 list-decimal pl-5 text-sm text-slate-800">
              {conversation.stepsTried.map((stepTried, index) => (
                <li key={index}>{stepTried}</li>
              ))}
            </ol>
          ) : (
            <p className="mt-1 text-sm text-slate-500">None.</p>
          )}
        </section>

        <section aria-labelledby={`${ids}-known`} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 id={`${ids}-known`} className="text-sm font-semibold text-slate-900">
            Checklist
          </h3>
          {conversation.checklist.length ? (
            <ul className="mt-1 flex flex-col gap-2 text-sm">
              {conversation.checklist.map((checklist) => (
                <li key={checklist.label}>
                  <span className="font-medium">{checklist.label}</span>{" "}
                  <Badge tone={checklist.complete ? "green" : "amber"}>{checklist.complete ? "complete" : "incomplete"}</Badge>
                  <ul className="mt-1 pl-1">
                    {checklist.collected.map((entry) => (
                      <li key={`c-${entry}`} className="text-slate-700">
                        <span aria-hidden>✓ </span>
                        <span className="sr-only">Collected: </span>
                        {entry}
                      </li>
                    ))}
                    {checklist.missing.map((entry) => (
                      <li key={`m-${entry}`} className="text-amber-800">
                        <span aria-hidden>✗ </span>
                        <span className="sr-only">Missing: </span>
                        {entry}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-500">This flow has no checklist for the customer&apos;s topic.</p>
          )}
          <h3 className="mt-4 text-sm font-semibold text-slate-900">What the bot collected</h3>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Collected fields">
            {conversation.fields.map((field) => (
              <div key={field.key} className="contents">
                <dt className="text-slate-500">{field.label}</dt>
                <dd className={field.masked ? "text-slate-400" : "break-words text-slate-900"}>{field.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section aria-labelledby={`${ids}-transcript`} className="rounded-xl border border-slate-200 bg-white p-4">
        <h3 id={`${ids}-transcript`} className="text-sm font-semibold text-slate-900">
          Transcript
        </h3>
        <ol className="mt-2 flex max-h-[28rem] flex-col gap-2 overflow-y-auto" aria-label="Transcript">
          {conversation.transcript.map((line) => (
            <li
              key={line.seq}
              className={`max-w-[85%] rounded-lg px-3 py-2 text-sm ${
                line.author === "customer" ? "self-start bg-slate-100" : line.author === "agent" ? "self-end bg-brand-600 text-white" : "self-end bg-brand-50"
              }`}
            >
              <span className={`block text-[11px] ${line.author === "agent" ? "text-brand-50" : "text-slate-500"}`}>
                {AUTHOR_LABELS[line.author]} · {timeFormat.format(new Date(line.at))}
                {line.deliveryStatus ? ` · ${line.deliveryStatus}` : ""}
              </span>
              <span className="whitespace-pre-line">{line.text}</span>
            </li>
          ))}
        </ol>
      </section>

      {held ? (
        <>
          <ReplyComposer conversation={conversation} reply={actions.reply} onSent={onChanged} />
          <section aria-labelledby={`${ids}-resolve`} className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4">
            <h3 id={`${ids}-resolve`} className="w-full text-sm font-semibold text-slate-900">
              Finish
            </h3>
            <Button disabled={pending} onClick={() => run(() => actions.resolve({ handoffId: item.handoffId, outcome: { kind: "close" } }), "Resolved and closed.")}>
              Resolve and close
            </Button>
            <SelectAndAct
              label="Or hand back to the bot at"
              placeholder="Choose a step…"
              options={conversation.resumeTargets.map((target) => ({ value: target.nodeId, label: target.label }))}
              actionLabel="Hand back"
              missingChoice="Pick the step the bot should continue from."
              disabled={pending}
              onAct={(nodeId) => run(() => actions.resolve({ handoffId: item.handoffId, outcome: { kind: "bot", nodeId } }), "The bot has the conversation again.")}
              onMissingChoice={showError}
            />
          </section>
        </>
      ) : (
        <p className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-600">
          {item.status === "resolved" ? "This conversation is resolved. Replies are closed." : "The bot has this conversation again."}
        </p>
      )}
    </article>
  );
}
