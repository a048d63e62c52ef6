import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/db/index";
import type { Conversation } from "@/db/schema";
import { addCustomerNotice, createHandoffRow, listTranscript } from "@/db/queries/conversations";
import { cancelBookingByReference, createBooking, listBookedSlotIds, moveBooking } from "@/db/queries/bookings";
import { mapLookupResponse, resolveStaticLookup, type Effect, type EffectResult } from "@/runtime/engine";
import { generateSlots } from "@/runtime/scheduling/generate-slots";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { assertNever } from "@/lib/result";

const bookingReference = () => `BK-${randomBytes(4).toString("hex").toUpperCase()}`;

/** Carries out one engine effect inside the conversation's transaction and answers it for the engine. */
export async function resolveEffect(
  tx: Tx,
  effect: Effect,
  context: { flow: FlowDocument; conversation: Conversation; customerPhone: string },
): Promise<EffectResult> {
  switch (effect.kind) {
    case "lookup":
      if (effect.source.kind === "static") return resolveStaticLookup(context.flow, effect);
      return fetchLookup(effect.source.url, effect.source.timeoutMs, effect.source.mapping);
    case "send_otp":
      // No SMS provider is configured: the code is a customer notice (shown by the simulator as a phone notification).
      await addCustomerNotice(tx, {
        conversationId: context.conversation.id,
        kind: "otp",
        text: `Your Threadline verification code is ${effect.code}`,
      });
      return { kind: "send_otp" };
    case "list_slots": {
      const booked = await listBookedSlotIds(tx, context.conversation.flowId);
      return {
        kind: "list_slots",
        slots: generateSlots(effect.calendar, { from: new Date(effect.from), limit: effect.limit, booked }),
      };
    }
    case "book_slot": {
      const booked = await createBooking(tx, {
        reference: bookingReference(),
        flowId: context.conversation.flowId,
        conversationId: context.conversation.id,
        customerPhone: effect.customerPhone,
        slotId: effect.slotId,
        slotLabel: effect.slotLabel,
      });
      return booked.ok
        ? { kind: "book_slot", bookingRef: booked.value, slotLabel: effect.slotLabel }
        : { kind: "failure", reason: "unavailable", message: "That slot was just taken." };
    }
    case "reschedule_slot": {
      const moved = await moveBooking(tx, {
        reference: effect.appointmentId,
        customerPhone: effect.customerPhone,
        slotId: effect.slotId,
        slotLabel: effect.slotLabel,
      });
      if (moved.ok) return { kind: "reschedule_slot", bookingRef: moved.value, slotLabel: effect.slotLabel };
      return { kind: "failure", reason: moved.error === "taken" ? "unavailable" : "not_found" };
    }
    case "cancel_booking": {
      const cancelled = await cancelBookingByReference(tx, {
        reference: effect.appointmentId,
        customerPhone: effect.customerPhone,
      });
      return cancelled.ok ? { kind: "cancel_booking" } : { kind: "failure", reason: "not_found" };
    }
    case "create_handoff": {
      const transcript = await listTranscript(tx, context.conversation.id);
      const handoffId = await createHandoffRow(tx, {
        conversationId: context.conversation.id,
        queue: effect.packet.queue,
        priority: effect.packet.priority,
        reason: effect.packet.reason,
        packet: { ...effect.packet, transcript: transcript.map(({ seq, author, text }) => ({ seq, author, text })) },
      });
      return { kind: "create_handoff", handoffId };
    }
    default:
      return assertNever(effect);
  }
}

async function fetchLookup(
  url: string,
  timeoutMs: number,
  mapping: { field: string; path: string }[],
): Promise<EffectResult> {
  try {
    const response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    if (response.status === 404) return { kind: "lookup", outcome: "not_found", values: {} };
    if (!response.ok) return { kind: "failure", reason: "error", message: `HTTP ${response.status}` };
    const json: unknown = await response.json();
    return { kind: "lookup", outcome: "found", values: mapLookupResponse(json, mapping) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { kind: "failure", reason: timedOut ? "timeout" : "error", message: error instanceof Error ? error.message : "" };
  }
}
