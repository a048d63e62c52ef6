import { describe, expect, it } from "vitest";
import { average, percentile, rate } from "./percentile";

describe("percentile", () => {
  it("interpolates between ranks like PostgreSQL's percentile_cont", () => {
    const values = [10, 20, 30, 40];

    expect(percentile(values, 0.5)).toBe(25);
    expect(percentile(values, 0.9)).toBeCloseTo(37, 10);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it("does not depend on the order of the values", () => {
    expect(percentile([40, 10, 30, 20], 0.5)).toBe(25);
  });

  it("has no value for no data", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(average([])).toBeNull();
    expect(rate(0, 0)).toBeNull();
  });

  it("gives rates as shares of the whole", () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(average([1, 2, 6])).toBe(3);
  });
});
