import type { InboundMessage } from "./parse-webhook";

/*
 * Inbound events that are not the customer talking to the bot. Answering them with the flow's fallback
 * ("Sorry, I can't read that") would be noise: a thumbs-up reaction, a number change, a deleted or edited
 * message. They are still stored; they just do not run the flow (whatsapp-facts §4, §10, §13).
 */
const SILENT_TYPES: ReadonlySet<string> = new Set(["reaction", "system", "revoke", "edit"]);
// On a normal Cloud API number a user's edit arrives as type "unsupported" with unsupported.type "edit".
const SILENT_UNSUPPORTED: ReadonlySet<string> = new Set(["edit", "poll_update"]);

/** Whether this inbound message should run the flow (and so may get an answer). */
export function expectsReply(message: Pick<InboundMessage, "type" | "raw">): boolean {
  if (SILENT_TYPES.has(message.type)) return false;
  if (message.type === "unsupported") {
    const unsupported = message.raw.unsupported;
    const innerType =
      typeof unsupported === "object" && unsupported !== null && "type" in unsupported ? unsupported.type : undefined;
    if (typeof innerType === "string" && SILENT_UNSUPPORTED.has(innerType)) return false;
  }
  return true;
}
