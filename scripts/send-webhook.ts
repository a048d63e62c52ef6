/*
 * Posts a correctly signed WhatsApp Cloud API webhook to the local app, so the live path can be tried
 * without a Meta account:
 *   npx tsx scripts/send-webhook.ts --from 15551234567 --text "where is my order"
 *   npx tsx scripts/send-webhook.ts --from 15551234567 --button billing --title Billing
 *   npx tsx scripts/send-webhook.ts --from 15551234567 --list row-1 --title "Row 1"
 */
import { parseArgs } from "node:util";
import { buildSignedWebhook, newWamid, type WebhookContent } from "../runtime/whatsapp/build-webhook-payload";

const USAGE = `usage: send-webhook --from <phone digits> (--text <text> | --button <id> --title <title> | --list <id> --title <title>)
       [--name <profile name>] [--user-id <BSUID>] [--context <wamid>] [--url <webhook url>] [--secret <app secret>]
       [--phone-number-id <id>]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: "string" },
      "user-id": { type: "string" },
      text: { type: "string" },
      button: { type: "string" },
      list: { type: "string" },
      title: { type: "string" },
      name: { type: "string" },
      context: { type: "string" },
      url: { type: "string", default: "http://127.0.0.1:3000/api/webhooks/whatsapp" },
      // An empty environment variable counts as unset, hence || rather than ??.
      secret: { type: "string", default: process.env.WHATSAPP_APP_SECRET || "threadline-dev-secret" },
      "phone-number-id": { type: "string", default: process.env.WHATSAPP_PHONE_NUMBER_ID || "100000000000001" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const from = values.from?.replace(/^\+/, "");
  const userId = values["user-id"];
  if (from === undefined && userId === undefined) fail("--from (or --user-id) is required");
  if (from !== undefined && !/^\d{5,15}$/.test(from)) fail(`--from must be phone digits, got "${from}"`);

  const chosen = [values.text, values.button, values.list].filter((v) => v !== undefined);
  if (chosen.length !== 1) fail("give exactly one of --text, --button, --list");
  let content: WebhookContent;
  if (values.text !== undefined) {
    content = { type: "text", text: values.text };
  } else {
    const id = values.button ?? values.list ?? "";
    const title = values.title ?? id;
    content = values.button !== undefined ? { type: "button_reply", id, title } : { type: "list_reply", id, title };
  }

  const { body, signature } = buildSignedWebhook({
    appSecret: values.secret,
    phoneNumberId: values["phone-number-id"],
    messages: [
      {
        ...(from !== undefined && { from }),
        ...(userId !== undefined && { userId }),
        ...(values.name !== undefined && { name: values.name }),
        ...(values.context !== undefined && { contextId: values.context }),
        id: newWamid(),
        timestamp: Math.floor(Date.now() / 1000),
        content,
      },
    ],
  });

  let response: Response;
  try {
    response = await fetch(values.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    console.error(`could not reach ${values.url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
    process.exit(1);
  }
  const text = await response.text();
  console.log(`${response.status} ${response.statusText}${text ? ` ${text}` : ""}`);
  if (!response.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
