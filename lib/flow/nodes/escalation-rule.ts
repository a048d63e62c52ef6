import { z } from "zod";
import { fieldKeySchema, localIdSchema } from "./node-base";

/** A value comparison on a collected field, shared by condition nodes and high-value triggers. */
export const fieldComparisonSchema = z.object({
  field: fieldKeySchema,
  operator: z.enum(["equals", "not_equals", "contains", "greater_than", "less_than", "is_set", "is_not_set", "one_of"]),
  value: z.string().max(500).optional(),
});
export type FieldComparison = z.infer<typeof fieldComparisonSchema>;

/**
 * One escalation rule. Flow-wide rules live in the flow settings and are checked on every customer message
 * before the current node runs; escalation_trigger nodes check the same rules at a point in the flow.
 */
export const escalationRuleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("keyword"),
    /** Matched case- and accent-insensitively on word boundaries. */
    phrases: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
  }),
  z.object({
    kind: z.literal("negative_sentiment"),
    /** A single message at or below this score escalates (scores run from -1 to 1). */
    strongThreshold: z.number().min(-1).max(0).default(-0.6),
    /** This many negative messages in the conversation escalate. */
    repeatedCount: z.number().int().min(2).max(10).default(2),
  }),
  z.object({
    kind: z.literal("low_confidence"),
    /** Below this intent confidence, after one clarifying question. */
    threshold: z.number().min(0).max(1).default(0.5),
  }),
  z.object({ kind: z.literal("high_value"), when: fieldComparisonSchema }),
  z.object({
    kind: z.literal("security"),
    phrases: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
  }),
  z.object({
    kind: z.literal("flow_failure"),
    /** Validation failures on one step before escalating. */
    maxValidationFailures: z.number().int().min(1).max(10).default(3),
    /** Escalate (rather than just drop) when the customer goes quiet mid-flow. */
    onInactivity: z.boolean().default(false),
  }),
]);
export type EscalationRule = z.infer<typeof escalationRuleSchema>;
export type EscalationKind = EscalationRule["kind"];

export const flowTriggerSchema = z.object({
  id: localIdSchema,
  enabled: z.boolean().default(true),
  /** Plain words recorded as the escalation reason, e.g. "Asked for a human". */
  reason: z.string().trim().min(1).max(120),
  rule: escalationRuleSchema,
  /** The handoff node to route to; defaults to the flow's default handoff. */
  handoffNodeId: z.string().min(1).optional(),
});
export type FlowTrigger = z.infer<typeof flowTriggerSchema>;
