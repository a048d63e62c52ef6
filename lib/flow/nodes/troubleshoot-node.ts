import { z } from "zod";
import { localIdSchema, nodeBaseSchema, requiredText, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

/** Pattern 4 — structured troubleshooting. Ports: resolved, unresolved (with the steps tried). */
export const troubleshootNodeSchema = nodeBaseSchema.extend({
  type: z.literal("troubleshoot"),
  data: z.object({
    intro: textUpTo(WA_LIMITS.textBody, "Introduction").default(""),
    steps: z
      .array(
        z.object({
          id: localIdSchema,
          title: requiredText(80, "Step title"),
          instructions: requiredText(WA_LIMITS.interactiveBody - 60, "Step instructions"),
        }),
      )
      .min(1, "Add at least one step"),
    confirmPrompt: requiredText(200, "Confirmation question").default("Did this fix it?"),
    yesLabel: requiredText(WA_LIMITS.buttonTitle, "Yes button").default("Yes, fixed"),
    noLabel: requiredText(WA_LIMITS.buttonTitle, "No button").default("No, still broken"),
  }),
});
export type TroubleshootNode = z.infer<typeof troubleshootNodeSchema>;
