import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { err, ok, type Result } from "@/lib/result";
import { messageToInput } from "./message-to-input";
import { isRecord } from "./is-record";
import {
  changeSchema,
  contactSchema,
  entrySchema,
  envelopeSchema,
  graphErrorSchema,
  messageBaseSchema,
  messagesValueSchema,
  statusSchema,
} from "./webhook-schema";
import type { z } from "zod";

export type InboundMessage = {
  phoneNumberId: string;
  displayPhoneNumber?: string;
  waMessageId: string;
  /** Conversation key for this customer: BSUID ?? WhatsApp id ?? phone (whatsapp-facts §3). */
  customerKey: string;
  /** Digits without "+", when WhatsApp shared the phone number. */
  customerPhone?: string;
  customerName?: string;
  /** Unix seconds. */
  timestamp: number;
  /** wamid of the business message this one replies to (the prompt that carried the buttons). */
  contextMessageId?: string;
  /** The raw Cloud API type, e.g. "text", "interactive", "reaction", or a type that did not exist yet. */
  type: string;
  input: CustomerInput;
  raw: Record<string, unknown>;
};

export type DeliveryError = { code: number; title?: string; message?: string; details?: string };

export type StatusUpdate = {
  phoneNumberId: string;
  waMessageId: string;
  status: "sent" | "delivered" | "read" | "failed" | "played" | (string & {});
  /** Unix seconds. */
  timestamp: number;
  /** Phone digits or BSUID of the customer. */
  recipient?: string;
  bizOpaqueCallbackData?: string;
  errors: DeliveryError[];
};

/** An account-level error from `value.errors[]`: an operational alert, not tied to one message. */
export type WebhookError = DeliveryError & { phoneNumberId: string };

/** An item we could not use at all (no id, no sender, no timestamp): logged, never processed. */
export type DroppedItem = { path: string; reason: string };

export type ParsedDelivery = {
  inbound: InboundMessage[];
  statuses: StatusUpdate[];
  errors: WebhookError[];
  dropped: DroppedItem[];
};

export type ParseWebhookError = { code: "invalid_json" | "invalid_shape"; message: string };

const WABA_OBJECT = "whatsapp_business_account";

/**
 * Parses a verified webhook body into every inbound message, status and error it carries, across all entries and
 * changes. Fails only when the envelope itself is unusable; odd items inside it are dropped or made unsupported.
 */
export function parseWebhookBody(rawBody: string): Result<ParsedDelivery, ParseWebhookError> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    return err({ code: "invalid_json", message: error instanceof Error ? error.message : "not JSON" });
  }

  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return err({ code: "invalid_shape", message: "expected an object with an entry array" });

  const delivery: ParsedDelivery = { inbound: [], statuses: [], errors: [], dropped: [] };
  // Other Graph webhook objects (page, instagram) can reach a shared endpoint; they are not ours to process.
  if (envelope.data.object !== WABA_OBJECT) return ok(delivery);

  for (const [entryIndex, rawEntry] of envelope.data.entry.entries()) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) return err({ code: "invalid_shape", message: `entry[${entryIndex}] has no changes array` });

    for (const [changeIndex, rawChange] of entry.data.changes.entries()) {
      const path = `entry[${entryIndex}].changes[${changeIndex}]`;
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) return err({ code: "invalid_shape", message: `${path} has no field` });
      // Template status, quality and account updates are separate subscriptions with other value shapes.
      if (change.data.field !== "messages") continue;

      const value = messagesValueSchema.safeParse(change.data.value);
      if (!value.success) return err({ code: "invalid_shape", message: `${path}.value has no metadata.phone_number_id` });
      collectValue(value.data, `${path}.value`, delivery);
    }
  }
  return ok(delivery);
}

type MessagesValue = z.infer<typeof messagesValueSchema>;
type Contact = z.infer<typeof contactSchema>;

function collectValue(value: MessagesValue, path: string, delivery: ParsedDelivery): void {
  const phoneNumberId = value.metadata.phone_number_id;
  const displayPhoneNumber = value.metadata.display_phone_number;
  const contacts = (value.contacts ?? []).flatMap((raw) => {
    const contact = contactSchema.safeParse(raw);
    return contact.success ? [contact.data] : [];
  });

  for (const [index, raw] of (value.messages ?? []).entries()) {
    const itemPath = `${path}.messages[${index}]`;
    const base = messageBaseSchema.safeParse(raw);
    if (!base.success || !isRecord(raw)) {
      delivery.dropped.push({ path: itemPath, reason: "message without id, type or timestamp" });
      continue;
    }
    const message = base.data;
    const contact = findContact(contacts, message.from, message.from_user_id);
    const customerKey = message.from_user_id ?? contact?.user_id ?? contact?.wa_id ?? message.from;
    if (customerKey === undefined) {
      delivery.dropped.push({ path: itemPath, reason: "message without a sender" });
      continue;
    }
    const customerPhone = message.from ?? contact?.wa_id;
    const customerName = contact?.profile?.name;
    const contextMessageId = message.context?.id;
    delivery.inbound.push({
      phoneNumberId,
      ...(displayPhoneNumber !== undefined && { displayPhoneNumber }),
      waMessageId: message.id,
      customerKey,
      ...(customerPhone !== undefined && { customerPhone }),
      ...(customerName !== undefined && { customerName }),
      timestamp: message.timestamp,
      ...(contextMessageId !== undefined && { contextMessageId }),
      type: message.type,
      input: messageToInput(message.type, raw),
      raw,
    });
  }

  for (const [index, raw] of (value.statuses ?? []).entries()) {
    const status = statusSchema.safeParse(raw);
    if (!status.success) {
      delivery.dropped.push({ path: `${path}.statuses[${index}]`, reason: "status without id, status or timestamp" });
      continue;
    }
    const recipient = status.data.recipient_id ?? status.data.recipient_user_id;
    const bizOpaqueCallbackData = status.data.biz_opaque_callback_data;
    delivery.statuses.push({
      phoneNumberId,
      waMessageId: status.data.id,
      status: status.data.status,
      timestamp: status.data.timestamp,
      ...(recipient !== undefined && { recipient }),
      ...(bizOpaqueCallbackData !== undefined && { bizOpaqueCallbackData }),
      errors: parseErrors(status.data.errors ?? []),
    });
  }

  for (const error of parseErrors(value.errors ?? [])) delivery.errors.push({ phoneNumberId, ...error });
}

/** The contact entry describing this sender; a single contact is assumed to be the sender. */
function findContact(contacts: Contact[], from?: string, fromUserId?: string): Contact | undefined {
  const match = contacts.find(
    (contact) =>
      (fromUserId !== undefined && contact.user_id === fromUserId) || (from !== undefined && contact.wa_id === from),
  );
  if (match !== undefined) return match;
  return contacts.length === 1 ? contacts[0] : undefined;
}

function parseErrors(raw: unknown[]): DeliveryError[] {
  return raw.flatMap((item) => {
    const parsed = graphErrorSchema.safeParse(item);
    if (!parsed.success) return [];
    const { code, title, message, error_data: data } = parsed.data;
    const details = data?.details;
    return [
      {
        code,
        ...(title !== undefined && { title }),
        ...(message !== undefined && { message }),
        ...(details !== undefined && { details }),
      },
    ];
  });
}
