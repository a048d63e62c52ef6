import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { countInboxListeners, notifyInbox } from "@/runtime/inbox-signal";
import { BATCH_MS, HEARTBEAT_MS } from "@/runtime/inbox-event-stream";
import { GET } from "./route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

/** The route has no dynamic segments: Next hands it empty params. */
const NO_PARAMS = { params: Promise.resolve({}) };
const AGENT: Actor = { userId: "0190a0a0-0000-7000-8000-000000000001", email: "ana@example.com", name: "Ana", role: "agent" };

/** Opens the stream as a browser would; `close()` is the browser going away. */
async function openStream() {
  const browser = new AbortController();
  const response = await GET(new Request("http://localhost/api/inbox/events", { signal: browser.signal }), NO_PARAMS);
  const reader = response.body?.getReader();
  if (!reader) throw new Error("the stream has no body");
  const decoder = new TextDecoder();
  return {
    response,
    next: async () => {
      const chunk = await reader.read();
      return chunk.done ? null : decoder.decode(chunk.value);
    },
    close: () => browser.abort(),
  };
}

describe("GET /api/inbox/events", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    session.actor = AGENT;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers 401 to someone who is not signed in and 403 to a role without the inbox", async () => {
    session.actor = null;
    const anonymous = await GET(new Request("http://localhost/api/inbox/events"), NO_PARAMS);
    session.actor = { ...AGENT, role: "editor" };
    const editor = await GET(new Request("http://localhost/api/inbox/events"), NO_PARAMS);

    expect(anonymous.status).toBe(401);
    expect(editor.status).toBe(403);
    expect(countInboxListeners()).toBe(0);
  });

  it("sends one changed event for the changes of a short window", async () => {
    const stream = await openStream();
    const opening = await stream.next();

    notifyInbox({ list: true, conversationIds: ["c1"] });
    notifyInbox({ list: false, conversationIds: ["c2"] });
    await vi.advanceTimersByTimeAsync(BATCH_MS);
    const event = await stream.next();

    expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
    expect(opening).toContain("retry: ");
    expect(event).toBe(`event: changed\ndata: ${JSON.stringify({ list: true, conversationIds: ["c1", "c2"] })}\n\n`);
    stream.close();
  });

  it("sends a heartbeat comment every 15 seconds", async () => {
    const stream = await openStream();
    await stream.next();

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);

    expect(await stream.next()).toBe(": heartbeat\n\n");
    stream.close();
  });

  it("stops listening and ends the stream when the browser goes away", async () => {
    const stream = await openStream();
    await stream.next();
    const whileOpen = countInboxListeners();

    stream.close();

    expect(whileOpen).toBe(1);
    expect(countInboxListeners()).toBe(0);
    expect(await stream.next()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
