import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { assertNever } from "@/lib/result";
import { isRecord } from "./is-record";
import {
  interactiveMessageSchema,
  locationMessageSchema,
  mediaPayloadSchema,
  templateButtonMessageSchema,
  textMessageSchema,
} from "./webhook-schema";

const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"] as const;
type InboundMediaType = (typeof MEDIA_TYPES)[number];

const isMediaType = (type: string): type is InboundMediaType => (MEDIA_TYPES as readonly string[]).includes(type);

/**
 * Turns one inbound Cloud API message into what the engine understands. Anything the engine cannot use,
 * including a known type whose payload is malformed, becomes `unsupported` so the flow answers with its fallback
 * instead of the whole webhook failing.
 */
export function messageToInput(type: string, message: unknown): CustomerInput {
  const unsupported: CustomerInput = { kind: "unsupported", type };

  if (type === "text") {
    const parsed = textMessageSchema.safeParse(message);
    return parsed.success ? { kind: "text", text: parsed.data.text.body } : unsupported;
  }

  if (type === "interactive") {
    const parsed = interactiveMessageSchema.safeParse(message);
    if (!parsed.success) return unsupported;
    const interactive = parsed.data.interactive;
    switch (interactive.type) {
      case "button_reply":
        return { kind: "choice", id: interactive.button_reply.id, title: interactive.button_reply.title };
      case "list_reply":
        return { kind: "choice", id: interactive.list_reply.id, title: interactive.list_reply.title };
      case "nfm_reply":
        // WhatsApp Flows completions: Threadline never sends a Flow, so there is no prompt to match this to.
        return { kind: "unsupported", type: "nfm_reply" };
      default:
        return assertNever(interactive);
    }
  }

  if (type === "button") {
    const parsed = templateButtonMessageSchema.safeParse(message);
    if (!parsed.success) return unsupported;
    const { payload, text } = parsed.data.button;
    const id = payload ?? text ?? "";
    return { kind: "choice", id, title: text ?? id };
  }

  if (isMediaType(type)) {
    const parsed = mediaPayloadSchema.safeParse(isRecord(message) ? message[type] : undefined);
    if (!parsed.success) return unsupported;
    const media = parsed.data;
    return {
      kind: "media",
      mediaType: type,
      mimeType: media.mime_type,
      mediaId: media.id,
      ...(media.sha256 !== undefined && { sha256: media.sha256 }),
      ...(media.filename !== undefined && { filename: media.filename }),
      ...(media.caption !== undefined && { caption: media.caption }),
    };
  }

  if (type === "location") {
    const parsed = locationMessageSchema.safeParse(message);
    if (!parsed.success) return unsupported;
    const { latitude, longitude, name, address } = parsed.data.location;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return unsupported;
    return {
      kind: "location",
      latitude,
      longitude,
      ...(name !== undefined && { name }),
      ...(address !== undefined && { address }),
    };
  }

  return unsupported;
}
