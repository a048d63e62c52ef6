import { randomBytes } from "node:crypto";
import { assertNever } from "@/lib/result";
import { signBody } from "./verify-signature";

/*
 * Builds webhook bodies the way Meta sends them (whatsapp-facts §3–§5): one entry per WABA, one change with
 * field "messages", a contacts[] entry per sender, timestamps as strings, non-ASCII escaped as \uXXXX. Used by
 * `npm run send-webhook`, the tests and the benchmark, so they all exercise the same bytes a real delivery has.
 */

export type WebhookContent =
  | { type: "text"; text: string }
  | { type: "button_reply"; id: string; title: string }
  | { type: "list_reply"; id: string; title: string; description?: string }
  /** A template quick-reply button. */
  | { type: "button"; payload: string; text: string }
  | {
      type: "image" | "video" | "audio" | "document" | "sticker";
      mediaId: string;
      mimeType: string;
      sha256?: string;
      caption?: string;
      filename?: string;
    }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  /** Any other message type, given as its payload fields (e.g. { type: "reaction", fields: { reaction: {…} } }). */
  | { type: "other"; messageType: string; fields: Record<string, unknown> };

export type WebhookMessageSpec = {
  /** Phone digits; omit to simulate a customer known only by BSUID. */
  from?: string;
  /** BSUID, e.g. "US.13491208655302741918". */
  userId?: string;
  name?: string;
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** wamid of the business message being answered. */
  contextId?: string;
  content: WebhookContent;
};

export type WebhookStatusSpec = {
  id: string;
  status: string;
  timestamp: number;
  recipientId?: string;
  errors?: { code: number; title?: string; message?: string; details?: string }[];
};

export type WebhookPayloadInput = {
  phoneNumberId: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  messages?: WebhookMessageSpec[];
  statuses?: WebhookStatusSpec[];
  /** System messages arrive without contacts[]; default true. */
  includeContacts?: boolean;
};

/** The raw body, byte for byte as Meta would send it. */
export function buildWebhookPayload(input: WebhookPayloadInput): string {
  const messages = input.messages ?? [];
  const statuses = input.statuses ?? [];
  const senders = new Map<string, Record<string, unknown>>();
  for (const message of messages) {
    const key = message.userId ?? message.from ?? "";
    if (senders.has(key)) continue;
    senders.set(key, {
      profile: { name: message.name ?? "Test Customer" },
      ...(message.from !== undefined && { wa_id: message.from }),
      ...(message.userId !== undefined && { user_id: message.userId }),
    });
  }

  const value: Record<string, unknown> = {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: input.displayPhoneNumber ?? "15550783881", phone_number_id: input.phoneNumberId },
    ...(messages.length > 0 && input.includeContacts !== false && { contacts: [...senders.values()] }),
    ...(messages.length > 0 && { messages: messages.map(renderInboundMessage) }),
    ...(statuses.length > 0 && { statuses: statuses.map(renderStatus) }),
  };
  const body = {
    object: "whatsapp_business_account",
    entry: [{ id: input.wabaId ?? "102290129340398", changes: [{ field: "messages", value }] }],
  };
  return escapeLikeMeta(JSON.stringify(body));
}

/** The body and its X-Hub-Signature-256 header value. */
export function buildSignedWebhook(input: WebhookPayloadInput & { appSecret: string }): { body: string; signature: string } {
  const body = buildWebhookPayload(input);
  return { body, signature: signBody(input.appSecret, body) };
}

/** A fresh wamid-shaped id: "wamid." + opaque base64, as Meta's are. */
export function newWamid(): string {
  return "wamid." + randomBytes(24).toString("base64");
}

/**
 * Meta signs "an escaped unicode version of the payload, with lowercase hex digits" and, like PHP's
 * json_encode, escapes "/" as "\/". Escaping every UTF-16 unit keeps emoji as surrogate pairs (\ud83d\udc4d).
 */
export function escapeLikeMeta(json: string): string {
  return json
    .replace(/\//g, "\\/")
    .replace(/[\u0080-\uffff]/g, (char) => "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0"));
}

function renderInboundMessage(message: WebhookMessageSpec): Record<string, unknown> {
  const base = {
    ...(message.contextId !== undefined && { context: { from: "15550783881", id: message.contextId } }),
    ...(message.from !== undefined && { from: message.from }),
    ...(message.userId !== undefined && { from_user_id: message.userId }),
    id: message.id,
    timestamp: String(message.timestamp),
  };
  const content = message.content;
  switch (content.type) {
    case "text":
      return { ...base, type: "text", text: { body: content.text } };
    case "button_reply":
      return {
        ...base,
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: content.id, title: content.title } },
      };
    case "list_reply":
      return {
        ...base,
        type: "interactive",
        interactive: {
          type: "list_reply",
          list_reply: {
            id: content.id,
            title: content.title,
            ...(content.description !== undefined && { description: content.description }),
          },
        },
      };
    case "button":
      return { ...base, type: "button", button: { payload: content.payload, text: content.text } };
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return {
        ...base,
        type: content.type,
        [content.type]: {
          ...(content.caption !== undefined && { caption: content.caption }),
          ...(content.filename !== undefined && { filename: content.filename }),
          mime_type: content.mimeType,
          ...(content.sha256 !== undefined && { sha256: content.sha256 }),
          id: content.mediaId,
        },
      };
    case "location":
      return {
        ...base,
        type: "location",
        location: {
          latitude: content.latitude,
          longitude: content.longitude,
          ...(content.name !== undefined && { name: content.name }),
          ...(content.address !== undefined && { address: content.address }),
        },
      };
    case "other":
      return { ...base, type: content.messageType, ...content.fields };
    default:
      return assertNever(content);
  }
}

function renderStatus(status: WebhookStatusSpec): Record<string, unknown> {
  return {
    id: status.id,
    status: status.status,
    timestamp: String(status.timestamp),
    ...(status.recipientId !== undefined && { recipient_id: status.recipientId }),
    ...(status.errors !== undefined && {
      errors: status.errors.map((error) => ({
        code: error.code,
        title: error.title ?? error.message ?? "Error",
        message: error.message ?? error.title ?? "Error",
        ...(error.details !== undefined && { error_data: { details: error.details } }),
      })),
    }),
  };
}
