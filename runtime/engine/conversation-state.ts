import { z } from "zod";
import { checklistStatusSchema, effectKindSchema, escalationSchema, slotSchema } from "./effect";

/** What the current node remembers between customer messages; reset whenever a node is entered. */
export const nodeScratchSchema = z.object({
  /** Handler-specific step within the node, e.g. "asking", "clarifying", "pick_slot". */
  phase: z.string().max(40),
  attempts: z.number().int().nonnegative(),
  /** Step of a troubleshooting list or item of a document list. */
  index: z.number().int().nonnegative(),
  /** A one-way hash of the one-time code: the state is stored and logged, the code must not be. */
  otpHash: z.string().max(64).optional(),
  action: z.enum(["book", "reschedule", "cancel"]).optional(),
  slots: z.array(slotSchema).max(10).optional(),
  /** Labels of required items the customer could not provide. */
  missing: z.array(z.string()).optional(),
});
export type NodeScratch = z.infer<typeof nodeScratchSchema>;

export const transcriptLineSchema = z.object({ from: z.enum(["customer", "bot"]), text: z.string() });

/** A conversation's position in a flow. JSON-serialisable: the runtime stores it as jsonb. */
export const conversationStateSchema = z.object({
  version: z.literal(1),
  nodeId: z.string(),
  status: z.enum(["active", "waiting_effect", "handoff", "ended"]),
  fields: z.record(z.string(), z.string()),
  scratch: nodeScratchSchema,
  /** Node ids entered, oldest first, capped. */
  path: z.array(z.string()),
  intent: z.string().nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  clarificationUsed: z.boolean(),
  sentiment: z.array(z.object({ score: z.number(), negative: z.boolean() })),
  validationFailures: z.record(z.string(), z.number().int().nonnegative()),
  verified: z.boolean(),
  escalation: escalationSchema.nullable(),
  pendingEffect: z.object({ id: z.string(), kind: effectKindSchema, nodeId: z.string() }).nullable(),
  checklist: z.array(checklistStatusSchema),
  stepsTried: z.array(z.string()),
  /** Trigger ids that fire once per conversation (high value) and already did. */
  firedTriggers: z.array(z.string()),
  /** The last few lines, for the handoff summary; codes and birth dates are masked. */
  recent: z.array(transcriptLineSchema),
  customerTurns: z.number().int().nonnegative(),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;
export type ConversationStatus = ConversationState["status"];

export const MAX_PATH = 100;
export const MAX_RECENT = 12;
export const MAX_SENTIMENT = 20;

export const freshScratch = (): NodeScratch => ({ phase: "start", attempts: 0, index: 0 });

export function initialState(nodeId: string): ConversationState {
  return {
    version: 1,
    nodeId,
    status: "active",
    fields: {},
    scratch: freshScratch(),
    path: [],
    intent: null,
    confidence: null,
    clarificationUsed: false,
    sentiment: [],
    validationFailures: {},
    verified: false,
    escalation: null,
    pendingEffect: null,
    checklist: [],
    stepsTried: [],
    firedTriggers: [],
    recent: [],
    customerTurns: 0,
  };
}
