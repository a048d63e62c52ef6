import { describe, expect, it } from "vitest";
import { parseWebhookBody, type ParsedDelivery } from "./parse-webhook";

// Payloads from shared/whatsapp-facts.md §3–§5 (ids shortened where the facts file elides them).
const METADATA = { display_phone_number: "15550783881", phone_number_id: "106540352242922" };
const CONTACT = { profile: { name: "Test User" }, wa_id: "16505551234", user_id: "US.13491208655302741918" };

function envelope(value: Record<string, unknown>, field = "messages"): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "102290129340398", changes: [{ field, value: { messaging_product: "whatsapp", metadata: METADATA, ...value } }] }],
  });
}

function parseOk(body: string): ParsedDelivery {
  const result = parseWebhookBody(body);
  if (!result.ok) throw new Error(`expected a delivery, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function parseOne(message: Record<string, unknown>, contacts: unknown[] = [CONTACT]) {
  const delivery = parseOk(envelope({ contacts, messages: [message] }));
  expect(delivery.inbound).toHaveLength(1);
  const [inbound] = delivery.inbound;
  if (inbound === undefined) throw new Error("no inbound message");
  return inbound;
}

describe("parseWebhookBody: envelope", () => {
  it("reads the documented text message with its sender and metadata", () => {
    const body = envelope({
      contacts: [CONTACT],
      messages: [
        {
          from: "16505551234",
          from_user_id: "US.13491208655302741918",
          id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
          timestamp: "1749416383",
          type: "text",
          text: { body: "Does it come in another color?" },
        },
      ],
    });

    const delivery = parseOk(body);

    expect(delivery.inbound).toEqual([
      expect.objectContaining({
        phoneNumberId: "106540352242922",
        displayPhoneNumber: "15550783881",
        waMessageId: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
        customerKey: "US.13491208655302741918",
        customerPhone: "16505551234",
        customerName: "Test User",
        timestamp: 1749416383,
        type: "text",
        input: { kind: "text", text: "Does it come in another color?" },
      }),
    ]);
    expect(delivery.statuses).toEqual([]);
    expect(delivery.errors).toEqual([]);
  });

  it("keeps the escaped non-ASCII text of vector B", () => {
    const body = String.raw`{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"messages":[{"from":"16505551234","id":"wamid.TEST1","timestamp":"1749416383","type":"text","text":{"body":"Ol\u00e1"}}]}}]}]}`;

    const [message] = parseOk(body).inbound;

    expect(message?.input).toEqual({ kind: "text", text: "Olá" });
    expect(message?.customerKey).toBe("16505551234");
  });

  it("keys the customer by phone when no BSUID is present", () => {
    const message = parseOne(
      { from: "16505551234", id: "wamid.1", timestamp: "1", type: "text", text: { body: "hi" } },
      [{ profile: { name: "A" }, wa_id: "16505551234" }],
    );

    expect(message.customerKey).toBe("16505551234");
  });

  it("accepts a sender known only by BSUID", () => {
    const message = parseOne(
      { from_user_id: "US.13491208655302741918", id: "wamid.2", timestamp: "2", type: "text", text: { body: "hi" } },
      [{ profile: { name: "Username User", username: "@user" }, user_id: "US.13491208655302741918" }],
    );

    expect(message.customerKey).toBe("US.13491208655302741918");
    expect(message.customerPhone).toBeUndefined();
    expect(message.customerName).toBe("Username User");
  });

  it("takes the BSUID from contacts when the message lacks from_user_id", () => {
    const message = parseOne({ from: "16505551234", id: "wamid.3", timestamp: "3", type: "text", text: { body: "x" } });

    expect(message.customerKey).toBe("US.13491208655302741918");
  });

  it("processes every message and status in every entry and change", () => {
    const text = (id: string, from: string) => ({ from, id, timestamp: "10", type: "text", text: { body: id } });
    const status = (id: string) => ({ id, status: "delivered", timestamp: "11", recipient_id: "16505551234" });
    const value = (phoneNumberId: string, extra: Record<string, unknown>) => ({
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "1555", phone_number_id: phoneNumberId },
      ...extra,
    });
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba-1",
          changes: [
            { field: "messages", value: value("pn-1", { messages: [text("wamid.a", "1"), text("wamid.b", "2")] }) },
            { field: "messages", value: value("pn-1", { statuses: [status("wamid.s1"), status("wamid.s2")] }) },
          ],
        },
        {
          id: "waba-2",
          changes: [
            { field: "message_template_status_update", value: { event: "APPROVED", message_template_id: 1 } },
            { field: "messages", value: value("pn-2", { messages: [text("wamid.c", "3")], statuses: [status("wamid.s3")] }) },
          ],
        },
      ],
    });

    const delivery = parseOk(body);

    expect(delivery.inbound.map((m) => [m.phoneNumberId, m.waMessageId])).toEqual([
      ["pn-1", "wamid.a"],
      ["pn-1", "wamid.b"],
      ["pn-2", "wamid.c"],
    ]);
    expect(delivery.statuses.map((s) => [s.phoneNumberId, s.waMessageId])).toEqual([
      ["pn-1", "wamid.s1"],
      ["pn-1", "wamid.s2"],
      ["pn-2", "wamid.s3"],
    ]);
  });

  it("returns an empty delivery for another webhook object", () => {
    const body = JSON.stringify({ object: "page", entry: [{ id: "1", changes: [] }] });

    expect(parseWebhookBody(body)).toEqual({ ok: true, value: { inbound: [], statuses: [], errors: [], dropped: [] } });
  });

  it("returns an empty delivery for vector A", () => {
    const delivery = parseOk(`{"object":"whatsapp_business_account","entry":[]}`);

    expect(delivery.inbound).toEqual([]);
  });

  it("ignores unknown fields at every level", () => {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      future_flag: true,
      entry: [
        {
          id: "1",
          time: 123,
          changes: [
            {
              field: "messages",
              extra: {},
              value: {
                metadata: { ...METADATA, new_thing: 1 },
                messages: [{ from: "1", id: "wamid.x", timestamp: "5", type: "text", text: { body: "a", fmt: 1 }, group_id: "g" }],
              },
            },
          ],
        },
      ],
    });

    expect(parseOk(body).inbound[0]?.input).toEqual({ kind: "text", text: "a" });
  });

  it.each([
    ["not JSON", "{", "invalid_json"],
    ["an empty body", "", "invalid_json"],
    ["a JSON array", "[]", "invalid_shape"],
    ["a JSON string", '"hello"', "invalid_shape"],
    ["an object without entry", '{"object":"whatsapp_business_account"}', "invalid_shape"],
    ["entry that is not an array", '{"object":"whatsapp_business_account","entry":{}}', "invalid_shape"],
    ["an entry without changes", '{"object":"whatsapp_business_account","entry":[{"id":"1"}]}', "invalid_shape"],
    [
      "a messages change without metadata",
      '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[]}}]}]}',
      "invalid_shape",
    ],
  ])("rejects %s", (_label, body, code) => {
    const result = parseWebhookBody(body);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it("drops a message without an id or sender but keeps its neighbours", () => {
    const body = envelope({
      messages: [
        { from: "1", timestamp: "5", type: "text", text: { body: "no id" } },
        { id: "wamid.nosender", timestamp: "5", type: "text", text: { body: "no sender" } },
        { from: "1", id: "wamid.ok", timestamp: "5", type: "text", text: { body: "fine" } },
      ],
    });

    const delivery = parseOk(body);

    expect(delivery.inbound.map((m) => m.waMessageId)).toEqual(["wamid.ok"]);
    expect(delivery.dropped.map((d) => d.path)).toEqual([
      "entry[0].changes[0].value.messages[0]",
      "entry[0].changes[0].value.messages[1]",
    ]);
  });
});

describe("parseWebhookBody: message types", () => {
  const base = { from: "16505551234", id: "wamid.M", timestamp: "1714510003" };

  it("maps an interactive reply button to a choice and keeps the prompt id", () => {
    const message = parseOne({
      ...base,
      context: { from: "15550783881", id: "wamid.PROMPT" },
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "change-button", title: "Change" } },
    });

    expect(message.input).toEqual({ kind: "choice", id: "change-button", title: "Change" });
    expect(message.contextMessageId).toBe("wamid.PROMPT");
    expect(message.type).toBe("interactive");
  });

  it("maps a list reply to a choice", () => {
    const message = parseOne({
      ...base,
      context: { from: "15550783881", id: "wamid.LIST" },
      type: "interactive",
      interactive: {
        type: "list_reply",
        list_reply: { id: "priority_express", title: "Priority Mail Express", description: "Next Day to 2 Days" },
      },
    });

    expect(message.input).toEqual({ kind: "choice", id: "priority_express", title: "Priority Mail Express" });
  });

  it("treats a WhatsApp Flow completion as unsupported", () => {
    const message = parseOne({
      ...base,
      type: "interactive",
      interactive: {
        type: "nfm_reply",
        nfm_reply: { name: "flow", body: "Sent", response_json: '{"flow_token":"AQAAAAACS5FpgQ_cAAAAAD0QI3s.","rating":"4"}' },
      },
    });

    expect(message.input).toEqual({ kind: "unsupported", type: "nfm_reply" });
  });

  it("treats an unknown interactive reply as unsupported", () => {
    const message = parseOne({ ...base, type: "interactive", interactive: { type: "call_permission_reply" } });

    expect(message.input).toEqual({ kind: "unsupported", type: "interactive" });
  });

  it("maps a template quick-reply button to a choice on its payload", () => {
    const message = parseOne({
      ...base,
      context: { from: "15550783881", id: "wamid.TEMPLATE" },
      type: "button",
      button: { payload: "Unsubscribe", text: "Unsubscribe" },
    });

    expect(message.input).toEqual({ kind: "choice", id: "Unsubscribe", title: "Unsubscribe" });
  });

  it("maps an image with caption and URL to media", () => {
    const message = parseOne({
      ...base,
      type: "image",
      image: {
        caption: "Front door",
        mime_type: "image/jpeg",
        sha256: "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=",
        id: "1003383421387256",
        url: "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=133",
      },
    });

    expect(message.input).toEqual({
      kind: "media",
      mediaType: "image",
      mimeType: "image/jpeg",
      mediaId: "1003383421387256",
      sha256: "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=",
      caption: "Front door",
    });
  });

  it("maps a document with its file name to media", () => {
    const message = parseOne({
      ...base,
      type: "document",
      document: {
        caption: "my receipt",
        filename: "receipt.pdf",
        mime_type: "application/pdf",
        sha256: "V5OPpLD/gEG6Xjg0MbmQDLFgcKsL+j5LfY4ny/pZ4MY=",
        id: "622684793477189",
      },
    });

    expect(message.input).toMatchObject({ kind: "media", mediaType: "document", filename: "receipt.pdf", caption: "my receipt" });
  });

  it.each([
    ["audio", { mime_type: "audio/ogg; codecs=opus", sha256: "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=", id: "1234567890987654321", voice: true }],
    ["video", { mime_type: "video/mp4", sha256: "abc", id: "55" }],
    ["sticker", { mime_type: "image/webp", sha256: "HcwyCKrTKXHk0a00ms4HWIA76GY0Du6q4Z/iuwevw=", id: "1234567890987654321", animated: true }],
  ])("maps %s to media", (type, payload) => {
    const message = parseOne({ ...base, type, [type]: payload });

    expect(message.input).toMatchObject({ kind: "media", mediaType: type, mimeType: payload.mime_type, mediaId: payload.id });
  });

  it("treats media without an id as unsupported", () => {
    const message = parseOne({ ...base, type: "image", image: { mime_type: "image/jpeg" } });

    expect(message.input).toEqual({ kind: "unsupported", type: "image" });
  });

  it("maps a shared location, with or without a name", () => {
    const named = parseOne({
      ...base,
      type: "location",
      location: { latitude: 37.44221496582, longitude: -122.16165924072, name: "Example Cafe", address: "1 Example St, Springfield", url: "https://example.com/" },
    });
    const current = parseOne({ ...base, type: "location", location: { latitude: "1.5", longitude: "-2" } });

    expect(named.input).toEqual({
      kind: "location",
      latitude: 37.44221496582,
      longitude: -122.16165924072,
      name: "Example Cafe",
      address: "1 Example St, Springfield",
    });
    expect(current.input).toEqual({ kind: "location", latitude: 1.5, longitude: -2 });
  });

  it.each([
    [
      "contacts",
      {
        contacts: [
          {
            name: { first_name: "José", last_name: "Contact", formatted_name: "José Contact" },
            org: { company: "Example Co" },
            phones: [{ phone: "+1 (983) 555-2319", wa_id: "19835552319", type: "MOBILE" }],
          },
        ],
      },
    ],
    ["reaction", { reaction: { message_id: "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", emoji: "👍" } }],
    ["reaction", { reaction: { message_id: "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" } }],
    [
      "order",
      {
        order: {
          catalog_id: "194836987003835",
          text: "",
          product_items: [{ product_retailer_id: "di9ozbzfi4", quantity: 2, item_price: 30, currency: "USD" }],
        },
      },
    ],
    [
      "unsupported",
      {
        errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }],
        unsupported: { type: "edit" },
      },
    ],
    ["unknown", { errors: [{ code: 131051, title: "Message type unknown" }] }],
    ["edit", { edit: { original_message_id: "wamid.ORIGINAL", message: { type: "text", text: { body: "corrected text" } } } }],
    ["revoke", { revoke: { original_message_id: "wamid.ORIGINAL" } }],
    ["request_welcome", {}],
    ["poll_creation_2030", { poll: { question: "?" } }],
  ])("keeps a %s message as unsupported with its raw payload", (type, payload) => {
    const raw = { ...base, type, ...payload };

    const message = parseOne(raw);

    expect(message.input).toEqual({ kind: "unsupported", type });
    expect(message.type).toBe(type);
    expect(message.raw).toEqual(raw);
  });

  it("keeps a system message even though its value has no contacts", () => {
    const message = parseOne(
      {
        from: "16505551234",
        id: "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==",
        timestamp: "1750269342",
        type: "system",
        system: { body: "User Test User changed from 16505551234 to 12195555358", wa_id: "12195555358", type: "user_changed_number" },
      },
      [],
    );

    expect(message.input).toEqual({ kind: "unsupported", type: "system" });
    expect(message.customerKey).toBe("16505551234");
  });

  it("turns a text message without a body into unsupported instead of failing the body", () => {
    const delivery = parseOk(
      envelope({
        messages: [
          { ...base, id: "wamid.bad", type: "text", text: {} },
          { ...base, id: "wamid.good", type: "text", text: { body: "ok" } },
        ],
      }),
    );

    expect(delivery.inbound.map((m) => m.input)).toEqual([
      { kind: "unsupported", type: "text" },
      { kind: "text", text: "ok" },
    ]);
  });
});

describe("parseWebhookBody: statuses and errors", () => {
  it("reads sent, delivered, read and played statuses", () => {
    const body = envelope({
      statuses: [
        {
          id: "wamid.S",
          status: "sent",
          timestamp: "1750030073",
          recipient_id: "16505551234",
          recipient_user_id: "US.13491208655302741918",
          conversation: { id: "72b14d6bd5407799e66f64d1b338e567", expiration_timestamp: "1750116480", origin: { type: "marketing" } },
          pricing: { billable: true, pricing_model: "PMP", type: "regular", category: "marketing" },
          biz_opaque_callback_data: "run-7",
        },
        { id: "wamid.D", status: "delivered", timestamp: "1750263773", recipient_id: "16505551234" },
        { id: "wamid.R", status: "read", timestamp: "1750030080", recipient_id: "16505551234" },
        { id: "wamid.P", status: "played", timestamp: "1750030090", recipient_user_id: "US.1" },
      ],
    });

    const { statuses } = parseOk(body);

    expect(statuses).toEqual([
      {
        phoneNumberId: "106540352242922",
        waMessageId: "wamid.S",
        status: "sent",
        timestamp: 1750030073,
        recipient: "16505551234",
        bizOpaqueCallbackData: "run-7",
        errors: [],
      },
      { phoneNumberId: "106540352242922", waMessageId: "wamid.D", status: "delivered", timestamp: 1750263773, recipient: "16505551234", errors: [] },
      { phoneNumberId: "106540352242922", waMessageId: "wamid.R", status: "read", timestamp: 1750030080, recipient: "16505551234", errors: [] },
      { phoneNumberId: "106540352242922", waMessageId: "wamid.P", status: "played", timestamp: 1750030090, recipient: "US.1", errors: [] },
    ]);
  });

  it("reads a failed status with its error code and details", () => {
    const body = envelope({
      statuses: [
        {
          id: "wamid.F",
          status: "failed",
          timestamp: "1751142888",
          recipient_id: "16505551234",
          errors: [
            {
              code: 131049,
              title: "This message was not delivered to maintain healthy ecosystem engagement.",
              message: "This message was not delivered to maintain healthy ecosystem engagement.",
              error_data: { details: "In order to maintain a healthy ecosystem engagement, the message failed to be delivered." },
              href: "/documentation/business-messaging/whatsapp/support/error-codes",
            },
          ],
        },
      ],
    });

    const [status] = parseOk(body).statuses;

    expect(status?.status).toBe("failed");
    expect(status?.errors).toEqual([
      {
        code: 131049,
        title: "This message was not delivered to maintain healthy ecosystem engagement.",
        message: "This message was not delivered to maintain healthy ecosystem engagement.",
        details: "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.",
      },
    ]);
  });

  it("keeps a status value it has never seen", () => {
    const [status] = parseOk(envelope({ statuses: [{ id: "wamid.X", status: "deleted", timestamp: "5" }] })).statuses;

    expect(status).toEqual({ phoneNumberId: "106540352242922", waMessageId: "wamid.X", status: "deleted", timestamp: 5, errors: [] });
  });

  it("reads account-level errors from value.errors", () => {
    const body = envelope({
      errors: [{ code: 131052, title: "Media download error", message: "Media download error", error_data: { details: "too big" } }],
    });

    expect(parseOk(body).errors).toEqual([
      { phoneNumberId: "106540352242922", code: 131052, title: "Media download error", message: "Media download error", details: "too big" },
    ]);
  });
});
