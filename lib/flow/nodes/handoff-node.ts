import { z } from "zod";
import { nodeBaseSchema, requiredText } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

/**
 * Pattern 7 — context-preserving handoff. Terminal for the bot: it confirms to the customer, creates the
 * handoff (a create_handoff effect with the packet) and stays silent until an agent resolves.
 */
export const handoffNodeSchema = nodeBaseSchema.extend({
  type: z.literal("handoff"),
  data: z.object({
    queue: z.string().trim().min(1).max(60).default("General support"),
    priority: z.enum(["normal", "high", "urgent"]).default("normal"),
    /** What the customer reads; {{queue}}, {{eta}} and any field may be used. */
    confirmationText: requiredText(WA_LIMITS.textBody, "Confirmation").default(
      "I'm connecting you to our {{queue}} team. You'll get a reply here within {{eta}}.",
    ),
    eta: z.string().trim().min(1).max(60).default("10 minutes"),
    /** Shown instead when outside working hours, if hours are set. */
    hours: z
      .object({
        timeZone: z.string().min(1),
        days: z.array(z.number().int().min(0).max(6)).min(1),
        openHour: z.number().int().min(0).max(23),
        closeHour: z.number().int().min(1).max(24),
        closedText: requiredText(WA_LIMITS.textBody, "Closed message"),
      })
      .optional(),
  }),
});
export type HandoffNode = z.infer<typeof handoffNodeSchema>;
