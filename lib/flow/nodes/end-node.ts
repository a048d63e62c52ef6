import { z } from "zod";
import { nodeBaseSchema, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const endNodeSchema = nodeBaseSchema.extend({
  type: z.literal("end"),
  data: z.object({
    text: textUpTo(WA_LIMITS.textBody, "Closing message").default(""),
    /** Whether ending here counts as the customer's problem being resolved (containment). */
    resolved: z.boolean().default(true),
    csat: z
      .object({
        enabled: z.boolean(),
        prompt: textUpTo(WA_LIMITS.interactiveBody, "Rating question").default("How did we do? Rate us from 1 to 5."),
      })
      .default({ enabled: false, prompt: "How did we do? Rate us from 1 to 5." }),
  }),
});
export type EndNode = z.infer<typeof endNodeSchema>;
