"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Fetches `url` now, on `refresh()` and every `intervalMs` while the tab is visible, keeping the last good answer.
 * `parse` must keep its identity (declare it at module scope). The inbox calls `refresh()` when its event stream
 * reports a change; the interval is the fallback for when the stream is down.
 */
export function usePolling<T>(url: string | null, intervalMs: number, parse: (body: unknown) => T | null, initial: T | null) {
  const [data, setData] = useState<T | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    if (url === null) return;
    const mine = ++generation.current;
    try {
      const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
      if (mine !== generation.current) return;
      if (response.status === 401) {
        setError("Your session has ended. Sign in again.");
        return;
      }
      const body: unknown = await response.json().catch(() => null);
      const parsed = response.ok ? parse(body) : null;
      if (response.status === 404 || parsed === null) {
        setData(null);
        setError(response.status === 404 ? "This conversation is not in your inbox any more." : "Could not read the inbox.");
        return;
      }
      setData(parsed);
      setError(null);
    } catch {
      if (mine === generation.current) setError("Cannot reach Threadline. Retrying…");
    }
  }, [url, parse]);

  useEffect(() => {
    if (url === null) return;
    // The first fetch runs as a task rather than inside the effect body, like every later tick.
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [url, intervalMs, refresh]);

  return { data, error, refresh };
}
