import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { channels, flows, type Channel } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { recordAudit } from "./audit";
import { lockOpenConversation, saveConversationTurn } from "./conversations";
import { openSecret, sealSecret } from "@/lib/server/secret-box";
import { resolveAuthSecret } from "@/lib/server/auth-secret";
import { requireRole, type Actor } from "@/lib/auth/roles";
import { err, ok, one, type Result } from "@/lib/result";

/** What the webhook needs to authenticate deliveries; secrets decrypted in memory only. */
export type WebhookCredentials = { phoneNumberId: string; verifyToken: string; appSecret: string };

let credentialsCache: { at: number; value: WebhookCredentials[] } | null = null;
const CREDENTIALS_TTL_MS = 5_000;

/** The verify tokens and app secrets of every WhatsApp channel, cached for a few seconds (hot path of every POST). */
export async function listWebhookCredentials(now = Date.now()): Promise<WebhookCredentials[]> {
  if (credentialsCache && now - credentialsCache.at < CREDENTIALS_TTL_MS) return credentialsCache.value;
  const db = await getDb();
  const rows = await db
    .select({ phoneNumberId: channels.phoneNumberId, verifyToken: channels.verifyToken, appSecret: channels.appSecretEncrypted })
    .from(channels)
    .where(eq(channels.kind, "whatsapp"));
  const secret = resolveAuthSecret();
  const value = rows.map((row) => ({ ...row, appSecret: openSecret(row.appSecret, secret) }));
  credentialsCache = { at: now, value };
  return value;
}

/** Call after any channel change: webhook credentials and sending channels are cached for a few seconds. */
export function forgetCachedCredentials(): void {
  credentialsCache = null;
  sendingCache.clear();
  inboundCache.clear();
}

const sendingCache = new Map<string, { at: number; value: SendingChannel | null }>();

const inboundCache = new Map<string, { at: number; value: Channel | null }>();

/**
 * The channel a webhook names, cached for a few seconds (hot path of every message). Joins the caller's
 * transaction on a cache miss so PGlite, which runs one transaction at a time, is never asked twice at once.
 */
export async function getCachedChannelByPhoneNumberId(tx: DbOrTx, phoneNumberId: string, now = Date.now()): Promise<Channel | null> {
  const cached = inboundCache.get(phoneNumberId);
  if (cached && now - cached.at < CREDENTIALS_TTL_MS) return cached.value;
  const value = await getChannelByPhoneNumberId(tx, phoneNumberId);
  inboundCache.set(phoneNumberId, { at: now, value });
  return value;
}

export async function getChannelByPhoneNumberId(tx: DbOrTx, phoneNumberId: string): Promise<Channel | null> {
  const [channel] = await tx.select().from(channels).where(eq(channels.phoneNumberId, phoneNumberId));
  return channel ?? null;
}

/** Sending credentials for the outbox; the token never leaves the server. */
export type SendingChannel = {
  id: string;
  kind: Channel["kind"];
  phoneNumberId: string;
  graphUrl: string;
  accessToken: string;
  status: Channel["status"];
};

export async function getSendingChannel(channelId: string, now = Date.now()): Promise<SendingChannel | null> {
  const cached = sendingCache.get(channelId);
  if (cached && now - cached.at < CREDENTIALS_TTL_MS) return cached.value;
  const value = await readSendingChannel(channelId);
  sendingCache.set(channelId, { at: now, value });
  return value;
}

async function readSendingChannel(channelId: string): Promise<SendingChannel | null> {
  const db = await getDb();
  const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    phoneNumberId: row.phoneNumberId,
    graphUrl: row.graphUrl,
    accessToken: row.kind === "whatsapp" ? openSecret(row.accessTokenEncrypted, resolveAuthSecret()) : "",
    status: row.status,
  };
}

/** Graph answered 190: stop sending on this number until an admin gives it a new token. */
export async function markChannelUnauthorized(channelId: string): Promise<void> {
  const db = await getDb();
  await db.update(channels).set({ status: "unauthorized" }).where(and(eq(channels.id, channelId), eq(channels.status, "active")));
  sendingCache.delete(channelId);
  inboundCache.clear();
}

/** A channel as the settings page sees it: secrets are never read, only whether they are set. */
export type ChannelSettings = {
  id: string;
  name: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifyToken: string;
  graphUrl: string;
  flowId: string | null;
  flowName: string | null;
  status: Channel["status"];
  hasAppSecret: boolean;
  hasAccessToken: boolean;
  updatedAt: Date;
};

export async function listChannelSettings(actor: Actor): Promise<ChannelSettings[]> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db
    .select({
      id: channels.id,
      name: channels.name,
      phoneNumberId: channels.phoneNumberId,
      displayPhoneNumber: channels.displayPhoneNumber,
      verifyToken: channels.verifyToken,
      graphUrl: channels.graphUrl,
      flowId: channels.flowId,
      flowName: flows.name,
      status: channels.status,
      hasAppSecret: sql<boolean>`${channels.appSecretEncrypted} <> ''`,
      hasAccessToken: sql<boolean>`${channels.accessTokenEncrypted} <> ''`,
      updatedAt: channels.updatedAt,
    })
    .from(channels)
    .leftJoin(flows, eq(flows.id, channels.flowId))
    .where(eq(channels.kind, "whatsapp"))
    .orderBy(asc(channels.createdAt));
}

export type ChannelFields = {
  name: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifyToken: string;
  graphUrl: string;
  flowId: string | null;
};

export type ChannelChangeError =
  | { code: "not-found"; message: string }
  | { code: "phone-number-taken"; message: string }
  | { code: "unknown-flow"; message: string };

const PHONE_NUMBER_TAKEN: ChannelChangeError = {
  code: "phone-number-taken",
  message: "Another channel already uses this phone number ID.",
};

async function checkFlow(tx: DbOrTx, flowId: string | null): Promise<boolean> {
  if (flowId === null) return true;
  const [flow] = await tx.select({ id: flows.id }).from(flows).where(and(eq(flows.id, flowId), isNull(flows.deletedAt)));
  return flow !== undefined;
}

/** Adds a WhatsApp number; both secrets are sealed before they reach the database. */
export async function createChannel(
  actor: Actor,
  input: ChannelFields & { appSecret: string; accessToken: string },
): Promise<Result<{ id: string }, ChannelChangeError>> {
  requireRole(actor, "admin");
  const db = await getDb();
  const secret = resolveAuthSecret();
  const result = await db.transaction(async (tx): Promise<Result<{ id: string }, ChannelChangeError>> => {
    if (!(await checkFlow(tx, input.flowId))) return err({ code: "unknown-flow", message: "That flow no longer exists." });
    const [taken] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.phoneNumberId, input.phoneNumberId));
    if (taken) return err(PHONE_NUMBER_TAKEN);
    const [row] = await tx
      .insert(channels)
      .values({
        kind: "whatsapp",
        name: input.name,
        phoneNumberId: input.phoneNumberId,
        displayPhoneNumber: input.displayPhoneNumber,
        verifyToken: input.verifyToken,
        graphUrl: input.graphUrl,
        flowId: input.flowId,
        appSecretEncrypted: sealSecret(input.appSecret, secret),
        accessTokenEncrypted: sealSecret(input.accessToken, secret),
      })
      .onConflictDoNothing({ target: channels.phoneNumberId })
      .returning({ id: channels.id });
    if (!row) return err(PHONE_NUMBER_TAKEN);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "channel.created",
      subjectType: "channel",
      subjectId: row.id,
      data: { name: input.name, phoneNumberId: input.phoneNumberId, flowId: input.flowId },
    });
    return ok(row);
  });
  forgetCachedCredentials();
  return result;
}

/**
 * Saves a channel's settings. Secrets left empty are kept; a new access token makes an unauthorized channel
 * active again, so the outbox resumes sending on it. The audit row names what changed, never the secrets.
 */
export async function updateChannel(
  actor: Actor,
  input: ChannelFields & { channelId: string; appSecret?: string; accessToken?: string },
): Promise<Result<{ id: string; changed: string[] }, ChannelChangeError>> {
  requireRole(actor, "admin");
  const db = await getDb();
  const secret = resolveAuthSecret();
  const result = await db.transaction(async (tx): Promise<Result<{ id: string; changed: string[] }, ChannelChangeError>> => {
    const [current] = await tx
      .select()
      .from(channels)
      .where(and(eq(channels.id, input.channelId), eq(channels.kind, "whatsapp")))
      .for("update");
    if (!current) return err({ code: "not-found", message: "This channel no longer exists." });
    if (!(await checkFlow(tx, input.flowId))) return err({ code: "unknown-flow", message: "That flow no longer exists." });
    if (input.phoneNumberId !== current.phoneNumberId) {
      const [taken] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.phoneNumberId, input.phoneNumberId));
      if (taken) return err(PHONE_NUMBER_TAKEN);
    }
    const plain = {
      name: input.name,
      phoneNumberId: input.phoneNumberId,
      displayPhoneNumber: input.displayPhoneNumber,
      verifyToken: input.verifyToken,
      graphUrl: input.graphUrl,
      flowId: input.flowId,
    } satisfies ChannelFields;
    const changed: string[] = (Object.keys(plain) as (keyof ChannelFields)[]).filter((key) => plain[key] !== current[key]);
    const appSecret = input.appSecret ? sealSecret(input.appSecret, secret) : undefined;
    const accessToken = input.accessToken ? sealSecret(input.accessToken, secret) : undefined;
    if (appSecret) changed.push("appSecret");
    if (accessToken) changed.push("accessToken");
    await tx
      .update(channels)
      .set({
        ...plain,
        ...(appSecret ? { appSecretEncrypted: appSecret } : {}),
        ...(accessToken ? { accessTokenEncrypted: accessToken, status: "active" as const } : {}),
      })
      .where(eq(channels.id, current.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "channel.updated",
      subjectType: "channel",
      subjectId: current.id,
      data: {
        name: input.name,
        changed,
        ...(changed.includes("flowId") ? { fromFlowId: current.flowId, toFlowId: input.flowId } : {}),
        ...(accessToken && current.status !== "active" ? { reactivated: true } : {}),
      },
    });
    return ok({ id: current.id, changed });
  });
  forgetCachedCredentials();
  return result;
}

/**
 * Queues a text to a phone number on a channel, in the customer's open conversation (created when there is none),
 * through the outbox like any reply. `payload` is the Cloud API body the caller rendered.
 */
export async function queueTestMessage(
  actor: Actor,
  input: { channelId: string; to: string; text: string; payload: unknown },
): Promise<Result<{ conversationId: string; outboxId: string }, { code: "not-found"; message: string }>> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [channel] = await tx
      .select({ id: channels.id, name: channels.name })
      .from(channels)
      .where(and(eq(channels.id, input.channelId), eq(channels.kind, "whatsapp")));
    if (!channel) return err({ code: "not-found" as const, message: "This channel no longer exists." });
    const { conversation } = await lockOpenConversation(tx, {
      channelId: channel.id,
      customerKey: input.to,
      customerPhone: input.to,
      isSimulated: false,
    });
    const saved = await saveConversationTurn(tx, conversation, {
      messages: [
        {
          direction: "outbound",
          author: "agent",
          content: { kind: "text", text: input.text },
          text: input.text,
          outboxPayload: input.payload,
        },
      ],
      events: [],
      update: {},
    });
    const outboxId = one(saved.outboxIds, "outbox row");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "channel.test_message_sent",
      subjectType: "channel",
      subjectId: channel.id,
      data: { name: channel.name, to: input.to },
    });
    return ok({ conversationId: conversation.id, outboxId });
  });
}
