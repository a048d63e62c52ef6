import { z } from "zod";
import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";

/*
 * Inputs of the inbox's actions and route handlers, shared by the forms (client) and the server. They live beside
 * the metric definitions because this engineer owns lib/analytics only; lib/inbox/ would be the natural home.
 */

const handoffId = z.uuid("Pick a conversation from the list.");

export const claimInputSchema = z.object({ handoffId });

export const assignInputSchema = z.object({ handoffId, assigneeId: z.uuid("Pick a person to assign it to.") });

export const agentReplySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    text: z
      .string()
      .trim()
      .min(1, "Write a reply first.")
      .max(WA_LIMITS.textBody, `WhatsApp allows at most ${WA_LIMITS.textBody} characters.`),
  }),
  z.object({
    kind: z.literal("template"),
    name: z
      .string()
      .trim()
      .min(1, "Enter the template's name as approved in WhatsApp Manager.")
      .max(512)
      .regex(/^[a-z0-9_]+$/, "Template names use lowercase letters, digits and underscores."),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "Use a language code like en or en_US."),
    parameters: z.array(z.string().trim().min(1, "Fill in every parameter or remove it.").max(1000)).max(10),
  }),
]);
export type AgentReply = z.infer<typeof agentReplySchema>;

export const replyInputSchema = z.object({ handoffId, message: agentReplySchema });

export const resolveInputSchema = z.object({
  handoffId,
  outcome: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("close") }),
    z.object({ kind: z.literal("bot"), nodeId: z.string().min(1, "Pick the step the bot should continue from.") }),
  ]),
});

/** The last message seq the page showed: everything up to it has been read. */
export const markReadInputSchema = z.object({ handoffId, seq: z.int().min(0) });

export const inboxViewSchema = z.enum(["open", "mine", "resolved"]);
export type InboxView = z.infer<typeof inboxViewSchema>;
