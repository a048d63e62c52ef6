import { z } from "zod";
import { flowNodeSchema } from "./flow-node";
import { fieldKeySchema, localIdSchema } from "./nodes/node-base";
import { flowTriggerSchema } from "./nodes/escalation-rule";

export const FLOW_SCHEMA_VERSION = 1;

/** An edge leaves a node from a named output port (see ports.ts), never from a handle position. */
export const flowEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().min(1),
  sourcePort: z.string().min(1).max(200),
  target: z.string().min(1),
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

export const fieldDefinitionSchema = z.object({
  key: fieldKeySchema,
  label: z.string().trim().min(1).max(80),
  kind: z.enum(["text", "number", "email", "phone", "date", "boolean", "choice", "media"]).default("text"),
  /** Masked in the inbox and logs (e.g. date of birth). */
  sensitive: z.boolean().default(false),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/**
 * A minimum-context checklist: before the flow hands off or acts for this intent, these must be known.
 * Each requirement is satisfied by any one of its fields ("email or phone").
 */
export const checklistSchema = z.object({
  id: localIdSchema,
  /** The intent, as the category id a categorize node saves, e.g. "delivery". */
  intent: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(80),
  requirements: z.array(z.array(fieldKeySchema).min(1)).min(1, "Pick at least one field"),
  /**
   * Nodes that need the checklist complete. When empty, every handoff node reachable from the intent's
   * category port needs it.
   */
  requiredAt: z.array(z.string().min(1)).default([]),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const flowSettingsSchema = z.object({
  fields: z.array(fieldDefinitionSchema).default([]),
  checklists: z.array(checklistSchema).default([]),
  triggers: z.array(flowTriggerSchema).default([]),
  /** Where "talk to an agent", sensitive refusals and triggers without a target go. */
  defaultHandoffNodeId: z.string().min(1).optional(),
  /** Phrases that always mean "talk to an agent", at any question. */
  agentPhrases: z.array(z.string().trim().min(1).max(100)).default(["agent", "human", "talk to a person", "speak to someone"]),
  /** Minutes of customer silence before the runtime sends an inactivity timeout. */
  inactivityMinutes: z.number().int().min(1).max(7 * 24 * 60).default(30),
  /** Answer to messages the bot cannot use (stickers, reactions, unknown types). */
  unsupportedText: z.string().trim().min(1).max(1000).default("Sorry, I can only read text, buttons, photos and documents here."),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  name: z.string().trim().min(1, "Give the flow a name").max(120),
  description: z.string().max(1000).default(""),
  settings: flowSettingsSchema,
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
});
/** A flow as stored in drafts and versions, imported and exported. */
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
