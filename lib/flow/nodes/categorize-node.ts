import { z } from "zod";
import { fieldKeySchema, localIdSchema, nodeBaseSchema, requiredText, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const categorySchema = z.object({
  id: localIdSchema,
  /** Shown as a button or list row: keep within 20 characters for buttons, 24 for list rows. */
  title: requiredText(WA_LIMITS.rowTitle, "Category title"),
  description: textUpTo(WA_LIMITS.rowDescription, "Category description").optional(),
  /** Example customer phrases that train the local intent classifier. */
  examples: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
});
export type Category = z.infer<typeof categorySchema>;

/** Pattern 1 — guided issue categorization. Ports: one per category ("category:<id>") plus "unclear". */
export const categorizeNodeSchema = nodeBaseSchema.extend({
  type: z.literal("categorize"),
  data: z.object({
    prompt: requiredText(WA_LIMITS.interactiveBody, "Question"),
    categories: z.array(categorySchema).min(1, "Add at least one category"),
    /** buttons: up to 3 categories; list: up to 10; the validator checks the count against WhatsApp's limits. */
    display: z.enum(["buttons", "list"]).default("list"),
    listButton: requiredText(WA_LIMITS.listButtonLabel, "List button label").default("Choose a topic"),
    saveTo: fieldKeySchema.default("intent"),
    /** Free text is classified; below this confidence the customer gets one clarifying question. */
    confidenceThreshold: z.number().min(0).max(1).default(0.55),
    clarifyPrompt: requiredText(WA_LIMITS.interactiveBody, "Clarifying question").default(
      "Sorry, I want to get this right. Which of these is closest?",
    ),
    /** Classify the customer's very first message (if any) before asking. */
    useFirstMessage: z.boolean().default(true),
  }),
});
export type CategorizeNode = z.infer<typeof categorizeNodeSchema>;
