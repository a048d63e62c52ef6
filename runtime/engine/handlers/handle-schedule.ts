import type { ScheduleNode } from "@/lib/flow/nodes/schedule-node";
import { fillFields } from "@/lib/flow/templating";
import { foldText } from "../fold-text";
import { assertNever } from "@/lib/result";
import type { ConversationState, NodeScratch } from "../conversation-state";
import { DEFAULT_TEXTS } from "../default-texts";
import type { Slot } from "../effect";
import {
  advance,
  awaitEffect,
  countFailure,
  wait,
  withFields,
  type HandlerContext,
  type HandlerResult,
  type NodeHandler,
} from "../node-handler";
import { choiceMessage, clip, textMessages } from "../outgoing";
import { matchOption } from "../reply-matching";

type Action = NonNullable<NodeScratch["action"]>;

const GIVE_UP = new Set(["never mind", "nevermind", "forget it", "stop", "quit", "exit", "no thanks", "not now", "give up"]);
const MAX_SLOTS = 10;

const gaveUp = (text: string) => text.length <= 60 && GIVE_UP.has(foldText(text));

const fieldOf = (state: ConversationState, key: string) => (Object.hasOwn(state.fields, key) ? (state.fields[key] ?? "").trim() : "");

function requestSlots(node: ScheduleNode, state: ConversationState, ctx: HandlerContext, messages = textMessages("")): HandlerResult {
  const next = { ...state, scratch: { ...state.scratch, phase: "listing" } };
  return awaitEffect(
    next,
    { kind: "list_slots", id: ctx.newEffectId(), nodeId: node.id, calendar: node.data.calendar, from: ctx.engine.now, limit: MAX_SLOTS },
    messages,
  );
}

function startAction(node: ScheduleNode, state: ConversationState, action: Action, ctx: HandlerContext): HandlerResult {
  const withAction = { ...state, scratch: { ...state.scratch, action, attempts: 0 } };
  if (action === "book") return requestSlots(node, withAction, ctx);
  const appointmentId = fieldOf(state, node.data.appointmentField);
  if (appointmentId === "") {
    return wait({ ...withAction, scratch: { ...withAction.scratch, phase: "ask_appointment" } }, textMessages(DEFAULT_TEXTS.scheduleAskAppointment));
  }
  return continueWithAppointment(node, withAction, action, appointmentId, ctx);
}

function continueWithAppointment(node: ScheduleNode, state: ConversationState, action: Action, appointmentId: string, ctx: HandlerContext): HandlerResult {
  if (action !== "cancel") return requestSlots(node, state, ctx);
  const next = { ...state, scratch: { ...state.scratch, phase: "cancelling" } };
  return awaitEffect(next, {
    kind: "cancel_booking",
    id: ctx.newEffectId(),
    nodeId: node.id,
    appointmentId,
    customerPhone: ctx.engine.customer.phone,
  });
}

function bookSlot(node: ScheduleNode, state: ConversationState, slot: Slot, ctx: HandlerContext): HandlerResult {
  const next = { ...state, scratch: { ...state.scratch, phase: "booking", slots: [slot] } };
  const base = { id: ctx.newEffectId(), nodeId: node.id, slotId: slot.id, slotLabel: slot.label, customerPhone: ctx.engine.customer.phone };
  if (state.scratch.action === "reschedule") {
    return awaitEffect(next, { ...base, kind: "reschedule_slot", appointmentId: fieldOf(state, node.data.appointmentField) });
  }
  return awaitEffect(next, { ...base, kind: "book_slot" });
}

const abandon = (state: ConversationState, text = "") => advance(state, "abandoned", textMessages(text));

/** A wrong answer: counted, and after the node's attempts the customer is let go as "abandoned". */
function retryOrAbandon(node: ScheduleNode, state: ConversationState, again: HandlerResult["messages"]): HandlerResult {
  const retry = countFailure(state, node.id, state.scratch.phase);
  if (retry.state.scratch.attempts >= node.data.maxAttempts) return advance(retry.state, "abandoned", [], [retry.event]);
  return wait(retry.state, again, [retry.event]);
}

/** Rows are numbered rather than keyed by the calendar's slot ids, which may be too long for WhatsApp row ids. */
const slotOptions = (slots: readonly Slot[]) => slots.map((slot, index) => ({ id: `slot${index + 1}`, title: slot.label, slot }));

function slotList(node: ScheduleNode, slots: readonly Slot[]) {
  return choiceMessage(node.id, DEFAULT_TEXTS.scheduleChooseSlot, slotOptions(slots), DEFAULT_TEXTS.scheduleSlotButton, true);
}

function onEffect(node: ScheduleNode, state: ConversationState, ctx: HandlerContext): HandlerResult {
  if (ctx.input?.kind !== "effect_result") return wait(state);
  const { result } = ctx.input;
  const { appointmentField, slotField, confirmText } = node.data;
  switch (result.kind) {
    case "list_slots": {
      const slots = result.slots.filter((slot) => slot.id !== "" && slot.label !== "").slice(0, MAX_SLOTS);
      if (slots.length === 0) return abandon(state, DEFAULT_TEXTS.scheduleNoSlots);
      const next = { ...state, scratch: { ...state.scratch, phase: "pick_slot", slots, attempts: 0 } };
      return wait(next, [slotList(node, slots)]);
    }
    case "book_slot":
    case "reschedule_slot": {
      const picked = state.scratch.slots?.[0];
      const label = result.slotLabel ?? picked?.label ?? "";
      const bookingRef = result.bookingRef ?? fieldOf(state, appointmentField);
      const next = withFields(state, { [appointmentField]: clip(bookingRef, 200), [slotField]: clip(label, 200) });
      return advance(next, result.kind === "book_slot" ? "booked" : "rescheduled", textMessages(fillFields(confirmText, next.fields)));
    }
    case "cancel_booking":
      return advance(state, "cancelled", textMessages(fillFields(DEFAULT_TEXTS.scheduleCancelled.replace("appointment_id", appointmentField), state.fields)));
    case "failure": {
      // A slot taken meanwhile is worth another look at the calendar; anything else lets the customer go.
      if (state.scratch.phase === "booking" && state.scratch.attempts + 1 < node.data.maxAttempts) {
        const retried = { ...state, scratch: { ...state.scratch, attempts: state.scratch.attempts + 1 } };
        return requestSlots(node, retried, ctx, textMessages(DEFAULT_TEXTS.scheduleFailed));
      }
      return abandon(state, DEFAULT_TEXTS.scheduleFailed);
    }
    case "lookup":
    case "send_otp":
    case "create_handoff":
      return abandon(state, DEFAULT_TEXTS.scheduleFailed);
    default:
      return assertNever(result);
  }
}

/** Pattern 5: pick an action, see up to ten free slots, pick one; reschedule and cancel need the appointment id. */
export const handleSchedule: NodeHandler<"schedule"> = (node, state, ctx) => {
  const { actions, prompt } = node.data;
  const actionOptions = actions.map((action) => ({ id: action, title: DEFAULT_TEXTS.scheduleActions[action] }));
  const chooseAction = () => choiceMessage(node.id, fillFields(prompt, state.fields), actionOptions, "");

  if (ctx.input === undefined) {
    const [only] = actions;
    if (actions.length === 1 && only) return startAction(node, state, only, ctx);
    return wait({ ...state, scratch: { ...state.scratch, phase: "choose_action" } }, [chooseAction()]);
  }
  if (ctx.input.kind === "effect_result") return onEffect(node, state, ctx);

  const { input, text } = ctx.input;
  if (gaveUp(text)) return abandon(state);
  switch (state.scratch.phase) {
    case "choose_action": {
      const picked = matchOption(node.id, input, actionOptions);
      return picked ? startAction(node, state, picked.id, ctx) : retryOrAbandon(node, state, [chooseAction()]);
    }
    case "ask_appointment": {
      const appointmentId = text.trim();
      const action = state.scratch.action ?? "reschedule";
      if (appointmentId === "" || appointmentId.length > 100) {
        return retryOrAbandon(node, state, textMessages(DEFAULT_TEXTS.scheduleAskAppointment));
      }
      return continueWithAppointment(node, withFields(state, { [node.data.appointmentField]: appointmentId }), action, appointmentId, ctx);
    }
    case "pick_slot": {
      const slots = state.scratch.slots ?? [];
      if (slots.length === 0) return requestSlots(node, state, ctx);
      const picked = matchOption(node.id, input, slotOptions(slots));
      if (picked) return bookSlot(node, state, picked.slot, ctx);
      return retryOrAbandon(node, state, [...textMessages(DEFAULT_TEXTS.scheduleSlotRetry), slotList(node, slots)]);
    }
    default:
      return retryOrAbandon(node, state, [chooseAction()]);
  }
};
