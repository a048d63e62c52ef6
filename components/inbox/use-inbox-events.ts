"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { inboxChangeSchema, type InboxChange } from "@/lib/analytics/inbox-change";

export type LiveState = "connecting" | "live" | "reconnecting";

/** The browser retries a dropped stream itself, but gives up on a refused one (401, a proxy's error page). */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;
/** Whatever changed while the stream was closed was never sent, so an (re)opened stream counts as "all changed". */
const EVERYTHING: InboxChange = { list: true, conversationIds: [] };

function parseChange(data: unknown): InboxChange | null {
  if (typeof data !== "string") return null;
  try {
    const parsed = inboxChangeSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: nothing we know how to act on
  }
}

/** Subscribes to /api/inbox/events and calls `onChange` for every change the server reports. */
export function useInboxEvents(onChange: (change: InboxChange) => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const changed = useEffectEvent(onChange);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = RETRY_FIRST_MS;

    const connect = () => {
      const current = new EventSource("/api/inbox/events");
      source = current;
      current.onopen = () => {
        delay = RETRY_FIRST_MS;
        setState("live");
        changed(EVERYTHING);
      };
      current.addEventListener("changed", (event) => {
        const change = parseChange(event.data);
        if (change) changed(change);
      });
      current.onerror = () => {
        setState("reconnecting");
        if (current.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      };
    };
    connect();
    return () => {
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, []);

  return state;
}
