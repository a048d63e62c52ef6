import type { LiveState } from "./use-inbox-events";

const LABELS: Record<LiveState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/** Whether the inbox updates as things happen, or only at its fallback poll until the live connection is back. */
export function LiveIndicator({ state, fallbackSeconds }: { state: LiveState; fallbackSeconds: number }) {
  return (
    <p
      role="status"
      title={state === "live" ? "New conversations and messages appear as they arrive." : `Checking every ${fallbackSeconds} seconds until the live connection is back.`}
      className="flex items-center gap-1.5 text-xs font-medium text-slate-600"
    >
      <span aria-hidden className={`size-2 rounded-full ${state === "live" ? "bg-brand-500" : "animate-pulse bg-amber-500"}`} />
      {LABELS[state]}
    </p>
  );
}
