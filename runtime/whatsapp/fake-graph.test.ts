import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeGraph, type FakeGraph, type FakeGraphFaults } from "./fake-graph";

const TEXT = { messaging_product: "whatsapp", recipient_type: "individual", to: "+16505551234", type: "text", text: { body: "hi" } };

let graph: FakeGraph | undefined;
afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

async function start(faults?: FakeGraphFaults, accessToken?: string): Promise<FakeGraph> {
  graph = await startFakeGraph({ port: 0, ...(faults && { faults }), ...(accessToken && { accessToken }) });
  return graph;
}

const sendAnswerSchema = z.looseObject({ messages: z.array(z.object({ id: z.string() })), contacts: z.array(z.unknown()) });
const mediaInfoSchema = z.looseObject({ url: z.string() });

async function readJson(res: Response): Promise<unknown> {
  return (await res.json()) as unknown;
}

/** Graph's `error.code`, or undefined when the answer is not an error. */
async function codeOf(res: Response): Promise<number | undefined> {
  const parsed = z.object({ error: z.object({ code: z.number() }) }).safeParse(await readJson(res));
  return parsed.success ? parsed.data.error.code : undefined;
}

function post(url: string, body: unknown, token = "token") {
  return fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("startFakeGraph", () => {
  it("listens on a free port when asked for port 0", async () => {
    const fake = await start();

    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.url).not.toMatch(/:0$/);
  });

  it("answers a send like Graph with a unique wamid per message", async () => {
    const fake = await start();

    const answers = await Promise.all(
      [1, 2, 3].map(async () => sendAnswerSchema.parse(await readJson(await post(`${fake.url}/v25.0/123/messages`, TEXT)))),
    );

    expect(answers[0]).toMatchObject({ messaging_product: "whatsapp", contacts: [{ input: "+16505551234", wa_id: "16505551234" }] });
    expect(answers[0]?.messages[0]?.id).toMatch(/^wamid\.FAKE\d+_[0-9a-f]+$/);
    const ids = answers.map((a) => a.messages[0]?.id);
    expect(new Set(ids).size).toBe(3);
    expect(fake.sent().map((s) => s.waMessageId).sort()).toEqual([...ids].sort());
  });

  it("answers a BSUID recipient with user_id", async () => {
    const fake = await start();

    const res = await post(`${fake.url}/v25.0/123/messages`, { ...TEXT, to: undefined, recipient: "US.1" });
    const answer = sendAnswerSchema.parse(await readJson(res));

    expect(answer.contacts).toEqual([{ input: "US.1", user_id: "US.1" }]);
  });

  it("acknowledges read receipts without recording them as sends", async () => {
    const fake = await start();

    const res = await post(`${fake.url}/v25.0/123/messages`, { messaging_product: "whatsapp", status: "read", message_id: "wamid.X" });

    expect(await readJson(res)).toEqual({ success: true });
    expect(fake.sent()).toEqual([]);
  });

  it("rejects a body without recipient or payload with Graph parameter errors", async () => {
    const fake = await start();

    const missingTo = await post(`${fake.url}/v25.0/123/messages`, { ...TEXT, to: undefined });
    const missingPayload = await post(`${fake.url}/v25.0/123/messages`, { ...TEXT, text: undefined });
    const notJson = await post(`${fake.url}/v25.0/123/messages`, "{");

    expect([missingTo.status, await codeOf(missingTo)]).toEqual([400, 131008]);
    expect([missingPayload.status, await codeOf(missingPayload)]).toEqual([400, 100]);
    expect([notJson.status, await codeOf(notJson)]).toEqual([400, 100]);
  });

  it("answers 190 to a wrong token, a missing token and while invalidToken is set", async () => {
    const fake = await start(undefined, "good");

    const wrong = await post(`${fake.url}/v25.0/123/messages`, TEXT, "bad");
    const missing = await fetch(`${fake.url}/v25.0/123/messages`, { method: "POST", body: JSON.stringify(TEXT) });
    const good = await post(`${fake.url}/v25.0/123/messages`, TEXT, "good");
    fake.setFaults({ invalidToken: true });
    const expired = await post(`${fake.url}/v25.0/123/messages`, TEXT, "good");

    expect([wrong.status, await codeOf(wrong)]).toEqual([401, 190]);
    expect([missing.status, await codeOf(missing)]).toEqual([401, 190]);
    expect(good.status).toBe(200);
    expect([expired.status, await codeOf(expired)]).toEqual([401, 190]);
  });

  it("answers 131047 to free-form sends for closed windows but lets templates through", async () => {
    const fake = await start({ outsideWindow: ["+1 650 555 1234"] });
    const template = { ...TEXT, type: "template", text: undefined, template: { name: "hello", language: { code: "en" } } };

    const text = await post(`${fake.url}/v25.0/123/messages`, TEXT);
    const other = await post(`${fake.url}/v25.0/123/messages`, { ...TEXT, to: "+15550000000" });
    const allowed = await post(`${fake.url}/v25.0/123/messages`, template);

    expect([text.status, await codeOf(text)]).toEqual([400, 131047]);
    expect(other.status).toBe(200);
    expect(allowed.status).toBe(200);
    expect(fake.sent().map((s) => s.type)).toEqual(["text", "template"]);
  });

  it("fails the next N sends on request, with Retry-After on 429", async () => {
    const fake = await start({ failNext: 2, retryAfterSeconds: 7 });

    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res = await post(`${fake.url}/v25.0/123/messages`, TEXT);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }

    expect(statuses).toEqual([429, 429, 200]);
    expect(retryAfter).toBe("7");
    expect(fake.sent()).toHaveLength(1);
  });

  it("injects 429 and 5xx at the configured shares, the same way for the same seed", async () => {
    const run = async (seed: number) => {
      const fake = await startFakeGraph({ port: 0, faults: { rate429: 0.3, rate5xx: 0.2, seed } });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await post(`${fake.url}/v25.0/1/messages`, TEXT)).status);
      await fake.close();
      return statuses;
    };

    const first = await run(42);
    const second = await run(42);
    const other = await run(7);

    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
    const share = (status: number) => first.filter((s) => s === status).length / first.length;
    expect(share(429)).toBeGreaterThan(0.2);
    expect(share(429)).toBeLessThan(0.4);
    expect(share(500)).toBeGreaterThan(0.12);
    expect(share(500)).toBeLessThan(0.28);
  });

  it("serves registered media metadata and bytes, only with a token", async () => {
    const fake = await start();
    const bytes = Buffer.from("fake jpeg bytes");
    fake.addMedia("777", bytes, "image/jpeg");

    const infoRes = await fetch(`${fake.url}/v25.0/777`, { headers: { authorization: "Bearer token" } });
    const info = mediaInfoSchema.parse(await readJson(infoRes));
    const withToken = await fetch(info.url, { headers: { authorization: "Bearer token" } });
    const withoutToken = await fetch(info.url);
    const unknown = await fetch(`${fake.url}/v25.0/888`, { headers: { authorization: "Bearer token" } });

    expect(info).toMatchObject({ messaging_product: "whatsapp", mime_type: "image/jpeg", file_size: String(bytes.length), id: "777" });
    expect(info.url).toMatch(new RegExp(`^${fake.url}/media-download/777`));
    expect(Buffer.from(await withToken.arrayBuffer())).toEqual(bytes);
    expect(withToken.headers.get("content-type")).toBe("image/jpeg");
    expect(withoutToken.status).toBe(401);
    expect([unknown.status, await codeOf(unknown)]).toEqual([400, 100]);
  });

  it("exposes sends, faults, media and reset through control endpoints", async () => {
    const fake = await start();
    await post(`${fake.url}/v25.0/123/messages`, TEXT);

    const sent = z.array(z.unknown()).parse(await readJson(await fetch(`${fake.url}/__sent`)));
    const faults = await post(`${fake.url}/__faults`, { outsideWindow: ["16505551234"], latencyMs: 1 });
    const typo = await post(`${fake.url}/__faults`, { rate_429: 0.5 });
    const media = await post(`${fake.url}/__media`, { id: "m1", mimeType: "text/plain", base64: Buffer.from("hi").toString("base64") });
    await post(`${fake.url}/__reset`, {});

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ phoneNumberId: "123", to: "+16505551234" });
    expect(faults.status).toBe(200);
    expect(fake.faults()).toEqual({ outsideWindow: ["16505551234"], latencyMs: 1 });
    expect(typo.status).toBe(400);
    expect(media.status).toBe(200);
    expect(fake.sent()).toEqual([]);
    expect((await post(`${fake.url}/v25.0/123/messages`, TEXT)).status).toBe(400);
    expect((await fetch(`${fake.url}/v25.0/m1`, { headers: { authorization: "Bearer t" } })).status).toBe(200);
  });

  it("records every Graph request with its outcome", async () => {
    const fake = await start({ failNext: 1 });

    await post(`${fake.url}/v25.0/123/messages`, TEXT);
    await post(`${fake.url}/v25.0/123/messages`, TEXT);

    expect(fake.requests().map((r) => [r.status, r.errorCode])).toEqual([
      [429, 130429],
      [200, undefined],
    ]);
  });
});
