import { z } from "zod";
import { nodeBaseSchema, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const startNodeSchema = nodeBaseSchema.extend({
  type: z.literal("start"),
  data: z.object({
    /** Sent when a conversation begins; may be empty. The first customer message is kept in {{first_message}}. */
    greeting: textUpTo(WA_LIMITS.textBody, "Greeting").default(""),
  }),
});
export type StartNode = z.infer<typeof startNodeSchema>;
