import { z } from "zod";

export const analyticsEventTypeSchema = z.enum([
  "node.entered",
  "node.completed",
  "validation.failed",
  "conversation.escalated",
  "conversation.dropped",
  "conversation.resolved",
  "csat.recorded",
  "clarification.asked",
  "trigger.fired",
]);
export type AnalyticsEventType = z.infer<typeof analyticsEventTypeSchema>;

export const analyticsEventSchema = z.object({
  type: analyticsEventTypeSchema,
  nodeId: z.string().optional(),
  port: z.string().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;
