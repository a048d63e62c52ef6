import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";
import { DEFAULT_TEXTS } from "./default-texts";

export type Option = { id: string; title: string; description?: string };

/**
 * Cuts to a WhatsApp limit in code points. The validator keeps configured texts within limits; this guards
 * texts that grew through {{field}} values the customer typed.
 */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const points = [...text];
  return points.length <= limit ? text : `${points.slice(0, limit - 1).join("")}…`;
}

/** A text message, or none when the text is blank (WhatsApp rejects empty bodies). */
export function textMessages(text: string): OutgoingMessage[] {
  if (text.trim() === "") return [];
  return [{ kind: "text", text: clip(text, WA_LIMITS.textBody) }];
}

/** Reply ids carry the node id so that a tap on an old question's button is not taken for this one. */
export const replyId = (nodeId: string, localId: string) => `${nodeId}:${localId}`;

/** Up to three options as reply buttons, more as a single-section list (at most ten rows). */
export function choiceMessage(nodeId: string, body: string, options: readonly Option[], listButton: string, preferList = false): OutgoingMessage {
  const safeBody = clip(body.trim() === "" ? DEFAULT_TEXTS.chooseOption : body, WA_LIMITS.interactiveBody);
  if (!preferList && options.length <= WA_LIMITS.buttonsPerMessage) {
    return {
      kind: "buttons",
      body: safeBody,
      buttons: options.map((option) => ({ id: replyId(nodeId, option.id), title: clip(option.title, WA_LIMITS.buttonTitle) })),
    };
  }
  return {
    kind: "list",
    body: safeBody,
    button: clip(listButton.trim() === "" ? "Choose" : listButton, WA_LIMITS.listButtonLabel),
    sections: [
      {
        title: "",
        rows: options.slice(0, WA_LIMITS.listRowsTotal).map((option) => ({
          id: replyId(nodeId, option.id),
          title: clip(option.title, WA_LIMITS.rowTitle),
          ...(option.description ? { description: clip(option.description, WA_LIMITS.rowDescription) } : {}),
        })),
      },
    ],
  };
}
