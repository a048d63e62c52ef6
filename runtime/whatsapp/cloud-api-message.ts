/*
 * The JSON bodies of POST /{phone-number-id}/messages that Threadline sends (shared/whatsapp-facts.md §7).
 * Written by hand rather than in zod: we only build these, never parse them from outside.
 */

/** Either `to` (E.164 with "+") or `recipient` (a BSUID); never both. */
export type CloudApiRecipient = { to: string; recipient?: never } | { recipient: string; to?: never };

export type CloudApiEnvelope = {
  messaging_product: "whatsapp";
  recipient_type: "individual";
  /** Quote-reply to this inbound wamid (not shown for templates). */
  context?: { message_id: string };
  /** Echoed back on every status webhook for this message (≤ 512 chars). */
  biz_opaque_callback_data?: string;
} & CloudApiRecipient;

export type CloudApiTextHeader = { type: "text"; text: string };

export type CloudApiReplyButton = { type: "reply"; reply: { id: string; title: string } };

export type CloudApiListRow = { id: string; title: string; description?: string };
export type CloudApiListSection = { title: string; rows: CloudApiListRow[] };

export type CloudApiInteractive =
  | {
      type: "button";
      header?: CloudApiTextHeader;
      body: { text: string };
      footer?: { text: string };
      action: { buttons: CloudApiReplyButton[] };
    }
  | {
      type: "list";
      header?: CloudApiTextHeader;
      body: { text: string };
      footer?: { text: string };
      action: { button: string; sections: CloudApiListSection[] };
    }
  | { type: "location_request_message"; body: { text: string }; action: { name: "send_location" } };

export type CloudApiMediaObject = ({ link: string } | { id: string }) & { caption?: string; filename?: string };

export type CloudApiTemplate = {
  name: string;
  language: { code: string };
  components?: { type: "body"; parameters: { type: "text"; text: string }[] }[];
};

export type CloudApiMessage = CloudApiEnvelope &
  (
    | { type: "text"; text: { body: string; preview_url?: boolean } }
    | { type: "interactive"; interactive: CloudApiInteractive }
    | { type: "image"; image: CloudApiMediaObject }
    | { type: "video"; video: CloudApiMediaObject }
    | { type: "audio"; audio: CloudApiMediaObject }
    | { type: "document"; document: CloudApiMediaObject }
    | { type: "template"; template: CloudApiTemplate }
  );
