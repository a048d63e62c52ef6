import { z } from "zod";
import { startNodeSchema } from "./nodes/start-node";
import { messageNodeSchema } from "./nodes/message-node";
import { askNodeSchema } from "./nodes/ask-node";
import { conditionNodeSchema } from "./nodes/condition-node";
import { setFieldNodeSchema } from "./nodes/set-field-node";
import { escalationTriggerNodeSchema } from "./nodes/escalation-trigger-node";
import { endNodeSchema } from "./nodes/end-node";
import { categorizeNodeSchema } from "./nodes/categorize-node";
import { statusLookupNodeSchema } from "./nodes/status-lookup-node";
import { verifyIdentityNodeSchema } from "./nodes/verify-identity-node";
import { troubleshootNodeSchema } from "./nodes/troubleshoot-node";
import { scheduleNodeSchema } from "./nodes/schedule-node";
import { collectDocumentsNodeSchema } from "./nodes/collect-documents-node";
import { handoffNodeSchema } from "./nodes/handoff-node";

/** Every node type, one schema each. Adding a type here without a handler, view and catalog entry fails to compile. */
export const flowNodeSchema = z.discriminatedUnion("type", [
  categorizeNodeSchema,
  statusLookupNodeSchema,
  verifyIdentityNodeSchema,
  troubleshootNodeSchema,
  scheduleNodeSchema,
  collectDocumentsNodeSchema,
  handoffNodeSchema,
  startNodeSchema,
  messageNodeSchema,
  askNodeSchema,
  conditionNodeSchema,
  setFieldNodeSchema,
  escalationTriggerNodeSchema,
  endNodeSchema,
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeType = FlowNode["type"];
export type NodeOfType<T extends NodeType> = Extract<FlowNode, { type: T }>;

export const NODE_TYPES = [
  "categorize",
  "status_lookup",
  "verify_identity",
  "troubleshoot",
  "schedule",
  "collect_documents",
  "handoff",
  "start",
  "message",
  "ask",
  "condition",
  "set_field",
  "escalation_trigger",
  "end",
] as const satisfies readonly NodeType[];

/** The node schema for one type, e.g. for an inspector form or an importer's error messages. */
export const nodeSchemaByType = {
  categorize: categorizeNodeSchema,
  status_lookup: statusLookupNodeSchema,
  verify_identity: verifyIdentityNodeSchema,
  troubleshoot: troubleshootNodeSchema,
  schedule: scheduleNodeSchema,
  collect_documents: collectDocumentsNodeSchema,
  handoff: handoffNodeSchema,
  start: startNodeSchema,
  message: messageNodeSchema,
  ask: askNodeSchema,
  condition: conditionNodeSchema,
  set_field: setFieldNodeSchema,
  escalation_trigger: escalationTriggerNodeSchema,
  end: endNodeSchema,
} as const satisfies { [T in NodeType]: z.ZodType<NodeOfType<T>> };
