import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderMessage } from "./render-message";
import { startFakeGraph, type FakeGraph } from "./fake-graph";
import { sendMessage, type FetchLike } from "./send-message";

const TOKEN = "test-token";
const PHONE_NUMBER_ID = "100000000000001";

describe("sendMessage against the fake Graph API", () => {
  let graph: FakeGraph;

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0, accessToken: TOKEN });
  });
  afterAll(async () => {
    await graph.close();
  });
  beforeEach(() => {
    graph.setFaults({});
    graph.reset();
  });

  const send = (to = "16505551234", accessToken = TOKEN) =>
    sendMessage({
      graphUrl: graph.url,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken,
      body: renderMessage({ kind: "text", text: "Hello" }, to),
      timeoutMs: 5_000,
    });

  it("returns the wamid Graph assigned and the fake records the body", async () => {
    const result = await send();

    expect(result.ok).toBe(true);
    const [recorded] = graph.sent();
    expect(result.ok && result.value.waMessageId).toBe(recorded?.waMessageId);
    expect(recorded).toMatchObject({ phoneNumberId: PHONE_NUMBER_ID, version: "v25.0", to: "+16505551234", type: "text" });
    expect(recorded?.body).toMatchObject({ text: { body: "Hello" } });
  });

  it("classifies a throttled send as retry and passes Retry-After on", async () => {
    graph.setFaults({ failNext: 1, retryAfterSeconds: 3 });

    const result = await send();

    expect(result.ok === false && result.error).toMatchObject({ kind: "retry", httpStatus: 429, code: 130429, retryAfterHeader: "3" });
    expect(graph.sent()).toEqual([]);
  });

  it("classifies a server error as retry", async () => {
    graph.setFaults({ failNext: 1, failNextWith: "5xx" });

    const result = await send();

    expect(result.ok === false && result.error).toMatchObject({ kind: "retry", httpStatus: 500, code: 131000 });
  });

  it("classifies a bad token as unauthorized", async () => {
    const result = await send("16505551234", "wrong-token");

    expect(result.ok === false && result.error).toMatchObject({ kind: "unauthorized", httpStatus: 401, code: 190 });
  });

  it("classifies a closed customer window as outside_window", async () => {
    graph.setFaults({ outsideWindow: ["+15550001111"] });

    const result = await send("15550001111");

    expect(result.ok === false && result.error).toMatchObject({ kind: "outside_window", code: 131047 });
    expect(result.ok === false && result.error.message).toContain("Re-engagement message");
  });

  it("reports a refused connection as a retryable network error", async () => {
    const closed = await startFakeGraph({ port: 0 });
    await closed.close();

    const result = await sendMessage({ graphUrl: closed.url, phoneNumberId: "1", accessToken: "t", body: {}, timeoutMs: 2_000 });

    expect(result.ok === false && result.error).toMatchObject({ kind: "retry", reason: "network error" });
  });
});

describe("sendMessage with a stubbed fetch", () => {
  const respond =
    (status: number, body: string, headers: Record<string, string> = {}): FetchLike =>
    async () =>
      new Response(body, { status, headers });

  const sendWith = (fetchImpl: FetchLike, timeoutMs = 1_000) =>
    sendMessage({ graphUrl: "https://graph.example/", phoneNumberId: "42", accessToken: "t", body: { a: 1 }, timeoutMs, fetchImpl });

  it("posts JSON with the bearer token to the versioned messages path", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ messages: [{ id: "wamid.X" }] }), { status: 200 });
    };

    const result = await sendWith(fetchImpl);

    expect(result).toEqual({ ok: true, value: { waMessageId: "wamid.X" } });
    expect(calls[0]?.url).toBe("https://graph.example/v25.0/42/messages");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect(new Headers(calls[0]?.init.headers).get("authorization")).toBe("Bearer t");
  });

  it("reports a timeout when Graph does not answer in time", async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error));
      });

    const result = await sendWith(hanging, 20);

    expect(result).toEqual({ ok: false, error: { kind: "retry", reason: "timeout", message: "no answer within 20 ms" } });
  });

  it("does not retry a 200 without a message id", async () => {
    const result = await sendWith(respond(200, "{}"));

    expect(result.ok === false && result.error).toMatchObject({ kind: "fail", reason: "no message id in response" });
  });

  it("classifies a non-JSON 502 from a proxy as retry", async () => {
    const result = await sendWith(respond(502, "<html>Bad gateway</html>"));

    expect(result.ok === false && result.error).toMatchObject({ kind: "retry", httpStatus: 502, message: "<html>Bad gateway</html>" });
  });

  it("uses the error code, message and details from Graph", async () => {
    const body = JSON.stringify({
      error: { message: "(#131026) Message undeliverable", code: 131026, error_data: { details: "not on WhatsApp" } },
    });

    const result = await sendWith(respond(400, body));

    expect(result).toEqual({
      ok: false,
      error: {
        kind: "fail",
        reason: "message undeliverable (131026)",
        httpStatus: 400,
        code: 131026,
        message: "(#131026) Message undeliverable: not on WhatsApp",
      },
    });
  });
});
