import { resolveStaticLookup, mapLookupResponse, type Effect, type EffectResult } from "@/runtime/engine";
import { generateSlots } from "@/runtime/scheduling/generate-slots";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { assertNever } from "@/lib/result";

/**
 * Effects answered without a database, for flows as code and replays: static lookups from the flow, HTTP lookups
 * for real, slots and bookings in memory, one-time codes remembered so a script can type "{{otp}}".
 */
export function createInMemoryEffects(flow: FlowDocument, options: { fetchImpl?: typeof fetch } = {}) {
  const booked = new Map<string, string>();
  let lastOtp: string | null = null;
  let bookingCounter = 0;
  const fetchImpl = options.fetchImpl ?? fetch;

  async function resolve(effect: Effect): Promise<EffectResult> {
    switch (effect.kind) {
      case "lookup": {
        if (effect.source.kind === "static") return resolveStaticLookup(flow, effect);
        try {
          const response = await fetchImpl(effect.source.url, { signal: AbortSignal.timeout(effect.source.timeoutMs) });
          if (response.status === 404) return { kind: "lookup", outcome: "not_found", values: {} };
          if (!response.ok) return { kind: "failure", reason: "error", message: `HTTP ${response.status}` };
          return { kind: "lookup", outcome: "found", values: mapLookupResponse(await response.json(), effect.source.mapping) };
        } catch {
          return { kind: "failure", reason: "timeout" };
        }
      }
      case "send_otp":
        lastOtp = effect.code;
        return { kind: "send_otp" };
      case "list_slots":
        return {
          kind: "list_slots",
          slots: generateSlots(effect.calendar, { from: new Date(effect.from), limit: effect.limit, booked: new Set(booked.values()) }),
        };
      case "book_slot": {
        if ([...booked.values()].includes(effect.slotId)) return { kind: "failure", reason: "unavailable" };
        bookingCounter += 1;
        const reference = `BK-${String(bookingCounter).padStart(4, "0")}`;
        booked.set(reference, effect.slotId);
        return { kind: "book_slot", bookingRef: reference, slotLabel: effect.slotLabel };
      }
      case "reschedule_slot":
        if (!booked.has(effect.appointmentId)) return { kind: "failure", reason: "not_found" };
        booked.set(effect.appointmentId, effect.slotId);
        return { kind: "reschedule_slot", bookingRef: effect.appointmentId, slotLabel: effect.slotLabel };
      case "cancel_booking":
        return booked.delete(effect.appointmentId) ? { kind: "cancel_booking" } : { kind: "failure", reason: "not_found" };
      case "create_handoff":
        return { kind: "create_handoff", handoffId: "handoff-1" };
      default:
        return assertNever(effect);
    }
  }

  return { resolve, lastOtp: () => lastOtp };
}
