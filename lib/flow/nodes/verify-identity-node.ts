import { z } from "zod";
import { fieldKeySchema, nodeBaseSchema, requiredText } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

/** Pattern 3 — account verification. Ports: verified, failed. Sets the flow's verified flag on success. */
export const verifyIdentityNodeSchema = nodeBaseSchema.extend({
  type: z.literal("verify_identity"),
  data: z.object({
    method: z.discriminatedUnion("kind", [
      /** A code is generated, sent out of band (a send_otp effect) and checked. */
      z.object({ kind: z.literal("otp"), codeLength: z.number().int().min(4).max(8).default(6) }),
      /** The customer types their phone number; it must match the WhatsApp number they write from. */
      z.object({ kind: z.literal("phone_match") }),
      /** The customer's date of birth must equal the value of a field (e.g. filled by a lookup). */
      z.object({ kind: z.literal("date_of_birth"), expectedField: fieldKeySchema }),
    ]),
    prompt: requiredText(WA_LIMITS.textBody, "Question"),
    successText: requiredText(WA_LIMITS.textBody, "Success message").default("Thanks, you're verified."),
    failureText: requiredText(WA_LIMITS.textBody, "Failure message").default(
      "Sorry, I couldn't verify you. Let me get someone to help.",
    ),
    maxAttempts: z.number().int().min(1).max(5).default(3),
  }),
});
export type VerifyIdentityNode = z.infer<typeof verifyIdentityNodeSchema>;
