import { z } from "zod";
import { nodeBaseSchema, requiredText, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";
import { mediaKindSchema } from "../outgoing-message";

export const messageNodeSchema = nodeBaseSchema.extend({
  type: z.literal("message"),
  data: z.object({
    text: requiredText(WA_LIMITS.textBody, "Message"),
    media: z
      .object({
        mediaType: mediaKindSchema,
        url: z.url("Media needs a full web address (https://…)"),
        caption: textUpTo(WA_LIMITS.mediaCaption, "Caption").optional(),
        filename: z.string().max(200).optional(),
      })
      .optional(),
  }),
});
export type MessageNode = z.infer<typeof messageNodeSchema>;
