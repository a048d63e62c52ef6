import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabases } from "@/test/databases";
import { PHONE_NUMBER_ID, prepareWorld, transcriptOf } from "@/test/pipeline-world";
import type { DatabaseHandle } from "@/db/connect";
import { inTransaction, installDatabase } from "@/db/index";
import { analyticsEvents, conversations, handoffs, outbox, users } from "@/db/schema";
import { flowDocumentSchema, FLOW_SCHEMA_VERSION, type FlowDocument } from "@/lib/flow/flow-document";
import type { Actor } from "@/lib/auth/roles";
import { buildWebhookPayload } from "@/runtime/whatsapp/build-webhook-payload";
import { parseWebhookBody } from "@/runtime/whatsapp/parse-webhook";
import { processInboundMessage, runCustomerTurn } from "@/runtime/inbound";
import { onInboxChanged } from "@/runtime/inbox-signal";
import type { InboxChange } from "@/lib/analytics/inbox-change";
import {
  assignHandoff,
  beginHandBack,
  claimHandoff,
  closeHandoff,
  getInboxConversation,
  listInbox,
  listInboxQueues,
  markConversationRead,
  MASK,
  replyToHandoff,
} from "./inbox";
import { getFlowSummary } from "./analytics";

/** Greets, asks for an email (a sensitive field), then hands over to the Billing queue. */
function emailThenHandoff(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    name: "Email then handoff",
    settings: { defaultHandoffNodeId: "handoff", fields: [{ key: "email", label: "Email address", sensitive: true }] },
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hello" } },
      {
        id: "ask",
        type: "ask",
        position: { x: 300, y: 0 },
        data: { prompt: "Your email?", answer: { kind: "free_text", check: { kind: "email" } }, saveTo: "email" },
      },
      { id: "handoff", type: "handoff", position: { x: 600, y: 0 }, data: { queue: "Billing" } },
    ],
    edges: [
      { id: "e1", source: "start", sourcePort: "next", target: "ask" },
      { id: "e2", source: "ask", sourcePort: "answered", target: "handoff" },
      { id: "e3", source: "ask", sourcePort: "gave_up", target: "handoff" },
    ],
  });
}

let wamid = 0;
async function customerSays(from: string, text: string, timestamp = Math.floor(Date.now() / 1000)) {
  const parsed = parseWebhookBody(
    buildWebhookPayload({
      phoneNumberId: PHONE_NUMBER_ID,
      messages: [{ from, id: `wamid.INBOX${(wamid += 1)}`, timestamp, content: { type: "text", text } }],
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const [message] = parsed.value.inbound;
  if (!message) throw new Error("no inbound message");
  return processInboundMessage(message);
}

async function addUser(handle: DatabaseHandle, name: string, role: Actor["role"]): Promise<Actor> {
  const email = `${name.toLowerCase()}@example.com`;
  const [row] = await handle.db.insert(users).values({ email, name, role, passwordHash: "x" }).returning({ id: users.id });
  if (!row) throw new Error("no user");
  return { userId: row.id, email, name, role };
}

describe.each(testDatabases())("the agent inbox on $kind", ({ open }) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let flowId: string;
  let ana: Actor;
  let ben: Actor;
  let admin: Actor;
  let customer = 15550009000;

  /** A fresh customer handed off with their email collected; returns the handoff id. */
  async function handedOff(): Promise<{ handoffId: string; phone: string }> {
    const phone = String((customer += 1));
    await customerSays(phone, "hi");
    await customerSays(phone, "me@example.com");
    const [row] = await handle.db
      .select({ id: handoffs.id })
      .from(handoffs)
      .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
      .where(eq(conversations.customerKey, phone));
    if (!row) throw new Error("no handoff");
    return { handoffId: row.id, phone };
  }

  beforeAll(async () => {
    handle = await open();
    ({ flowId } = await prepareWorld(handle, { graphUrl: "http://127.0.0.1:9", flow: emailThenHandoff() }));
    ana = await addUser(handle, "Ana", "agent");
    ben = await addUser(handle, "Ben", "agent");
    admin = await addUser(handle, "Ada", "admin");
  });

  afterAll(async () => {
    await handle.drop();
  });

  beforeEach(() => {
    installDatabase(handle);
  });

  it("lists a handed-off conversation in its queue with the reason, and masks sensitive fields everywhere", async () => {
    const { handoffId } = await handedOff();

    const open = await listInbox(ana, { view: "open" });
    const queues = await listInboxQueues(ana);
    const detail = await getInboxConversation(ana, handoffId);

    expect(open.find((item) => item.handoffId === handoffId)).toMatchObject({ queue: "Billing", status: "waiting", isVip: false });
    expect(queues.find((queue) => queue.queue === "Billing")?.open).toBeGreaterThanOrEqual(1);
    expect(detail?.fields.find((field) => field.key === "email")).toEqual({ key: "email", label: "Email address", value: MASK, masked: true });
    expect(detail?.transcript.map((line) => line.text).join("\n")).not.toContain("me@example.com");
    expect(detail?.reason).toBe("The flow handed the conversation to an agent");
    expect(detail?.window.open).toBe(true);
    expect(detail?.resumeTargets.map((target) => target.nodeId)).toEqual(["ask"]);
  });

  it("hides a claimed conversation from other agents but not from admins", async () => {
    const { handoffId } = await handedOff();

    const claimed = await claimHandoff(ana, handoffId);

    expect(claimed.ok).toBe(true);
    expect(await getInboxConversation(ben, handoffId)).toBeNull();
    expect((await listInbox(ben, { view: "open" })).some((item) => item.handoffId === handoffId)).toBe(false);
    expect((await getInboxConversation(admin, handoffId))?.item.assigneeName).toBe("Ana");
    expect(await claimHandoff(ben, handoffId)).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  it("assigns only to active agents and admins", async () => {
    const { handoffId } = await handedOff();
    const editor = await addUser(handle, `Eddie${customer}`, "editor");

    const refused = await assignHandoff(admin, { handoffId, assigneeId: editor.userId });
    const assigned = await assignHandoff(admin, { handoffId, assigneeId: ben.userId });

    expect(refused).toMatchObject({ ok: false, error: { code: "invalid-assignee" } });
    expect(assigned.ok).toBe(true);
    expect((await listInbox(ben, { view: "mine" })).map((item) => item.handoffId)).toContain(handoffId);
  });

  it("queues an agent reply through the outbox, stamps the first response and keeps the bot silent", async () => {
    const { handoffId, phone } = await handedOff();

    const replied = await replyToHandoff(ana, { handoffId, message: { kind: "text", text: "Hi, Ana here." } });
    await customerSays(phone, "thanks, waiting");

    expect(replied.ok).toBe(true);
    const [handoff] = await handle.db.select().from(handoffs).where(eq(handoffs.id, handoffId));
    expect(handoff?.firstResponseAt).toBeInstanceOf(Date);
    expect(handoff?.assigneeId).toBe(ana.userId);
    const rows = await handle.db.select().from(outbox).where(eq(outbox.conversationId, handoff?.conversationId ?? ""));
    expect(rows.map((row) => row.payload)).toContainEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: `+${phone}`,
      type: "text",
      text: { body: "Hi, Ana here." },
    });
    const transcript = await transcriptOf(handle, phone);
    expect(transcript.slice(-2).map((line) => [line.author, line.text])).toEqual([
      ["agent", "Hi, Ana here."],
      ["customer", "thanks, waiting"],
    ]);
  });

  it("allows only templates once the 24-hour window has closed", async () => {
    const { handoffId } = await handedOff();
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000);

    const text = await replyToHandoff(ana, { handoffId, message: { kind: "text", text: "Still there?" } }, later);
    const template = await replyToHandoff(
      ana,
      { handoffId, message: { kind: "template", name: "follow_up", language: "en", parameters: ["Ana"] } },
      later,
    );

    expect(text).toMatchObject({ ok: false, error: { code: "window-closed" } });
    expect(template.ok).toBe(true);
    expect((await getInboxConversation(ana, handoffId, later))?.window).toEqual({ open: false, closesAt: null, reason: "expired" });
  });

  it("closes a conversation as resolved by an agent, which analytics counts as resolved but not contained", async () => {
    const { handoffId } = await handedOff();

    const closed = await closeHandoff(ana, handoffId);

    expect(closed.ok).toBe(true);
    const [handoff] = await handle.db.select().from(handoffs).where(eq(handoffs.id, handoffId));
    const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.id, handoff?.conversationId ?? ""));
    expect(handoff?.status).toBe("resolved");
    expect(conversation?.status).toBe("ended");
    expect(conversation?.endedAt).toBeInstanceOf(Date);
    const events = await handle.db.select().from(analyticsEvents).where(eq(analyticsEvents.conversationId, conversation?.id ?? ""));
    expect(events.filter((event) => event.type === "conversation.resolved").map((event) => event.data)).toEqual([{ by: "agent" }]);
    expect(await closeHandoff(ana, handoffId)).toMatchObject({ ok: false, error: { code: "resolved" } });
    const summary = await getFlowSummary(admin, {
      flowId,
      versionId: null,
      from: new Date(Date.now() - 60_000),
      until: new Date(Date.now() + 60_000),
      includeSimulated: false,
    });
    expect(summary.resolved).toBeGreaterThanOrEqual(1);
    expect(summary.contained).toBe(0);
  });

  it("hands a conversation back to the bot at a chosen step, which then asks its question again", async () => {
    const { handoffId, phone } = await handedOff();

    const outcome = await inTransaction(async (tx) => {
      const begun = await beginHandBack(tx, ana, { handoffId, nodeId: "ask" });
      if (!begun.ok) return begun.error.code;
      return (await runCustomerTurn(tx, begun.value.conversation, { input: { kind: "resume", nodeId: "ask" }, defaultFlowId: null })).status;
    });

    expect(outcome).toBe("processed");
    const transcript = await transcriptOf(handle, phone);
    expect(transcript.at(-1)).toMatchObject({ author: "bot", text: "Your email?" });
    const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.customerKey, phone));
    expect(conversation?.status).toBe("active");
    await inTransaction(async (tx) => {
      expect(await beginHandBack(tx, ana, { handoffId, nodeId: "ask" })).toMatchObject({ ok: false, error: { code: "resolved" } });
    });
  });

  it("refuses to hand back to a step that is not in the flow", async () => {
    const { handoffId } = await handedOff();

    const result = await inTransaction((tx) => beginHandBack(tx, ana, { handoffId, nodeId: "nowhere" }));

    expect(result).toMatchObject({ ok: false, error: { code: "invalid-node" } });
  });

  /** The seq of the conversation's last message, as the open page would report it. */
  async function lastSeqOf(handoffId: string): Promise<number> {
    const detail = await getInboxConversation(ana, handoffId);
    return detail?.transcript.at(-1)?.seq ?? 0;
  }

  const unreadIn = async (actor: Actor, handoffId: string, view: "open" | "resolved" = "open") =>
    (await listInbox(actor, { view })).find((item) => item.handoffId === handoffId)?.isUnread;

  it("shows a new handoff unread until the agent has read it", async () => {
    const { handoffId } = await handedOff();
    const before = await unreadIn(ana, handoffId);

    const marked = await markConversationRead(ana, { handoffId, seq: await lastSeqOf(handoffId) });

    expect(before).toBe(true);
    expect(marked.ok).toBe(true);
    expect(await unreadIn(ana, handoffId)).toBe(false);
    expect((await getInboxConversation(ana, handoffId))?.item.isUnread).toBe(false);
  });

  it("shows it unread again when the customer writes after the read, but not after the agent's own reply", async () => {
    const { handoffId, phone } = await handedOff();
    await markConversationRead(ana, { handoffId, seq: await lastSeqOf(handoffId) });

    await replyToHandoff(ana, { handoffId, message: { kind: "text", text: "Looking into it." } });
    const afterReply = await unreadIn(ana, handoffId);
    await customerSays(phone, "any news?");

    expect(afterReply).toBe(false);
    expect(await unreadIn(ana, handoffId)).toBe(true);
  });

  it("keeps each agent's reads apart, and counts the assignee's read for an admin", async () => {
    const waiting = await handedOff();
    const claimed = await handedOff();
    await claimHandoff(ana, claimed.handoffId);

    await markConversationRead(ana, { handoffId: waiting.handoffId, seq: await lastSeqOf(waiting.handoffId) });
    await markConversationRead(ana, { handoffId: claimed.handoffId, seq: await lastSeqOf(claimed.handoffId) });

    expect(await unreadIn(ben, waiting.handoffId)).toBe(true);
    expect(await unreadIn(admin, waiting.handoffId)).toBe(true);
    expect(await unreadIn(admin, claimed.handoffId)).toBe(false);
  });

  it("never moves a read back, and never past the conversation's last message", async () => {
    const { handoffId, phone } = await handedOff();
    const seq = await lastSeqOf(handoffId);

    await markConversationRead(ana, { handoffId, seq: seq + 1000 });
    await markConversationRead(ana, { handoffId, seq: 0 });
    const afterStaleRead = await unreadIn(ana, handoffId);
    await customerSays(phone, "hello?");

    expect(afterStaleRead).toBe(false);
    expect(await unreadIn(ana, handoffId)).toBe(true);
  });

  it("does not mark resolved conversations unread, and refuses reads of conversations the agent may not see", async () => {
    const { handoffId } = await handedOff();
    await claimHandoff(ana, handoffId);
    const refused = await markConversationRead(ben, { handoffId, seq: 1 });

    await closeHandoff(ana, handoffId);

    expect(refused).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await unreadIn(ana, handoffId, "resolved")).toBe(false);
  });

  it("tells open inboxes about a new handoff and about the customer writing to it, not about the bot's own turns", async () => {
    const changes: InboxChange[] = [];
    const stopListening = onInboxChanged((change) => changes.push(change));
    const phone = String((customer += 1));

    try {
      await customerSays(phone, "hi");
      const beforeHandoff = changes.length;
      await customerSays(phone, "me@example.com");
      await customerSays(phone, "still there?");

      const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.customerKey, phone));
      expect(beforeHandoff).toBe(0);
      expect(changes).toEqual([
        { list: true, conversationIds: [conversation?.id] },
        { list: true, conversationIds: [conversation?.id] },
      ]);
    } finally {
      stopListening();
    }
  });

  it("refuses every inbox query to roles without the agent grant", async () => {
    const editor: Actor = { userId: ana.userId, email: "e@example.com", name: "E", role: "editor" };

    await expect(listInbox(editor, { view: "open" })).rejects.toThrow(/may not/);
  });
});
