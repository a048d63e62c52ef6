import type { NodeType } from "@/lib/flow/flow-node";
import type { NodeHandler } from "../node-handler";
import { handleAsk } from "./handle-ask";
import { handleCategorize } from "./handle-categorize";
import { handleCollectDocuments } from "./handle-collect-documents";
import { handleCondition } from "./handle-condition";
import { handleEnd } from "./handle-end";
import { handleEscalationTrigger } from "./handle-escalation-trigger";
import { handleHandoff } from "./handle-handoff";
import { handleMessage } from "./handle-message";
import { handleSchedule } from "./handle-schedule";
import { handleSetField } from "./handle-set-field";
import { handleStart } from "./handle-start";
import { handleStatusLookup } from "./handle-status-lookup";
import { handleTroubleshoot } from "./handle-troubleshoot";
import { handleVerifyIdentity } from "./handle-verify-identity";

/** One handler per node type; a new type without a handler fails to compile here. */
export const handlers = {
  categorize: handleCategorize,
  status_lookup: handleStatusLookup,
  verify_identity: handleVerifyIdentity,
  troubleshoot: handleTroubleshoot,
  schedule: handleSchedule,
  collect_documents: handleCollectDocuments,
  handoff: handleHandoff,
  start: handleStart,
  message: handleMessage,
  ask: handleAsk,
  condition: handleCondition,
  set_field: handleSetField,
  escalation_trigger: handleEscalationTrigger,
  end: handleEnd,
} satisfies { [T in NodeType]: NodeHandler<T> };
