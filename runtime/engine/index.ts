// The pure flow engine. How a runtime (webhook, simulator, flow test runner) drives it:
// - Load the conversation's state and parse it with conversationStateSchema (null for a new conversation);
//   step() also treats a malformed state as "start over".
// - Call step(flow, state, input, ctx) once per input, save result.state, send the "message" outputs in order,
//   store result.events, and handle the "effect" outputs:
//   lookup (static: resolveStaticLookup; http: GET effect.source.url within timeoutMs, then mapLookupResponse),
//   send_otp, list_slots, book_slot, reschedule_slot, cancel_booking: answer with
//   step(…, { kind: "effect_result", effectId, result }) — a { kind: "failure" } result when it fails.
//   create_handoff needs no answer: attach the transcript to its packet and open the handoff.
// - While state.status is "waiting_effect" the engine ignores customer text except "talk to an agent".
// - After settings.inactivityMinutes of silence send { kind: "timeout" }; an agent hands back with
//   { kind: "resume", nodeId }. While status is "handoff" the engine answers nothing. A timeout while an
//   effect is pending counts as that effect failing.

/** The pure flow engine: step a conversation through a flow. */
export { step } from "./step";
/** Types and schemas of what step takes and returns. */
export { conversationStateSchema, initialState, type ConversationState, type ConversationStatus, type NodeScratch } from "./conversation-state";
export { engineInputSchema, type EngineInput } from "./engine-input";
export type { EngineContext } from "./engine-context";
export { outputSchema, stepResultSchema, type Output, type StepResult } from "./step-result";
export { analyticsEventSchema, type AnalyticsEvent, type AnalyticsEventType } from "./analytics-event";
export {
  effectSchema,
  effectResultSchema,
  handoffPacketSchema,
  checklistStatusSchema,
  escalationSchema,
  type Effect,
  type EffectKind,
  type EffectOfKind,
  type EffectResult,
  type HandoffPacket,
  type ChecklistStatus,
  type Escalation,
  type Slot,
} from "./effect";
/** Pure helpers the runtime uses to resolve lookup effects. */
export { resolveStaticLookup, mapLookupResponse } from "./lookup-resolution";
/** Which checklist requirements are collected, e.g. for the inbox. */
export { checklistForFlow } from "./checklist";
