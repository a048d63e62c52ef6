import { expect, test } from "@playwright/test";
import { buildSignedWebhook } from "../runtime/whatsapp/build-webhook-payload";

// The seeded default channel (db/seed.ts) with its local defaults; the app sends to the fake Graph API of the e2e run.
const CHANNEL = { phoneNumberId: "100000000000001", appSecret: "threadline-dev-secret", verifyToken: "threadline-verify-token" };
const graphUrl = process.env.E2E_GRAPH_URL ?? "";

type Sent = { to: string; body: { text?: { body?: string }; interactive?: { body?: { text?: string } } } };
const sentTo = async (to: string): Promise<string[]> => {
  const response = await fetch(`${graphUrl}/__sent`);
  const sent = (await response.json()) as Sent[];
  return sent.filter((send) => send.to === to).map((send) => send.body.text?.body ?? send.body.interactive?.body?.text ?? "");
};

let counter = 0;
function signed(from: string, text: string) {
  counter += 1;
  return buildSignedWebhook({
    phoneNumberId: CHANNEL.phoneNumberId,
    appSecret: CHANNEL.appSecret,
    messages: [{ from, id: `wamid.E2E${Date.now()}.${counter}`, timestamp: Math.floor(Date.now() / 1000), content: { type: "text", text } }],
  });
}

test.describe("the live WhatsApp path of a fresh install", () => {
  test("answers Meta's verification handshake", async ({ request }) => {
    const ok = await request.get(
      `/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=424242&hub.verify_token=${CHANNEL.verifyToken}`,
    );
    const refused = await request.get("/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope");

    expect(ok.status()).toBe(200);
    expect(await ok.text()).toBe("424242");
    expect(refused.status()).toBe(403);
  });

  test("a customer's signed messages get the Complete support desk's answers through the outbox", async ({ request }) => {
    const customer = `1555${String(Date.now()).slice(-7)}`;

    const first = signed(customer, "hi");
    const response = await request.post("/api/webhooks/whatsapp", {
      headers: { "content-type": "application/json", "x-hub-signature-256": first.signature },
      data: first.body,
    });
    expect(response.status()).toBe(200);
    await expect.poll(() => sentTo(`+${customer}`)).toEqual([
      expect.stringContaining("support assistant"),
      expect.stringContaining("What can I help you with"),
    ]);

    const second = signed(customer, "wheres my parcel");
    await request.post("/api/webhooks/whatsapp", {
      headers: { "content-type": "application/json", "x-hub-signature-256": second.signature },
      data: second.body,
    });
    await expect.poll(async () => (await sentTo(`+${customer}`)).at(-1)).toContain("order number");
  });

  test("refuses a body with a wrong signature", async ({ request }) => {
    const { body } = signed("15550009999", "hi");

    const response = await request.post("/api/webhooks/whatsapp", {
      headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
      data: body,
    });

    expect(response.status()).toBe(401);
  });
});
