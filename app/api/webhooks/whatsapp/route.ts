import { listWebhookCredentials } from "@/db/queries/channels";
import { receiveDelivery } from "@/runtime/inbound";
import { verifySignature } from "@/runtime/whatsapp/verify-signature";
import { parseWebhookBody } from "@/runtime/whatsapp/parse-webhook";
import { answerHandshake } from "@/runtime/whatsapp/verify-handshake";
import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";

export const dynamic = "force-dynamic";

const reply = (status: number, body: string | null = null) =>
  new Response(body, { status, headers: body === null ? undefined : { "content-type": "text/plain" } });

/** Meta's verification handshake when the callback URL is saved in the App Dashboard. */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const channels = await listWebhookCredentials();
  const challenge = channels.map((channel) => answerHandshake(query, channel.verifyToken)).find((answer) => answer !== null);
  return challenge === undefined ? reply(403, "forbidden") : reply(200, challenge);
}

export async function POST(request: Request) {
  try {
    return await acceptDelivery(request);
  } catch (error) {
    // Not 200, so Meta redelivers later (for up to 7 days): nothing is lost while the database is down.
    console.error(`whatsapp webhook failed: ${error instanceof Error ? error.message : String(error)}`);
    return reply(503);
  }
}

async function acceptDelivery(request: Request): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > WA_LIMITS.webhookBodyBytes) return reply(413);
  const rawBody = Buffer.from(await request.arrayBuffer());
  if (rawBody.byteLength > WA_LIMITS.webhookBodyBytes) return reply(413);

  const signature = request.headers.get("x-hub-signature-256");
  const channels = await listWebhookCredentials();
  if (!channels.some((channel) => verifySignature({ appSecret: channel.appSecret, rawBody, signature }))) return reply(401);

  const delivery = parseWebhookBody(rawBody.toString("utf8"));
  if (!delivery.ok) return reply(400);

  await receiveDelivery(delivery.value); // dedupe, lock, engine, state + outbox rows: committed before we answer
  return reply(200);
}
