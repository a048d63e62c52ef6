import { z } from "zod";
import { fieldKeySchema, localIdSchema, nodeBaseSchema, requiredText, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const choiceSchema = z.object({
  id: localIdSchema,
  title: requiredText(WA_LIMITS.buttonTitle, "Button title"),
});

export const listRowConfigSchema = z.object({
  id: localIdSchema,
  title: requiredText(WA_LIMITS.rowTitle, "Row title"),
  description: textUpTo(WA_LIMITS.rowDescription, "Row description").optional(),
});

export const listSectionConfigSchema = z.object({
  title: requiredText(WA_LIMITS.sectionTitle, "Section title"),
  rows: z.array(listRowConfigSchema).min(1, "A section needs at least one row"),
});

export const textCheckSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("email") }),
  z.object({ kind: z.literal("phone") }),
  z.object({ kind: z.literal("date") }),
  z.object({ kind: z.literal("number"), min: z.number().optional(), max: z.number().optional() }),
  z.object({
    kind: z.literal("regex"),
    pattern: z.string().min(1).max(500),
    /** Told to the customer when the answer does not match, e.g. "Order numbers look like AB-12345". */
    hint: z.string().max(300).optional(),
  }),
]);
export type TextCheck = z.infer<typeof textCheckSchema>;

export const answerSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("buttons"),
    // No .max(3) here: the publish validator reports a fourth button in plain words, anchored to the node.
    choices: z.array(choiceSchema).min(1, "Add at least one button"),
  }),
  z.object({
    kind: z.literal("list"),
    button: requiredText(WA_LIMITS.listButtonLabel, "List button label"),
    sections: z.array(listSectionConfigSchema).min(1, "Add at least one section"),
  }),
  z.object({ kind: z.literal("free_text"), check: textCheckSchema }),
]);
export type Answer = z.infer<typeof answerSchema>;

export const askNodeSchema = nodeBaseSchema.extend({
  type: z.literal("ask"),
  data: z.object({
    prompt: requiredText(WA_LIMITS.textBody, "Question"),
    answer: answerSchema,
    saveTo: fieldKeySchema,
    maxAttempts: z.number().int().min(1).max(5).default(3),
    /** Sent after an answer that does not fit; the check's own hint is added. */
    retryText: textUpTo(WA_LIMITS.textBody, "Retry message").default("Sorry, I didn't get that."),
  }),
});
export type AskNode = z.infer<typeof askNodeSchema>;
