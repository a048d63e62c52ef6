import { z } from "zod";
import { fieldKeySchema, localIdSchema, nodeBaseSchema, requiredText } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const documentItemSchema = z.object({
  id: localIdSchema,
  label: requiredText(80, "Item name"),
  instructions: requiredText(WA_LIMITS.textBody, "Instructions"),
  kind: z.enum(["media", "text"]),
  /** MIME types, e.g. image/jpeg, application/pdf; image/* accepts any image. Ignored for text items. */
  acceptedTypes: z.array(z.string().trim().min(1).max(100)).default([]),
  maxSizeMb: z.number().min(0.01).max(100).default(10),
  required: z.boolean().default(true),
  saveTo: fieldKeySchema,
});
export type DocumentItem = z.infer<typeof documentItemSchema>;

/** Pattern 6 — document collection. Ports: complete, incomplete. */
export const collectDocumentsNodeSchema = nodeBaseSchema.extend({
  type: z.literal("collect_documents"),
  data: z.object({
    items: z.array(documentItemSchema).min(1, "Add at least one item"),
    maxRetries: z.number().int().min(0).max(5).default(2),
    skipLabel: requiredText(WA_LIMITS.buttonTitle, "Skip button").default("Skip"),
    doneText: requiredText(WA_LIMITS.textBody, "Done message").default("Thanks, we have everything we need."),
  }),
});
export type CollectDocumentsNode = z.infer<typeof collectDocumentsNodeSchema>;
