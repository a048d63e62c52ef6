import type { NodeTypes } from "@xyflow/react";
import type { NodeType } from "@/lib/flow/flow-node";
import { CategorizeNodeView } from "./nodes/categorize-node-view";
import { StatusLookupNodeView } from "./nodes/status-lookup-node-view";
import { VerifyIdentityNodeView } from "./nodes/verify-identity-node-view";
import { TroubleshootNodeView } from "./nodes/troubleshoot-node-view";
import { ScheduleNodeView } from "./nodes/schedule-node-view";
import { CollectDocumentsNodeView } from "./nodes/collect-documents-node-view";
import { HandoffNodeView } from "./nodes/handoff-node-view";
import { StartNodeView } from "./nodes/start-node-view";
import { MessageNodeView } from "./nodes/message-node-view";
import { AskNodeView } from "./nodes/ask-node-view";
import { ConditionNodeView } from "./nodes/condition-node-view";
import { SetFieldNodeView } from "./nodes/set-field-node-view";
import { EscalationTriggerNodeView } from "./nodes/escalation-trigger-node-view";
import { EndNodeView } from "./nodes/end-node-view";

/**
 * One memoised view per node type, at module scope: React Flow compares this object by identity, and a registry
 * rebuilt on render remounts every node (xyflow error002).
 */
export const nodeTypes = {
  categorize: CategorizeNodeView,
  status_lookup: StatusLookupNodeView,
  verify_identity: VerifyIdentityNodeView,
  troubleshoot: TroubleshootNodeView,
  schedule: ScheduleNodeView,
  collect_documents: CollectDocumentsNodeView,
  handoff: HandoffNodeView,
  start: StartNodeView,
  message: MessageNodeView,
  ask: AskNodeView,
  condition: ConditionNodeView,
  set_field: SetFieldNodeView,
  escalation_trigger: EscalationTriggerNodeView,
  end: EndNodeView,
} satisfies Record<NodeType, NodeTypes[string]>;
