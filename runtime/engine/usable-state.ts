import type { ConversationState } from "./conversation-state";
import type { FlowIndex } from "./flow-index";

const STATUSES = new Set(["active", "waiting_effect", "handoff", "ended"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A cheap structural check that a stored state can be continued on this flow. The runtime parses states
 * with conversationStateSchema when it loads them; this guards the per-step path without a full parse,
 * and a state that fails it makes the conversation start over.
 */
export function isUsableState(state: ConversationState | null, flow: FlowIndex): state is ConversationState {
  const value: unknown = state;
  if (!isRecord(value)) return false;
  const scratch = value.scratch;
  const pending = value.pendingEffect;
  return (
    value.version === 1 &&
    typeof value.nodeId === "string" &&
    typeof value.status === "string" &&
    STATUSES.has(value.status) &&
    // A finished or handed-off conversation may rest outside the graph (the fail-safe handoff does).
    (value.status === "ended" || value.status === "handoff" || flow.nodes.has(value.nodeId)) &&
    isRecord(value.fields) &&
    isRecord(scratch) &&
    typeof scratch.phase === "string" &&
    typeof scratch.attempts === "number" &&
    typeof scratch.index === "number" &&
    Array.isArray(value.path) &&
    Array.isArray(value.recent) &&
    Array.isArray(value.sentiment) &&
    Array.isArray(value.stepsTried) &&
    Array.isArray(value.firedTriggers) &&
    Array.isArray(value.checklist) &&
    isRecord(value.validationFailures) &&
    typeof value.verified === "boolean" &&
    typeof value.clarificationUsed === "boolean" &&
    typeof value.customerTurns === "number" &&
    (pending === null || (isRecord(pending) && typeof pending.id === "string" && typeof pending.nodeId === "string"))
  );
}
