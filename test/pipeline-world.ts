import { asc, count, eq } from "drizzle-orm";
import { channels, conversations, flows, inboundReceipts, messages, outbox } from "@/db/schema";
import type { DatabaseHandle } from "@/db/connect";
import { installDatabase } from "@/db/index";
import { seedDatabase, DEFAULT_CHANNEL } from "@/db/seed";
import { insertLiveVersion } from "@/db/queries/versions";
import { forgetCachedCredentials } from "@/db/queries/channels";
import { flowDocumentSchema, FLOW_SCHEMA_VERSION, type FlowDocument, type FlowDocumentInput } from "@/lib/flow/flow-document";

export const TEST_AUTH_SECRET = "test-auth-secret";
export const APP_SECRET = DEFAULT_CHANNEL.appSecret;
export const PHONE_NUMBER_ID = DEFAULT_CHANNEL.phoneNumberId;

/** A flow that greets, then echoes every answer and asks again: handy for order and dedupe tests. */
export function echoFlow(): FlowDocument {
  const input: FlowDocumentInput = {
    schemaVersion: FLOW_SCHEMA_VERSION,
    name: "Echo",
    settings: { defaultHandoffNodeId: "handoff", fields: [{ key: "said", label: "Said" }], agentPhrases: ["agent"] },
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hello from the echo flow" } },
      {
        id: "ask",
        type: "ask",
        position: { x: 300, y: 0 },
        data: { prompt: "Say something", answer: { kind: "free_text", check: { kind: "none" } }, saveTo: "said" },
      },
      { id: "echo", type: "message", position: { x: 600, y: 0 }, data: { text: "You said {{said}}" } },
      { id: "handoff", type: "handoff", position: { x: 600, y: 200 }, data: { queue: "Support" } },
    ],
    edges: [
      { id: "e1", source: "start", sourcePort: "next", target: "ask" },
      { id: "e2", source: "ask", sourcePort: "answered", target: "echo" },
      { id: "e3", source: "ask", sourcePort: "gave_up", target: "handoff" },
      { id: "e4", source: "echo", sourcePort: "next", target: "ask" },
    ],
  };
  return flowDocumentSchema.parse(input);
}

/** Seeds a fresh database (admin, channels) and makes `flow` live on the default WhatsApp channel. */
export async function prepareWorld(
  handle: DatabaseHandle,
  options: { graphUrl: string; flow: FlowDocument },
): Promise<{ flowId: string; versionId: string }> {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  installDatabase(handle);
  forgetCachedCredentials();
  await seedDatabase(handle.db, {
    authSecret: TEST_AUTH_SECRET,
    env: { ADMIN_PASSWORD: "admin-password-1", WHATSAPP_GRAPH_URL: options.graphUrl },
  });
  return handle.db.transaction(async (tx) => {
    const [flow] = await tx.insert(flows).values({ name: options.flow.name, draft: options.flow }).returning({ id: flows.id });
    if (!flow) throw new Error("no flow");
    const version = await insertLiveVersion(tx, { flowId: flow.id, document: options.flow, authorId: null, note: "test" });
    await tx.update(channels).set({ flowId: flow.id }).where(eq(channels.phoneNumberId, PHONE_NUMBER_ID));
    return { flowId: flow.id, versionId: version.id };
  });
}


export async function countInboundReceipts(handle: DatabaseHandle): Promise<number> {
  const [row] = await handle.db.select({ total: count() }).from(inboundReceipts);
  return row?.total ?? 0;
}

export async function listOutbox(handle: DatabaseHandle) {
  return handle.db.select().from(outbox).orderBy(asc(outbox.createdAt), asc(outbox.seq));
}

export async function listConversations(handle: DatabaseHandle) {
  return handle.db.select().from(conversations);
}

/** Every message of the customer's conversations, in conversation order. */
export async function transcriptOf(handle: DatabaseHandle, customerKey: string) {
  return handle.db
    .select({
      seq: messages.seq,
      author: messages.author,
      text: messages.text,
      content: messages.content,
      deliveryStatus: messages.deliveryStatus,
      waMessageId: messages.waMessageId,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(conversations.customerKey, customerKey))
    .orderBy(asc(conversations.startedAt), asc(messages.seq));
}

/** Puts claimed rows back as if their sender had died mid-send long ago. */
export async function expireSendingLeases(handle: DatabaseHandle): Promise<void> {
  await handle.db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outbox.status, "sending"));
}

export async function setConversationStatus(handle: DatabaseHandle, customerKey: string, status: "active" | "handoff" | "ended") {
  await handle.db.update(conversations).set({ status }).where(eq(conversations.customerKey, customerKey));
}
