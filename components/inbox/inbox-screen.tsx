"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { InboxConversation, InboxItem, InboxQueue } from "@/lib/analytics/inbox-types";
import type { InboxView } from "@/lib/analytics/inbox-input";
import { refreshesFor } from "@/lib/analytics/inbox-change";
import type { InboxActions } from "./action-result";
import { ConversationPanel } from "./conversation-panel";
import { InboxList } from "./inbox-list";
import { LiveIndicator } from "./live-indicator";
import { useInboxEvents } from "./use-inbox-events";
import { usePolling } from "./use-polling";

/** Changes arrive over /api/inbox/events; the poll only covers a stream that is down or a change made elsewhere. */
const FALLBACK_POLL_MS = 30_000;
const VIEWS: { view: InboxView; label: string }[] = [
  { view: "open", label: "Open" },
  { view: "mine", label: "Mine" },
  { view: "resolved", label: "Resolved" },
];

type ListData = { items: InboxItem[]; queues: InboxQueue[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

// Our own route handlers answer these shapes; the check only guards against an HTML error page.
function parseList(body: unknown): ListData | null {
  if (!isObject(body) || !Array.isArray(body.items) || !Array.isArray(body.queues)) return null;
  return { items: body.items as InboxItem[], queues: body.queues as InboxQueue[] };
}

function parseConversation(body: unknown): InboxConversation | null {
  if (!isObject(body) || !isObject(body.conversation)) return null;
  return body.conversation as InboxConversation;
}

function subscribeToVisibility(onChange: () => void): () => void {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}
const isPageVisible = () => document.visibilityState === "visible";

export function InboxScreen({
  initialView,
  initialQueue,
  initialSelectedId,
  initialList,
  initialConversation,
  actions,
  actorId,
  renderedAt,
}: {
  initialView: InboxView;
  initialQueue: string | null;
  initialSelectedId: string | null;
  initialList: ListData;
  initialConversation: InboxConversation | null;
  actions: InboxActions;
  actorId: string;
  renderedAt: number;
}) {
  const [view, setView] = useState(initialView);
  const [queue, setQueue] = useState(initialQueue);
  const [selectedId, setSelectedId] = useState(initialSelectedId);
  const [now, setNow] = useState(renderedAt);
  const listUrl = `/api/inbox?view=${view}${queue ? `&queue=${encodeURIComponent(queue)}` : ""}`;
  const list = usePolling(listUrl, FALLBACK_POLL_MS, parseList, initialList);
  const detail = usePolling(selectedId ? `/api/inbox/${selectedId}` : null, FALLBACK_POLL_MS, parseConversation, initialConversation);
  const conversation = detail.data && detail.data.item.handoffId === selectedId ? detail.data : null;
  const { refresh: refreshList } = list;
  const { refresh: refreshConversation } = detail;

  const live = useInboxEvents((change) => {
    const refresh = refreshesFor(change, conversation?.item.conversationId ?? null);
    if (refresh.list) void refreshList();
    if (refresh.conversation) void refreshConversation();
  });

  // Showing a conversation on a visible page reads it, up to the last message shown; the list then drops its marker.
  const isVisible = useSyncExternalStore(subscribeToVisibility, isPageVisible, () => true);
  const shownHandoffId = conversation?.item.handoffId ?? null;
  const shownSeq = conversation?.transcript.at(-1)?.seq ?? null;
  const { markRead } = actions;
  const readUpTo = useRef("");
  useEffect(() => {
    if (!isVisible || shownHandoffId === null || shownSeq === null) return;
    const read = `${shownHandoffId}:${shownSeq}`;
    if (readUpTo.current === read) return;
    readUpTo.current = read;
    void markRead({ handoffId: shownHandoffId, seq: shownSeq }).then((result) => {
      if (result.ok) void refreshList();
    });
  }, [isVisible, shownHandoffId, shownSeq, markRead, refreshList]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000 * 15);
    return () => clearInterval(timer);
  }, []);

  // The address keeps the view, queue and conversation, so a link or a reload opens the same place.
  useEffect(() => {
    const params = new URLSearchParams();
    if (view !== "open") params.set("view", view);
    if (queue) params.set("queue", queue);
    if (selectedId) params.set("id", selectedId);
    const search = params.toString();
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  }, [view, queue, selectedId]);

  const refreshAll = useCallback(() => {
    setNow(Date.now());
    void refreshList();
    void refreshConversation();
  }, [refreshList, refreshConversation]);

  const items = list.data?.items ?? [];
  const queues = list.data?.queues ?? [];
  const unread = items.filter((item) => item.isUnread && item.handoffId !== selectedId).length;

  return (
    <div className="grid gap-6 lg:grid-cols-[24rem_1fr]">
      <div className="flex flex-col gap-3">
        <div className="flex justify-end">
          <LiveIndicator state={live} fallbackSeconds={FALLBACK_POLL_MS / 1000} />
        </div>
        <div role="group" aria-label="Show" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
          {VIEWS.map((option) => (
            <button
              key={option.view}
              type="button"
              aria-pressed={view === option.view}
              onClick={() => setView(option.view)}
              className={`flex-1 rounded-md px-3 py-1.5 ${view === option.view ? "bg-white font-medium text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900"}`}
            >
              {option.label}
            </button>
          ))}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="inbox-queue" className="text-xs font-medium text-slate-600">
            Queue
          </label>
          <select
            id="inbox-queue"
            value={queue ?? ""}
            onChange={(event) => setQueue(event.target.value || null)}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">All queues</option>
            {queues.map((entry) => (
              <option key={entry.queue} value={entry.queue}>
                {entry.queue} ({entry.open} open)
              </option>
            ))}
            {queue && !queues.some((entry) => entry.queue === queue) ? <option value={queue}>{queue} (0 open)</option> : null}
          </select>
        </div>
        {list.error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {list.error}
          </p>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {items.length} conversations{unread ? `, ${unread} with new messages` : ""}
        </p>
        {items.length ? (
          <InboxList items={items} selectedId={selectedId} onSelect={setSelectedId} now={now} />
        ) : (
          <EmptyState icon="📥" title={view === "resolved" ? "Nothing resolved yet" : "No one is waiting"}>
            {view === "resolved"
              ? "Conversations you resolve show up here."
              : "When the bot hands a customer over, they appear here straight away."}
          </EmptyState>
        )}
      </div>
      <div>
        {conversation ? (
          <ConversationPanel key={conversation.item.handoffId} conversation={conversation} actions={actions} actorId={actorId} now={now} onChanged={refreshAll} />
        ) : selectedId && detail.error ? (
          <EmptyState icon="🔒" title="Not available">
            {detail.error}
          </EmptyState>
        ) : (
          <EmptyState icon="💬" title={selectedId ? "Loading…" : "Pick a conversation"}>
            {selectedId ? "" : "Choose someone from the list to see what the bot collected and reply."}
          </EmptyState>
        )}
      </div>
    </div>
  );
}
