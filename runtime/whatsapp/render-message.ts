import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";
import { assertNever } from "@/lib/result";
import type {
  CloudApiEnvelope,
  CloudApiInteractive,
  CloudApiListSection,
  CloudApiMediaObject,
  CloudApiMessage,
  CloudApiRecipient,
} from "./cloud-api-message";
import { cutText, fitText } from "./fit-text";

/** Label of the list opened when a buttons message has more buttons than WhatsApp allows. */
export const OVERFLOW_LIST_BUTTON = "Options";

// pywa's limit for biz_opaque_callback_data (whatsapp-facts §8).
const CALLBACK_DATA_LIMIT = 512;
const PHONE = /^\+?[\d\s\-().]+$/;
const URL_IN_TEXT = /https?:\/\/\S/i;
const MEDIA_LINK = /^https?:\/\//i;

/**
 * Renders an engine message to the body of POST /{phone-number-id}/messages. The publish validator enforces
 * WhatsApp's limits; this renderer still fits every field so that an old or imported flow degrades (cut text,
 * buttons shown as a list) instead of being rejected by Graph with error 100.
 *
 * `to` is the conversation's customer key: phone digits become E.164, anything else is a BSUID.
 */
export function renderMessage(
  message: OutgoingMessage,
  to: string,
  options: { replyToMessageId?: string; callbackData?: string } = {},
): CloudApiMessage {
  const envelope: CloudApiEnvelope = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    ...renderRecipient(to),
    ...(options.replyToMessageId !== undefined && { context: { message_id: options.replyToMessageId } }),
    ...(options.callbackData !== undefined && {
      biz_opaque_callback_data: cutText(options.callbackData, CALLBACK_DATA_LIMIT),
    }),
  };

  switch (message.kind) {
    case "text": {
      const body = fitText(message.text, WA_LIMITS.textBody);
      // Only the first http(s) URL gets a preview; without a URL the flag would be meaningless.
      return { ...envelope, type: "text", text: URL_IN_TEXT.test(body) ? { body, preview_url: true } : { body } };
    }
    case "buttons":
      return { ...envelope, type: "interactive", interactive: renderButtons(message) };
    case "list":
      return { ...envelope, type: "interactive", interactive: renderList(message) };
    case "media":
      return renderMedia(envelope, message);
    case "location_request":
      return {
        ...envelope,
        type: "interactive",
        interactive: {
          type: "location_request_message",
          body: { text: fitText(message.body, WA_LIMITS.interactiveBody) },
          action: { name: "send_location" },
        },
      };
    case "template":
      return {
        ...envelope,
        type: "template",
        template: {
          name: message.name,
          language: { code: message.language },
          ...(message.parameters.length > 0 && {
            components: [{ type: "body", parameters: message.parameters.map((text) => ({ type: "text", text })) }],
          }),
        },
      };
    default:
      return assertNever(message);
  }
}

/** Without "+", Graph prepends the business number's country code and misdelivers (whatsapp-facts §7). */
export function renderRecipient(customerKey: string): CloudApiRecipient {
  const key = customerKey.trim();
  if (PHONE.test(key)) return { to: "+" + key.replace(/\D/g, "") };
  return { recipient: key };
}

type ButtonsMessage = Extract<OutgoingMessage, { kind: "buttons" }>;
type ListMessage = Extract<OutgoingMessage, { kind: "list" }>;

function renderButtons(message: ButtonsMessage): CloudApiInteractive {
  if (message.buttons.length > WA_LIMITS.buttonsPerMessage) {
    return renderList({
      kind: "list",
      body: message.body,
      ...(message.header !== undefined && { header: message.header }),
      ...(message.footer !== undefined && { footer: message.footer }),
      button: OVERFLOW_LIST_BUTTON,
      sections: [{ title: "", rows: message.buttons }],
    });
  }
  const titles = uniqueTitles(
    message.buttons.map((button) => button.title),
    WA_LIMITS.buttonTitle,
  );
  const ids = uniqueIds(
    message.buttons.map((button) => button.id),
    WA_LIMITS.buttonId,
  );
  return {
    type: "button",
    ...headerAndFooter(message),
    body: { text: fitText(message.body, WA_LIMITS.interactiveBody) },
    action: {
      buttons: message.buttons.map((button, index) => ({
        type: "reply",
        reply: { id: ids[index] ?? `option-${index + 1}`, title: titles[index] ?? button.title },
      })),
    },
  };
}

function renderList(message: ListMessage): CloudApiInteractive {
  const button = fitText(message.button.trim(), WA_LIMITS.listButtonLabel) || OVERFLOW_LIST_BUTTON;
  // The 10-row cap is across all sections combined (the safest reading of Meta's two sources).
  let rowsLeft: number = WA_LIMITS.listRowsTotal;
  const kept = message.sections.slice(0, WA_LIMITS.listSections).flatMap((section) => {
    const rows = section.rows.slice(0, rowsLeft);
    rowsLeft -= rows.length;
    return rows.length > 0 ? [{ title: section.title, rows }] : [];
  });
  const ids = uniqueIds(
    kept.flatMap((section) => section.rows.map((row) => row.id)),
    WA_LIMITS.rowId,
  );

  let rowIndex = 0;
  const sections: CloudApiListSection[] = kept.map((section) => ({
    // Required once there is more than one section; always set, so adding a section never breaks a list.
    title: fitText(section.title.trim(), WA_LIMITS.sectionTitle) || fitText(button, WA_LIMITS.sectionTitle),
    rows: section.rows.map((row) => {
      const index = rowIndex++;
      const description = row.description?.trim();
      return {
        id: ids[index] ?? `option-${index + 1}`,
        title: fitText(row.title.trim(), WA_LIMITS.rowTitle) || `Option ${index + 1}`,
        ...(description && { description: fitText(description, WA_LIMITS.rowDescription) }),
      };
    }),
  }));
  return {
    type: "list",
    ...headerAndFooter(message),
    body: { text: fitText(message.body, WA_LIMITS.interactiveBody) },
    action: { button, sections },
  };
}

function headerAndFooter(message: { header?: string; footer?: string }) {
  const header = message.header?.trim();
  const footer = message.footer?.trim();
  return {
    ...(header && { header: { type: "text" as const, text: fitText(header, WA_LIMITS.headerText) } }),
    ...(footer && { footer: { text: fitText(footer, WA_LIMITS.footerText) } }),
  };
}

/**
 * Graph rejects ids with leading or trailing spaces and repeated ids; a repeat gets "-2", "-3"… and an id made
 * empty by trimming gets a positional one. The engine will not recognise a changed id, but re-asking beats a
 * message Graph refuses (131009) and the customer never sees.
 */
function uniqueIds(ids: readonly string[], limit: number): string[] {
  const seen = new Set<string>();
  return ids.map((raw, index) => {
    const source = cutText(raw.trim(), limit) || `option-${index + 1}`;
    let id = source;
    for (let n = 2; seen.has(id); n++) {
      const suffix = `-${n}`;
      id = cutText(source, limit - suffix.length) + suffix;
    }
    seen.add(id);
    return id;
  });
}

/** Button titles must be unique within a message; a repeat gets " 2", " 3"… inside the length limit. */
function uniqueTitles(titles: readonly string[], limit: number): string[] {
  const seen = new Set<string>();
  return titles.map((raw, index) => {
    const source = raw.trim() || `Option ${index + 1}`;
    let title = fitText(source, limit);
    for (let n = 2; seen.has(title.toLowerCase()); n++) {
      const suffix = ` ${n}`;
      title = cutText(source, limit - suffix.length).trimEnd() + suffix;
    }
    seen.add(title.toLowerCase());
    return title;
  });
}

type MediaMessage = Extract<OutgoingMessage, { kind: "media" }>;

function renderMedia(envelope: CloudApiEnvelope, message: MediaMessage): CloudApiMessage {
  const source = MEDIA_LINK.test(message.url) ? { link: message.url } : { id: message.url };
  const caption = message.caption?.trim();
  const filename = message.filename?.trim();
  // Audio has no caption field; only documents carry a file name.
  const media: CloudApiMediaObject = {
    ...source,
    ...(caption && message.mediaType !== "audio" && { caption: fitText(caption, WA_LIMITS.mediaCaption) }),
    ...(filename && message.mediaType === "document" && { filename }),
  };
  switch (message.mediaType) {
    case "image":
      return { ...envelope, type: "image", image: media };
    case "video":
      return { ...envelope, type: "video", video: media };
    case "audio":
      return { ...envelope, type: "audio", audio: media };
    case "document":
      return { ...envelope, type: "document", document: media };
    default:
      return assertNever(message.mediaType);
  }
}
