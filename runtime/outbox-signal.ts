/**
 * Wakes this process's outbox sender right after a commit, instead of waiting for its next poll. The listeners live
 * on globalThis: Next bundles instrumentation (which starts the sender) and route handlers (which commit replies)
 * separately, so a module-level set would give each bundle its own, and the wake-up would never arrive.
 */
const holder = globalThis as { __threadlineOutboxListeners?: Set<() => void> };
const listeners: Set<() => void> = (holder.__threadlineOutboxListeners ??= new Set());

export function notifyOutbox(): void {
  for (const listener of listeners) listener();
}

export function onOutboxNotified(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
