import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseWebhookBody } from "../runtime/whatsapp/parse-webhook";
import { verifySignature } from "../runtime/whatsapp/verify-signature";

const run = promisify(execFile);
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./send-webhook.ts", import.meta.url));

type Received = { url: string; headers: IncomingHttpHeaders; body: Buffer };

async function receiveOne(args: (url: string) => string[]): Promise<{ received: Received; stdout: string }> {
  let received: Received | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received = { url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  try {
    const { stdout } = await run(TSX, [SCRIPT, ...args(`http://127.0.0.1:${port}/api/webhooks/whatsapp`)], {
      env: { ...process.env, WHATSAPP_APP_SECRET: "", WHATSAPP_PHONE_NUMBER_ID: "" },
    });
    if (received === undefined) throw new Error("nothing was posted");
    return { received, stdout };
  } finally {
    server.close();
  }
}

describe("send-webhook CLI", () => {
  it("posts a signed text message that the receiver can verify and parse", async () => {
    const { received, stdout } = await receiveOne((url) => [
      "--from", "15551234567", "--text", "Olá, where is my order?", "--name", "Zoë", "--url", url,
      "--secret", "cli-secret", "--phone-number-id", "123456",
    ]);

    const signature = received.headers["x-hub-signature-256"];
    expect(stdout.trim()).toBe("200 OK");
    expect(received.url).toBe("/api/webhooks/whatsapp");
    expect(verifySignature({ appSecret: "cli-secret", rawBody: received.body, signature: typeof signature === "string" ? signature : null })).toBe(true);
    expect(received.body.toString()).toContain(String.raw`Ol\u00e1`);
    const parsed = parseWebhookBody(received.body.toString("utf8"));
    expect(parsed.ok && parsed.value.inbound[0]).toMatchObject({
      phoneNumberId: "123456",
      customerKey: "15551234567",
      customerName: "Zoë",
      input: { kind: "text", text: "Olá, where is my order?" },
    });
  });

  it("posts a list reply signed with the development secret by default", async () => {
    const { received } = await receiveOne((url) => ["--from", "15551234567", "--list", "row-2", "--title", "Row 2", "--url", url]);

    const signature = received.headers["x-hub-signature-256"];
    expect(verifySignature({ appSecret: "threadline-dev-secret", rawBody: received.body, signature: typeof signature === "string" ? signature : null })).toBe(true);
    const parsed = parseWebhookBody(received.body.toString("utf8"));
    expect(parsed.ok && parsed.value.inbound[0]).toMatchObject({
      phoneNumberId: "100000000000001",
      input: { kind: "choice", id: "row-2", title: "Row 2" },
    });
  });
});
