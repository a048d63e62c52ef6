import type { InboxChange } from "@/lib/analytics/inbox-change";

/**
 * Tells this process's open inbox pages (app/api/inbox/events) that something they show changed, right after the
 * commit. The listeners live on globalThis for the reason runtime/outbox-signal.ts gives: Next bundles
 * instrumentation (the outbox sender, the inactivity sweeper) and the route handlers separately.
 *
 * In-process only. On PostgreSQL with `npm run worker` processes, what a worker commits (delivery statuses of the
 * rows it sends, handoffs from its inactivity sweep) reaches open pages through their fallback poll, not this
 * signal. LISTEN/NOTIFY would carry it across processes, at the price of a dedicated connection per app process and
 * a second code path that PGlite, single-process by design, never needs.
 */
type Listener = (change: InboxChange) => void;

const holder = globalThis as { __threadlineInboxListeners?: Set<Listener> };
const listeners: Set<Listener> = (holder.__threadlineInboxListeners ??= new Set());

export function notifyInbox(change: InboxChange): void {
  for (const listener of listeners) {
    // Callers have already committed: one broken stream must not turn their success into an error.
    try {
      listener(change);
    } catch (error) {
      console.error(`inbox listener failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function onInboxChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many open streams are listening, for tests and diagnostics. */
export function countInboxListeners(): number {
  return listeners.size;
}
