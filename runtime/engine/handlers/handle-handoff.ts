import { renderTemplate } from "@/lib/flow/templating";
import { isWithinHours } from "../business-hours";
import { checklistStatus } from "../checklist";
import type { ConversationState } from "../conversation-state";
import type { Escalation, HandoffPacket } from "../effect";
import type { NodeHandler } from "../node-handler";
import { textMessages } from "../outgoing";

const ROUTED_BY_FLOW: Escalation = { reason: "The flow handed the conversation to an agent", kind: "flow_route", triggerId: null };

/**
 * Pattern 7: tells the customer who will answer and when, and gives the agent everything collected.
 * Terminal for the bot: the conversation stays silent until an agent resumes or resolves it.
 */
export const handleHandoff: NodeHandler<"handoff"> = (node, state, ctx) => {
  if (ctx.input !== undefined) return { kind: "handoff", state, messages: [], events: [], effect: null };

  const { queue, priority, confirmationText, eta, hours } = node.data;
  const escalation = state.escalation ?? ROUTED_BY_FLOW;
  const isOpen = hours ? isWithinHours(hours, ctx.engine.now) : true;
  const extras: Readonly<Record<string, string>> = { queue, eta };
  const text = renderTemplate(isOpen || !hours ? confirmationText : hours.closedText, (key) =>
    Object.hasOwn(extras, key) ? extras[key] : Object.hasOwn(state.fields, key) ? state.fields[key] : undefined,
  );
  const checklist = checklistStatus(ctx.flow, state.intent, state.fields);
  const next: ConversationState = { ...state, escalation, checklist };
  const packet: HandoffPacket = {
    handoffNodeId: node.id,
    queue,
    priority,
    reason: escalation.reason,
    escalationKind: escalation.kind,
    triggerId: escalation.triggerId,
    fields: { ...state.fields },
    sensitiveFields: [...ctx.flow.sensitiveFieldKeys],
    intent: state.intent,
    confidence: state.confidence,
    verified: state.verified,
    checklist,
    stepsTried: [...state.stepsTried],
    summary: ctx.engine.nlu.summarize(state.recent, 3),
    outsideHours: !isOpen,
    path: [...state.path],
  };
  return {
    kind: "handoff",
    state: next,
    messages: textMessages(text),
    events: [
      {
        type: "conversation.escalated",
        nodeId: node.id,
        data: { reason: escalation.reason, kind: escalation.kind, triggerId: escalation.triggerId, queue },
      },
    ],
    effect: { kind: "create_handoff", id: ctx.newEffectId(), nodeId: node.id, packet },
  };
};
