import { assertNever } from "@/lib/result";

/** WhatsApp's customer service window: free-form replies only within 24 hours of the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ReplyWindow =
  | { open: true; closesAt: Date }
  | { open: false; reason: "expired" | "never-opened" | "rejected-by-whatsapp" };

/**
 * Whether an agent may send free text now. `outsideWindow` is set when WhatsApp itself answered 131047; it wins
 * over our clock because WhatsApp's clock is the one that counts.
 */
export function replyWindow(input: { lastCustomerMessageAt: Date | null; outsideWindow: boolean; now: Date }): ReplyWindow {
  if (input.outsideWindow) return { open: false, reason: "rejected-by-whatsapp" };
  if (!input.lastCustomerMessageAt) return { open: false, reason: "never-opened" };
  const closesAt = new Date(input.lastCustomerMessageAt.getTime() + REPLY_WINDOW_MS);
  return closesAt > input.now ? { open: true, closesAt } : { open: false, reason: "expired" };
}

/** The explanation shown in the inbox, in a support manager's words. */
export function replyWindowExplanation(window: ReplyWindow): string {
  if (window.open) return "You can reply freely until the 24-hour window closes.";
  switch (window.reason) {
    case "expired":
      return "The customer last wrote more than 24 hours ago. WhatsApp only allows approved message templates until they write again.";
    case "never-opened":
      return "The customer has not written on WhatsApp yet, so only approved message templates can be sent.";
    case "rejected-by-whatsapp":
      return "WhatsApp refused a free-text reply because the 24-hour window has closed. Send an approved template; free text works again once the customer writes.";
    default:
      return assertNever(window.reason);
  }
}
