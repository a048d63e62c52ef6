import { describe, expect, it } from "vitest";
import { resolveAnalyticsFilter } from "./analytics-filter";

const FLOW = "0190d7a4-0000-7000-8000-000000000001";
const TODAY = new Date("2026-03-15T17:30:00Z");

describe("resolveAnalyticsFilter", () => {
  it("defaults to the last 30 whole days including today, without simulator traffic", () => {
    const result = resolveAnalyticsFilter({}, FLOW, TODAY);

    expect(result).toMatchObject({
      ok: true,
      value: {
        fromDay: "2026-02-14",
        toDay: "2026-03-15",
        from: new Date("2026-02-14T00:00:00Z"),
        until: new Date("2026-03-16T00:00:00Z"),
        includeSimulated: false,
        versionId: null,
      },
    });
  });

  it("treats the end date as inclusive and keeps a chosen version", () => {
    const version = "0190d7a4-0000-7000-8000-000000000002";

    const result = resolveAnalyticsFilter({ from: "2026-01-01", to: "2026-01-01", version, simulated: "include" }, FLOW, TODAY);

    expect(result).toMatchObject({
      ok: true,
      value: { from: new Date("2026-01-01T00:00:00Z"), until: new Date("2026-01-02T00:00:00Z"), versionId: version, includeSimulated: true },
    });
  });

  it("refuses a range that ends before it starts, with a plain message", () => {
    const result = resolveAnalyticsFilter({ from: "2026-02-02", to: "2026-02-01" }, FLOW, TODAY);

    expect(result).toEqual({ ok: false, error: { code: "invalid-range", message: "The start date must be on or before the end date." } });
  });

  it("refuses a date that does not exist", () => {
    expect(resolveAnalyticsFilter({ from: "2026-02-31", to: "2026-13-01" }, FLOW, TODAY).ok).toBe(false);
  });
});
