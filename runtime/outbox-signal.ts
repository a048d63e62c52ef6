/** Wakes this process's outbox sender right after a commit, instead of waiting for its next poll. */
const listeners = new Set<() => void>();

export function notifyOutbox(): void {
  for (const listener of listeners) listener();
}

export function onOutboxNotified(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
