import { z } from "zod";
import type { IntentCategory } from "../types";
import raw from "./messages.json";

export const DATASET_INTENTS = [
  "billing",
  "delivery",
  "account",
  "technical",
  "appointments",
  "documents",
  "agent_request",
  "off_topic",
] as const;

export type DatasetIntent = (typeof DATASET_INTENTS)[number];

export const labelledMessageSchema = z.object({
  id: z.string().regex(/^m\d{3}$/),
  text: z.string(),
  intent: z.enum(DATASET_INTENTS),
  /** A human should take over: agent requests, anger or abuse, cancellation, security ("my account was hacked"). */
  shouldEscalate: z.boolean(),
  sentiment: z.enum(["negative", "neutral", "positive"]),
  /** Fixed once when the set was written (positions 2, 5, 8 of every ten per intent); test is never trained or tuned on. */
  split: z.enum(["train", "test"]),
});

export type LabelledMessage = z.infer<typeof labelledMessageSchema>;

/** The labelled customer messages, validated on load so that a bad edit to the JSON fails loudly in tests. */
export const labelledMessages: readonly LabelledMessage[] = z.array(labelledMessageSchema).parse(raw);

const TITLES: Record<DatasetIntent, string> = {
  billing: "Billing and payments",
  delivery: "Delivery and order status",
  account: "Account and login",
  technical: "Technical problem",
  appointments: "Appointments",
  documents: "Send documents",
  agent_request: "Talk to an agent",
  off_topic: "Something else",
};

/** Categories as a categorize node would hold them, with the given messages as examples, grouped by intent. */
export function categoriesFrom(
  messages: readonly LabelledMessage[],
  intents: readonly DatasetIntent[] = DATASET_INTENTS,
): IntentCategory[] {
  return intents.map((intent) => ({
    id: intent,
    title: TITLES[intent],
    examples: messages.filter((message) => message.intent === intent).map((message) => message.text),
  }));
}
