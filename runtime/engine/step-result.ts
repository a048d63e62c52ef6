import { z } from "zod";
import { outgoingMessageSchema } from "@/lib/flow/outgoing-message";
import { effectSchema } from "./effect";
import { analyticsEventSchema } from "./analytics-event";
import { conversationStateSchema } from "./conversation-state";

export const outputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("message"), message: outgoingMessageSchema }),
  z.object({ kind: z.literal("effect"), effect: effectSchema }),
]);
export type Output = z.infer<typeof outputSchema>;

export const stepResultSchema = z.object({
  state: conversationStateSchema,
  outputs: z.array(outputSchema),
  events: z.array(analyticsEventSchema),
});
export type StepResult = z.infer<typeof stepResultSchema>;
