"use client";

import { Badge } from "@/components/ui/badge";
import type { InboxItem } from "@/lib/analytics/inbox-types";
import { formatDuration } from "@/lib/analytics/format-duration";
import { escalationLabel } from "@/lib/analytics/escalation-labels";

export function InboxList({
  items,
  selectedId,
  onSelect,
  now,
}: {
  items: readonly InboxItem[];
  selectedId: string | null;
  onSelect: (handoffId: string) => void;
  now: number;
}) {
  return (
    <ul aria-label="Conversations" className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {items.map((item) => {
        const waited = ((item.resolvedAt ? Date.parse(item.resolvedAt) : now) - Date.parse(item.createdAt)) / 1000;
        const selected = item.handoffId === selectedId;
        // The open conversation is being read: its marker goes as soon as the page has recorded the read.
        const unread = item.isUnread && !selected;
        return (
          <li key={item.handoffId}>
            <button
              type="button"
              onClick={() => onSelect(item.handoffId)}
              aria-current={selected ? "true" : undefined}
              className={`flex w-full flex-col gap-1 px-4 py-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 ${
                selected ? "bg-brand-50" : ""
              }`}
            >
              <span className="flex items-center gap-2">
                {unread ? <span role="img" aria-label="New messages" title="New messages" className="size-2.5 shrink-0 rounded-full bg-brand-600" /> : null}
                <span className={`truncate text-slate-900 ${unread ? "font-bold" : "font-medium"}`}>{item.customerName ?? item.customerPhone ?? "Unknown customer"}</span>
                {item.isVip ? <Badge tone="amber">VIP</Badge> : null}
                {item.isSimulated ? <Badge tone="blue">Simulated</Badge> : null}
                {item.priority !== "normal" ? <Badge tone="red">{item.priority === "urgent" ? "Urgent" : "High"}</Badge> : null}
                <span className="ml-auto shrink-0 text-xs text-slate-500" title={item.resolvedAt ? "Time to resolve" : "Waiting"}>
                  {item.resolvedAt ? "took " : "waiting "}
                  {formatDuration(waited)}
                </span>
              </span>
              <span className={`truncate text-sm ${unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>{item.reason}</span>
              <span className="flex gap-2 text-xs text-slate-500">
                <span>{item.queue}</span>
                <span aria-hidden>·</span>
                <span>{item.escalationKind ? escalationLabel(item.escalationKind) : "Handed over"}</span>
                <span aria-hidden>·</span>
                <span>{item.status === "waiting" ? "Unassigned" : item.status === "assigned" ? `With ${item.assigneeName ?? "an agent"}` : "Resolved"}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
