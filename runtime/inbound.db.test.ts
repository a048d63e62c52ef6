import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/test/databases";
import {
  APP_SECRET,
  countInboundReceipts,
  echoFlow,
  expireSendingLeases,
  listConversations,
  listOutbox,
  PHONE_NUMBER_ID,
  prepareWorld,
  setConversationStatus,
  transcriptOf,
} from "@/test/pipeline-world";
import type { DatabaseHandle } from "@/db/connect";
import { installDatabase } from "@/db/index";
import { startFakeGraph, type FakeGraph } from "@/runtime/whatsapp/fake-graph";
import { buildSignedWebhook, buildWebhookPayload, type WebhookMessageSpec } from "@/runtime/whatsapp/build-webhook-payload";
import { parseWebhookBody, type ParsedDelivery } from "@/runtime/whatsapp/parse-webhook";
import { receiveDelivery } from "./inbound";
import { drainOutbox } from "./outbox";
import { GET, POST } from "@/app/api/webhooks/whatsapp/route";
import { DEFAULT_CHANNEL } from "@/db/seed";

const noJitter = { random: () => 0 };
let wamidCounter = 0;
const wamid = () => `wamid.TEST${(wamidCounter += 1)}`;
const now = () => Math.floor(Date.now() / 1000);

function text(from: string, body: string, timestamp = now(), id = wamid()): WebhookMessageSpec {
  return { from, id, timestamp, content: { type: "text", text: body } };
}

function delivery(messages: WebhookMessageSpec[]): ParsedDelivery {
  const parsed = parseWebhookBody(buildWebhookPayload({ phoneNumberId: PHONE_NUMBER_ID, messages }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function signedRequest(body: string, signature: string | null): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("x-hub-signature-256", signature);
  return new Request("http://127.0.0.1/api/webhooks/whatsapp", { method: "POST", body, headers });
}

const sentTexts = (graph: FakeGraph, to: string) =>
  graph
    .sent()
    .filter((send) => send.to === to)
    .map((send) => {
      const body = send.body as { text?: { body?: string }; interactive?: { body?: { text?: string } } };
      return body.text?.body ?? body.interactive?.body?.text ?? send.type;
    });

describe.each(testDatabases())("the WhatsApp pipeline on $kind", ({ open }) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let graph: FakeGraph;

  beforeAll(async () => {
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "threadline-inbound-"));
    graph = await startFakeGraph({ port: 0 });
    handle = await open();
    await prepareWorld(handle, { graphUrl: graph.url, flow: echoFlow() });
  });

  afterAll(async () => {
    await graph.close();
    await handle.drop();
  });

  beforeEach(() => {
    installDatabase(handle);
    graph.reset();
    graph.setFaults({});
  });

  it("answers a signed message through the route, committed before the 200, sent once by the outbox", async () => {
    const { body, signature } = buildSignedWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      appSecret: APP_SECRET,
      messages: [text("15550001001", "hi")],
    });

    const response = await POST(signedRequest(body, signature));
    const rowsBeforeSending = await listOutbox(handle);
    await drainOutbox(noJitter);

    expect(response.status).toBe(200);
    expect(rowsBeforeSending.filter((row) => row.status === "pending").length).toBeGreaterThanOrEqual(2);
    expect(sentTexts(graph, "+15550001001")).toEqual(["Hello from the echo flow", "Say something"]);
    const transcript = await transcriptOf(handle, "15550001001");
    expect(transcript.map((line) => line.author)).toEqual(["customer", "bot", "bot"]);
    expect(transcript.filter((line) => line.author === "bot").every((line) => line.deliveryStatus === "sent")).toBe(true);
  });

  it("answers Meta's verification handshake only for a known verify token", async () => {
    const url = (token: string) =>
      `http://127.0.0.1/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`;

    const accepted = await GET(new Request(url(DEFAULT_CHANNEL.verifyToken)));
    const refused = await GET(new Request(url("wrong-token")));

    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe("1158201444");
    expect(refused.status).toBe(403);
  });

  it("refuses unsigned or wrongly signed bodies with 401 and stores nothing", async () => {
    const before = await countInboundReceipts(handle);
    const { body } = buildSignedWebhook({ phoneNumberId: PHONE_NUMBER_ID, appSecret: APP_SECRET, messages: [text("15550001002", "x")] });
    const { signature: wrong } = buildSignedWebhook({ phoneNumberId: PHONE_NUMBER_ID, appSecret: "other", messages: [] });

    expect((await POST(signedRequest(body, null))).status).toBe(401);
    expect((await POST(signedRequest(body, wrong))).status).toBe(401);
    expect((await POST(signedRequest(body, "sha256=zz"))).status).toBe(401);
    expect(await countInboundReceipts(handle)).toBe(before);
  });

  it("answers 400 to signed bodies that are not a webhook and 413 to bodies over 3 MB", async () => {
    const { signature } = buildSignedWebhook({ phoneNumberId: PHONE_NUMBER_ID, appSecret: APP_SECRET, messages: [] });
    const junk = "{not json";
    const { signBody } = await import("@/runtime/whatsapp/verify-signature");

    expect((await POST(signedRequest(junk, signBody(APP_SECRET, junk)))).status).toBe(400);
    expect((await POST(signedRequest('{"entry":5}', signBody(APP_SECRET, '{"entry":5}')))).status).toBe(400);
    const huge = `{"pad":"${"x".repeat(3 * 1024 * 1024)}"}`;
    expect((await POST(signedRequest(huge, signature))).status).toBe(413);
  });

  it("turns the same message delivered 50 times at once into one reply set", async () => {
    const message = text("15550001003", "hello");

    const outcomes = await Promise.all(Array.from({ length: 50 }, () => receiveDelivery(delivery([message]))));
    await drainOutbox(noJitter);

    expect(outcomes.flat().filter((outcome) => outcome.status === "processed")).toHaveLength(1);
    expect(outcomes.flat().filter((outcome) => outcome.status === "duplicate")).toHaveLength(49);
    expect(sentTexts(graph, "+15550001003")).toEqual(["Hello from the echo flow", "Say something"]);
  });

  it("keeps each customer's order when two customers send 100 messages each at once", async () => {
    const customers = ["15550001004", "15550001005"];
    const start = now();
    await Promise.all(customers.map((customer) => receiveDelivery(delivery([text(customer, "start", start)]))));

    await Promise.all(
      customers.flatMap((customer) =>
        Array.from({ length: 100 }, (_, index) => receiveDelivery(delivery([text(customer, `m${index}`, start + 1 + index)]))),
      ),
    );
    await drainOutbox(noJitter);

    for (const customer of customers) {
      const transcript = await transcriptOf(handle, customer);
      const said = transcript.filter((line) => line.author === "customer" && line.text !== "start").map((line) => line.text);
      const echoed = sentTexts(graph, `+${customer}`).filter((line) => line.startsWith("You said"));
      expect(said).toHaveLength(100);
      expect(new Set(said).size).toBe(100);
      // Every answer echoed exactly once, in the order the messages were processed.
      expect(echoed).toEqual(said.map((line) => `You said ${line}`));
    }
  });

  it("processes a body's messages in timestamp order, whatever their order in the body", async () => {
    const t = now();

    await receiveDelivery(delivery([text("15550001006", "second", t + 2), text("15550001006", "first", t + 1), text("15550001006", "opening", t)]));

    const transcript = await transcriptOf(handle, "15550001006");
    expect(transcript.filter((line) => line.author === "customer").map((line) => line.text)).toEqual(["opening", "first", "second"]);
  });

  it("processes every entry, change, message and status of a multi-entry body", async () => {
    const first = JSON.parse(buildWebhookPayload({ phoneNumberId: PHONE_NUMBER_ID, messages: [text("15550001007", "a")] })) as {
      entry: unknown[];
    };
    const second = JSON.parse(buildWebhookPayload({ phoneNumberId: PHONE_NUMBER_ID, messages: [text("15550001008", "b")] })) as {
      entry: unknown[];
    };
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [...first.entry, ...second.entry] });
    const { signBody } = await import("@/runtime/whatsapp/verify-signature");

    const response = await POST(signedRequest(body, signBody(APP_SECRET, body)));

    expect(response.status).toBe(200);
    expect((await transcriptOf(handle, "15550001007")).length).toBeGreaterThan(0);
    expect((await transcriptOf(handle, "15550001008")).length).toBeGreaterThan(0);
  });

  it("retries a 429 from Graph and delivers the reply exactly once", async () => {
    await receiveDelivery(delivery([text("15550001009", "hi")]));
    graph.setFaults({ failNext: 1, failNextWith: "429" });

    await drainOutbox(noJitter);

    expect(sentTexts(graph, "+15550001009")).toEqual(["Hello from the echo flow", "Say something"]);
    expect(graph.requests().filter((request) => request.status === 429)).toHaveLength(1);
  });

  it("sends rows committed before a crash exactly once after the restart, including rows caught mid-send", async () => {
    await receiveDelivery(delivery([text("15550001010", "hi")]));
    // The process died after the commit and before sending: nothing was sent.
    expect(sentTexts(graph, "+15550001010")).toEqual([]);

    await drainOutbox(noJitter);
    await drainOutbox(noJitter);

    expect(sentTexts(graph, "+15550001010")).toEqual(["Hello from the echo flow", "Say something"]);
  });

  it("puts rows whose sender died mid-send back in the queue once the lease expires", async () => {
    await receiveDelivery(delivery([text("15550001011", "hi")]));
    const { claimDueMessages } = await import("@/db/queries/outbox");
    const claimed = await claimDueMessages(10);
    expect(claimed.length).toBeGreaterThan(0);

    await expireSendingLeases(handle);
    await drainOutbox(noJitter);

    expect(sentTexts(graph, "+15550001011")).toEqual(["Hello from the echo flow", "Say something"]);
  });

  it("answers 503 while the database is down, then processes the redelivery", async () => {
    const { body, signature } = buildSignedWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      appSecret: APP_SECRET,
      messages: [text("15550001012", "hi")],
    });
    const broken = { ...handle, db: new Proxy(handle.db, { get: () => () => { throw new Error("connection refused"); } }) };
    const { forgetCachedCredentials } = await import("@/db/queries/channels");
    forgetCachedCredentials();

    installDatabase(broken);
    const whileDown = await POST(signedRequest(body, signature));
    installDatabase(handle);
    const redelivered = await POST(signedRequest(body, signature));

    expect(whileDown.status).toBe(503);
    expect(redelivered.status).toBe(200);
    expect((await transcriptOf(handle, "15550001012")).filter((line) => line.author === "customer")).toHaveLength(1);
  });

  it("downloads a customer's photo from Graph, checks its hash and keeps it under the data directory", async () => {
    const bytes = Buffer.from("fake jpeg bytes");
    graph.addMedia("media-1", bytes, "image/jpeg");
    await receiveDelivery(delivery([text("15550001016", "hi")]));
    const photo: WebhookMessageSpec = {
      from: "15550001016",
      id: wamid(),
      timestamp: now(),
      content: { type: "image", mediaId: "media-1", mimeType: "image/jpeg", caption: "receipt" },
    };

    await receiveDelivery(delivery([photo]));

    const stored = (await transcriptOf(handle, "15550001016")).find((line) => line.author === "customer" && line.text.startsWith("[image"));
    const content = stored?.content as { sizeBytes?: number; storedAs?: string; sha256?: string };
    expect(content.sizeBytes).toBe(bytes.length);
    const file = path.join(process.env.DATA_DIR ?? "", content.storedAs ?? "missing");
    expect(existsSync(file) && readFileSync(file).equals(bytes)).toBe(true);
  });

  it("times out conversations whose customer went quiet longer than the flow allows, and only those", async () => {
    const twoHoursAgo = now() - 2 * 60 * 60;
    await receiveDelivery(delivery([text("15550001017", "hi", twoHoursAgo)]));
    await receiveDelivery(delivery([text("15550001018", "hi")]));
    const { sweepQuietConversations } = await import("./inactivity");

    const timedOut = await sweepQuietConversations(new Date());

    const conversations = await listConversations(handle);
    expect(timedOut).toBeGreaterThanOrEqual(1);
    expect(conversations.find((row) => row.customerKey === "15550001017")?.status).toBe("ended");
    expect(conversations.find((row) => row.customerKey === "15550001018")?.status).toBe("active");
  });

  it("stores reactions without answering them", async () => {
    await receiveDelivery(delivery([text("15550001015", "hi")]));
    const reaction: WebhookMessageSpec = {
      from: "15550001015",
      id: wamid(),
      timestamp: now(),
      content: { type: "other", messageType: "reaction", fields: { reaction: { message_id: "wamid.X", emoji: "👍" } } },
    };

    const [outcome] = await receiveDelivery(delivery([reaction]));

    expect(outcome).toMatchObject({ status: "stored", reason: "not_for_the_bot" });
  });

  it("keeps the bot silent while an agent holds the conversation", async () => {
    await receiveDelivery(delivery([text("15550001013", "hi")]));
    await setConversationStatus(handle, "15550001013", "handoff");

    const [outcome] = await receiveDelivery(delivery([text("15550001013", "are you there?")]));

    expect(outcome).toMatchObject({ status: "stored", reason: "handoff" });
    const transcript = await transcriptOf(handle, "15550001013");
    expect(transcript.at(-1)).toMatchObject({ author: "customer", text: "are you there?" });
  });

  it("records delivery statuses without downgrading, and 131047 marks the conversation outside the window", async () => {
    await receiveDelivery(delivery([text("15550001014", "hi")]));
    await drainOutbox(noJitter);
    const [greeting, question] = (await transcriptOf(handle, "15550001014")).filter((line) => line.author === "bot");
    const ts = now();
    const statuses = buildWebhookPayload({
      phoneNumberId: PHONE_NUMBER_ID,
      statuses: [
        { id: greeting?.waMessageId ?? "", status: "read", timestamp: ts },
        { id: greeting?.waMessageId ?? "", status: "delivered", timestamp: ts },
        { id: question?.waMessageId ?? "", status: "failed", timestamp: ts, errors: [{ code: 131047, title: "Re-engagement message" }] },
        { id: "wamid.UNKNOWN", status: "delivered", timestamp: ts },
      ],
    });
    const parsed = parseWebhookBody(statuses);
    if (!parsed.ok) throw new Error("bad statuses");

    await receiveDelivery(parsed.value);

    const bot = (await transcriptOf(handle, "15550001014")).filter((line) => line.author === "bot");
    expect(bot.map((line) => line.deliveryStatus)).toEqual(["read", "failed"]);
    const conversation = (await listConversations(handle)).find((row) => row.customerKey === "15550001014");
    expect(conversation?.outsideWindow).toBe(true);
  });
});
