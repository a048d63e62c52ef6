import { z } from "zod";
import { calendarSchema } from "@/lib/flow/nodes/schedule-node";

/** A slot offered to the customer; the id goes back to the runtime when booking. */
export const slotSchema = z.object({ id: z.string().min(1).max(200), label: z.string().min(1).max(200) });
export type Slot = z.infer<typeof slotSchema>;

export const checklistStatusSchema = z.object({
  checklistId: z.string(),
  intent: z.string(),
  label: z.string(),
  /** Requirements, in words ("Email or Phone"), that are known. */
  collected: z.array(z.string()),
  missing: z.array(z.string()),
  complete: z.boolean(),
});
export type ChecklistStatus = z.infer<typeof checklistStatusSchema>;

/** Why a conversation left the bot: a trigger kind, or one of the engine's own reasons. */
export const escalationKindSchema = z.enum([
  "keyword",
  "negative_sentiment",
  "low_confidence",
  "high_value",
  "security",
  "flow_failure",
  "agent_request",
  "sensitive_node",
  "flow_route",
  "flow_error",
]);
export type EscalationKindOrReason = z.infer<typeof escalationKindSchema>;

export const escalationSchema = z.object({
  reason: z.string().max(300),
  kind: escalationKindSchema,
  /** The flow trigger's id, or the escalation_trigger node's id; null for the engine's own reasons. */
  triggerId: z.string().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** What the agent receives; the runtime attaches the transcript. */
export const handoffPacketSchema = z.object({
  handoffNodeId: z.string(),
  queue: z.string(),
  priority: z.enum(["normal", "high", "urgent"]),
  reason: z.string(),
  escalationKind: escalationKindSchema,
  triggerId: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  /** Field keys the flow marks sensitive: the inbox masks them. */
  sensitiveFields: z.array(z.string()),
  intent: z.string().nullable(),
  confidence: z.number().nullable(),
  verified: z.boolean(),
  checklist: z.array(checklistStatusSchema),
  stepsTried: z.array(z.string()),
  summary: z.string(),
  outsideHours: z.boolean(),
  path: z.array(z.string()),
});
export type HandoffPacket = z.infer<typeof handoffPacketSchema>;

const effectBase = { id: z.string().min(1), nodeId: z.string() };

/** Work the engine asks the runtime to do; effects that need an answer come back as an effect_result input. */
export const effectSchema = z.discriminatedUnion("kind", [
  z.object({
    ...effectBase,
    kind: z.literal("lookup"),
    reference: z.string(),
    source: z.discriminatedUnion("kind", [
      /** Resolve with resolveStaticLookup(flow, effect): the table lives in the flow. */
      z.object({ kind: z.literal("static") }),
      z.object({
        kind: z.literal("http"),
        url: z.string(),
        timeoutMs: z.number().int(),
        mapping: z.array(z.object({ field: z.string(), path: z.string() })),
      }),
    ]),
  }),
  z.object({ ...effectBase, kind: z.literal("send_otp"), phone: z.string(), code: z.string() }),
  z.object({
    ...effectBase,
    kind: z.literal("list_slots"),
    calendar: calendarSchema,
    /** The engine's clock at the time of asking (ISO). */
    from: z.string(),
    limit: z.number().int().min(1).max(10),
  }),
  z.object({
    ...effectBase,
    kind: z.literal("book_slot"),
    slotId: z.string(),
    slotLabel: z.string(),
    customerPhone: z.string(),
  }),
  z.object({
    ...effectBase,
    kind: z.literal("reschedule_slot"),
    appointmentId: z.string(),
    slotId: z.string(),
    slotLabel: z.string(),
    customerPhone: z.string(),
  }),
  z.object({ ...effectBase, kind: z.literal("cancel_booking"), appointmentId: z.string(), customerPhone: z.string() }),
  z.object({ ...effectBase, kind: z.literal("create_handoff"), packet: handoffPacketSchema }),
]);
export type Effect = z.infer<typeof effectSchema>;
export type EffectKind = Effect["kind"];
export type EffectOfKind<K extends EffectKind> = Extract<Effect, { kind: K }>;

export const effectKindSchema = z.enum([
  "lookup",
  "send_otp",
  "list_slots",
  "book_slot",
  "reschedule_slot",
  "cancel_booking",
  "create_handoff",
]);

/** The runtime's answer to an effect. Any effect may instead fail (timeout, error, not found, unavailable). */
export const effectResultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("lookup"),
    outcome: z.enum(["found", "not_found"]),
    values: z.record(z.string(), z.string()).default({}),
  }),
  z.object({ kind: z.literal("send_otp") }),
  z.object({ kind: z.literal("list_slots"), slots: z.array(slotSchema) }),
  z.object({ kind: z.literal("book_slot"), bookingRef: z.string().min(1), slotLabel: z.string().optional() }),
  z.object({ kind: z.literal("reschedule_slot"), bookingRef: z.string().optional(), slotLabel: z.string().optional() }),
  z.object({ kind: z.literal("cancel_booking") }),
  z.object({ kind: z.literal("create_handoff"), handoffId: z.string().optional() }),
  z.object({
    kind: z.literal("failure"),
    reason: z.enum(["timeout", "error", "not_found", "unavailable"]),
    message: z.string().optional(),
  }),
]);
export type EffectResult = z.infer<typeof effectResultSchema>;
