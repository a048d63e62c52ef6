import { describe, expect, it } from "vitest";
import { generateSlots } from "./generate-slots";

const hours = {
  kind: "hours" as const,
  days: 3,
  openHour: 9,
  closeHour: 11,
  slotMinutes: 60,
  timeZone: "UTC",
  skipWeekends: true,
};

describe("generateSlots", () => {
  it("offers slots inside opening hours, skipping weekends and booked ones", () => {
    // Friday 2026-11-27 12:00 UTC: the next free slots are Monday 9:00 and 10:00 (10:00 is booked).
    const slots = generateSlots(hours, {
      from: new Date("2026-11-27T12:00:00Z"),
      limit: 5,
      booked: new Set(["2026-11-30T10:00:00.000Z"]),
    });

    expect(slots.map((slot) => slot.id)).toEqual(["2026-11-30T09:00:00.000Z"]);
    expect(slots[0]?.label).toBe("Mon 30 Nov 09:00");
  });

  it("returns static slots that are not booked, up to the limit", () => {
    const calendar = {
      kind: "static" as const,
      slots: [
        { id: "a", label: "A" },
        { id: "b", label: "B" },
        { id: "c", label: "C" },
      ],
    };

    expect(generateSlots(calendar, { from: new Date(0), limit: 1, booked: new Set(["a"]) })).toEqual([{ id: "b", label: "B" }]);
  });
});
