import { describe, expect, it } from "vitest";
import { formatDuration, formatPercent } from "./format-duration";

describe("formatDuration", () => {
  it("says durations the way people do", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(12 * 60 + 10)).toBe("12 min");
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe("3 h 20 min");
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe("2 d 4 h");
  });

  it("shows a dash when there is nothing to measure", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(0.4)).toBe("40.0 %");
  });
});
