import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildSignedWebhook, buildWebhookPayload, newWamid } from "./build-webhook-payload";
import { parseWebhookBody } from "./parse-webhook";
import { verifySignature } from "./verify-signature";

describe("buildWebhookPayload", () => {
  it("produces a body whose signature verifies over its exact bytes", () => {
    const { body, signature } = buildSignedWebhook({
      appSecret: "threadline-dev-secret",
      phoneNumberId: "100000000000001",
      messages: [{ from: "15551234567", name: "José", id: "wamid.A", timestamp: 1749416383, content: { type: "text", text: "Olá 👍" } }],
    });

    const accepted = verifySignature({ appSecret: "threadline-dev-secret", rawBody: Buffer.from(body, "utf8"), signature });
    const reserialised = verifySignature({ appSecret: "threadline-dev-secret", rawBody: JSON.stringify(JSON.parse(body)), signature });

    expect(accepted).toBe(true);
    expect(reserialised).toBe(false);
  });

  it("escapes non-ASCII as lowercase \\uXXXX, emoji as surrogate pairs, and slashes like Meta", () => {
    const body = buildWebhookPayload({
      phoneNumberId: "1",
      messages: [{ from: "1", id: "wamid.A", timestamp: 1, content: { type: "text", text: "Olá 👍 a/b" } }],
    });

    expect(body).toContain(String.raw`"body":"Ol\u00e1 \ud83d\udc4d a\/b"`);
    expect(/[^\x00-\x7f]/.test(body)).toBe(false);
  });

  it("reproduces vector B byte for byte, signature included", () => {
    const vectorB = String.raw`{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"messages":[{"from":"16505551234","id":"wamid.TEST1","timestamp":"1749416383","type":"text","text":{"body":"Ol\u00e1"}}]}}]}]}`;

    const { body, signature } = buildSignedWebhook({
      appSecret: "my_app_secret",
      phoneNumberId: "106540352242922",
      displayPhoneNumber: "15550783881",
      wabaId: "102290129340398",
      includeContacts: false,
      messages: [{ from: "16505551234", id: "wamid.TEST1", timestamp: 1749416383, content: { type: "text", text: "Olá" } }],
    });

    expect(body).toBe(vectorB);
    expect(signature).toBe("sha256=d4d004beb2e4e646ea1a831f335434139fa7707468826c0ee6113d59c1d17c31");
  });

  it("builds every kind of message so that the parser reads back what was meant", () => {
    const body = buildWebhookPayload({
      phoneNumberId: "100000000000001",
      messages: [
        { from: "15551234567", id: "wamid.1", timestamp: 10, content: { type: "text", text: "where is my order" } },
        { from: "15551234567", id: "wamid.2", timestamp: 11, contextId: "wamid.P", content: { type: "button_reply", id: "billing", title: "Billing" } },
        { from: "15551234567", id: "wamid.3", timestamp: 12, content: { type: "list_reply", id: "row-1", title: "Row 1", description: "d" } },
        { from: "15551234567", id: "wamid.4", timestamp: 13, content: { type: "button", payload: "stop", text: "Stop" } },
        {
          from: "15551234567",
          id: "wamid.5",
          timestamp: 14,
          content: { type: "document", mediaId: "m1", mimeType: "application/pdf", filename: "r.pdf", caption: "receipt" },
        },
        { from: "15551234567", id: "wamid.6", timestamp: 15, content: { type: "location", latitude: 1.5, longitude: 2.5 } },
        { userId: "US.42", id: "wamid.7", timestamp: 16, content: { type: "other", messageType: "reaction", fields: { reaction: { message_id: "wamid.P", emoji: "👍" } } } },
      ],
      statuses: [{ id: "wamid.S", status: "failed", timestamp: 17, recipientId: "15551234567", errors: [{ code: 131047, title: "Re-engagement message" }] }],
    });

    const parsed = parseWebhookBody(body);

    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.inbound.map((m) => m.input)).toEqual([
      { kind: "text", text: "where is my order" },
      { kind: "choice", id: "billing", title: "Billing" },
      { kind: "choice", id: "row-1", title: "Row 1" },
      { kind: "choice", id: "stop", title: "Stop" },
      { kind: "media", mediaType: "document", mimeType: "application/pdf", mediaId: "m1", filename: "r.pdf", caption: "receipt" },
      { kind: "location", latitude: 1.5, longitude: 2.5 },
      { kind: "unsupported", type: "reaction" },
    ]);
    expect(parsed.value.inbound[1]?.contextMessageId).toBe("wamid.P");
    expect(parsed.value.inbound[6]?.customerKey).toBe("US.42");
    expect(parsed.value.inbound[0]?.customerName).toBe("Test Customer");
    expect(parsed.value.statuses[0]).toMatchObject({ waMessageId: "wamid.S", status: "failed", errors: [{ code: 131047 }] });
  });

  it("lists each sender once in contacts", () => {
    const body = buildWebhookPayload({
      phoneNumberId: "1",
      messages: [
        { from: "1", name: "A", id: "wamid.1", timestamp: 1, content: { type: "text", text: "a" } },
        { from: "1", name: "A", id: "wamid.2", timestamp: 2, content: { type: "text", text: "b" } },
        { from: "2", name: "B", id: "wamid.3", timestamp: 3, content: { type: "text", text: "c" } },
      ],
    });

    const parsed = z
      .object({ entry: z.tuple([z.object({ changes: z.tuple([z.object({ value: z.object({ contacts: z.array(z.unknown()) }) })]) })]) })
      .parse(JSON.parse(body));
    const contacts = parsed.entry[0].changes[0].value.contacts;

    expect(contacts).toEqual([
      { profile: { name: "A" }, wa_id: "1" },
      { profile: { name: "B" }, wa_id: "2" },
    ]);
  });
});

describe("newWamid", () => {
  it("makes distinct wamid-shaped ids", () => {
    const ids = new Set(Array.from({ length: 100 }, newWamid));

    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
  });
});
