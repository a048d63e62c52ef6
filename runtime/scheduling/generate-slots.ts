import type { Calendar } from "@/lib/flow/nodes/schedule-node";
import type { Slot } from "@/runtime/engine";

/**
 * The next free slots of a calendar after `from`. Slot ids are stable ISO start times for opening-hours
 * calendars, so a booking names the same slot whoever lists it.
 */
export function generateSlots(calendar: Calendar, input: { from: Date; limit: number; booked: ReadonlySet<string> }): Slot[] {
  if (calendar.kind === "static") {
    return calendar.slots.filter((slot) => !input.booked.has(slot.id)).slice(0, input.limit);
  }
  const slots: Slot[] = [];
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: calendar.timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: calendar.timeZone,
    hour: "numeric",
    minute: "numeric",
    weekday: "short",
    hourCycle: "h23",
  });
  const stepMs = calendar.slotMinutes * 60_000;
  // Walk forward from the next whole slot boundary; hours and weekdays are read in the calendar's time zone.
  let cursor = Math.ceil(input.from.getTime() / stepMs) * stepMs + stepMs;
  const end = input.from.getTime() + calendar.days * 24 * 60 * 60_000;
  while (cursor < end && slots.length < input.limit) {
    const at = new Date(cursor);
    const fields = Object.fromEntries(parts.formatToParts(at).map((part) => [part.type, part.value]));
    const hour = Number(fields.hour);
    const weekend = fields.weekday === "Sat" || fields.weekday === "Sun";
    const id = at.toISOString();
    if (hour >= calendar.openHour && hour < calendar.closeHour && !(calendar.skipWeekends && weekend) && !input.booked.has(id)) {
      slots.push({ id, label: format.format(at).replace(",", "") });
    }
    cursor += stepMs;
  }
  return slots;
}
