import { describe, expect, it } from "vitest";
import { isWithinHours } from "./business-hours";

const hours = { timeZone: "America/New_York", days: [1, 2, 3, 4, 5], openHour: 9, closeHour: 17, closedText: "Closed" };

describe("isWithinHours", () => {
  it("reads the clock in the team's own time zone", () => {
    expect(isWithinHours(hours, "2026-03-02T14:00:00Z")).toBe(true); // Monday 09:00 in New York
    expect(isWithinHours(hours, "2026-03-02T13:59:00Z")).toBe(false); // Monday 08:59
    expect(isWithinHours(hours, "2026-03-02T22:00:00Z")).toBe(false); // Monday 17:00
  });

  it("is closed on days off", () => {
    expect(isWithinHours(hours, "2026-03-07T15:00:00Z")).toBe(false); // Saturday
  });

  it("counts an unknown time zone or clock as open", () => {
    expect(isWithinHours({ ...hours, timeZone: "Mars/Olympus" }, "2026-03-07T15:00:00Z")).toBe(true);
    expect(isWithinHours(hours, "not a date")).toBe(true);
  });
});
