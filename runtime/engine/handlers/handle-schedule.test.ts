import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { answered, handlerCtx, stateAt, tapped, typed } from "../testing/handler-context";
import { handleSchedule } from "./handle-schedule";

const calendar = { kind: "static", slots: [{ id: "mon-9", label: "Mon 9:00" }] };
const bookOnly = makeNode("schedule", { actions: ["book"], calendar, maxAttempts: 2 }, { id: "visit" });
const allActions = makeNode("schedule", { actions: ["book", "reschedule", "cancel"], calendar }, { id: "visit" });
const slots = [{ id: "mon-9", label: "Mon 9:00" }, { id: "tue-14", label: "Tue 14:00" }];

describe("handleSchedule", () => {
  it("asks which action when more than one is allowed", () => {
    const result = handleSchedule(allActions, stateAt(allActions), handlerCtx(undefined));

    expect(result.messages[0]).toMatchObject({ kind: "buttons", buttons: [{ title: "Book" }, { title: "Reschedule" }, { title: "Cancel booking" }] });
  });

  it("lists slots straight away when booking is the only action", () => {
    const result = handleSchedule(bookOnly, stateAt(bookOnly), handlerCtx(undefined));

    expect(result).toMatchObject({ kind: "await_effect", effect: { kind: "list_slots", limit: 10, calendar: { kind: "static" } } });
  });

  it("offers the listed slots as a list and books the picked one", () => {
    const listed = handleSchedule(bookOnly, stateAt(bookOnly, { phase: "listing", action: "book" }), handlerCtx(answered({ kind: "list_slots", slots })));
    const picked = handleSchedule(bookOnly, listed.state, handlerCtx(tapped("visit:slot2", "Tue 14:00")));

    expect(listed.messages[0]).toMatchObject({ kind: "list", sections: [{ rows: [{ id: "visit:slot1", title: "Mon 9:00" }, { id: "visit:slot2", title: "Tue 14:00" }] }] });
    expect(picked).toMatchObject({ kind: "await_effect", effect: { kind: "book_slot", slotId: "tue-14", slotLabel: "Tue 14:00" } });
  });

  it("confirms a booking with its reference and leaves by booked", () => {
    const booking = stateAt(bookOnly, { phase: "booking", action: "book", slots: [slots[1] ?? { id: "x", label: "x" }] });

    const result = handleSchedule(bookOnly, booking, handlerCtx(answered({ kind: "book_slot", bookingRef: "BK-7" })));

    expect(result).toMatchObject({ kind: "advance", via: "booked", messages: [{ text: "You're booked for Tue 14:00. Your reference is BK-7." }] });
    expect(result.state.fields).toMatchObject({ appointment_id: "BK-7", appointment_slot: "Tue 14:00" });
  });

  it("asks for the appointment id before rescheduling when it is not known", () => {
    const asked = handleSchedule(allActions, stateAt(allActions, { phase: "choose_action" }), handlerCtx(tapped("visit:reschedule", "Reschedule")));
    const listing = handleSchedule(allActions, asked.state, handlerCtx(typed("BK-7")));

    expect(asked).toMatchObject({ kind: "wait", messages: [{ text: "What is your appointment reference?" }] });
    expect(listing).toMatchObject({ kind: "await_effect", effect: { kind: "list_slots" } });
    expect(listing.state.fields.appointment_id).toBe("BK-7");
  });

  it("reschedules with the known appointment id", () => {
    const state = stateAt(allActions, { phase: "pick_slot", action: "reschedule", slots }, { appointment_id: "BK-7" });

    const result = handleSchedule(allActions, state, handlerCtx(typed("2")));

    expect(result).toMatchObject({ effect: { kind: "reschedule_slot", appointmentId: "BK-7", slotId: "tue-14" } });
  });

  it("cancels a known appointment and leaves by cancelled", () => {
    const asked = handleSchedule(allActions, stateAt(allActions, { phase: "choose_action" }, { appointment_id: "BK-7" }), handlerCtx(typed("Cancel booking")));
    const done = handleSchedule(allActions, asked.state, handlerCtx(answered({ kind: "cancel_booking" })));

    expect(asked).toMatchObject({ effect: { kind: "cancel_booking", appointmentId: "BK-7" } });
    expect(done).toMatchObject({ kind: "advance", via: "cancelled", messages: [{ text: "Your appointment BK-7 is cancelled." }] });
  });

  it("is abandoned when the customer gives up or keeps picking nothing", () => {
    const state = stateAt(bookOnly, { phase: "pick_slot", action: "book", slots });

    const gaveUp = handleSchedule(bookOnly, state, handlerCtx(typed("never mind")));
    const first = handleSchedule(bookOnly, state, handlerCtx(typed("friday?")));
    const second = handleSchedule(bookOnly, first.state, handlerCtx(typed("saturday?")));

    expect(gaveUp).toMatchObject({ kind: "advance", via: "abandoned" });
    expect(first.kind).toBe("wait");
    expect(second).toMatchObject({ kind: "advance", via: "abandoned" });
  });

  it("is abandoned with an apology when no slots are free", () => {
    const result = handleSchedule(bookOnly, stateAt(bookOnly, { phase: "listing" }), handlerCtx(answered({ kind: "list_slots", slots: [] })));

    expect(result).toMatchObject({ via: "abandoned", messages: [{ text: "Sorry, there are no free times right now." }] });
  });

  it("lists slots again when a booking fails, while attempts remain", () => {
    const booking = stateAt(bookOnly, { phase: "booking", action: "book", slots });

    const result = handleSchedule(bookOnly, booking, handlerCtx(answered({ kind: "failure", reason: "unavailable" })));

    expect(result).toMatchObject({ kind: "await_effect", effect: { kind: "list_slots" } });
  });
});
