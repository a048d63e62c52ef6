import "server-only";
import { and, eq } from "drizzle-orm";
import { channels, type Channel } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { openSecret } from "@/lib/server/secret-box";
import { resolveAuthSecret } from "@/lib/server/auth-secret";

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

export function forgetCachedCredentials(): void {
  credentialsCache = null;
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

export async function getSendingChannel(channelId: string): Promise<SendingChannel | null> {
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
}
