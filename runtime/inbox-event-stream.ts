import { mergeInboxChanges, type InboxChange } from "@/lib/analytics/inbox-change";
import { onInboxChanged } from "./inbox-signal";

/** Proxies close connections that stay silent for about a minute; a comment every 15 s keeps the stream open. */
export const HEARTBEAT_MS = 15_000;
/** Changes within this window go out as one event, so a burst (a webhook with many messages) costs one refetch. */
export const BATCH_MS = 100;
/** How long the browser waits before it reconnects after the stream drops (the SSE `retry` field). */
const RETRY_MS = 3_000;

const encoder = new TextEncoder();

/**
 * A Server-Sent Events response that says "changed" whenever this process commits something an inbox page shows,
 * and stops listening as soon as the client goes away (`signal` aborts or the body is cancelled).
 */
export function inboxEventStream(signal: AbortSignal): Response {
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      let pending: InboxChange | null = null;
      let batch: ReturnType<typeof setTimeout> | null = null;

      const write = (frame: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(frame));
        } catch {
          stop(); // the client went away between two writes: enqueue throws on a closed stream
        }
      };
      const flush = () => {
        batch = null;
        if (pending) write(`event: changed\ndata: ${JSON.stringify(pending)}\n\n`);
        pending = null;
      };
      const unsubscribe = onInboxChanged((change) => {
        pending = pending ? mergeInboxChanges(pending, change) : change;
        batch ??= setTimeout(flush, BATCH_MS);
      });
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);

      stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(heartbeat);
        if (batch) clearTimeout(batch);
        unsubscribe();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed: the reader cancelled the stream
        }
      };
      if (signal.aborted) {
        stop();
        return;
      }
      signal.addEventListener("abort", stop);
      // The first bytes flush the headers, which is what fires the browser's `open` event.
      write(`retry: ${RETRY_MS}\n: connected\n\n`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps the response out of gzip, which would hold events back until a buffer fills.
      "cache-control": "no-cache, no-transform",
      // nginx buffers proxied responses unless told otherwise.
      "x-accel-buffering": "no",
    },
  });
}
