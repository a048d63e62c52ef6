import { describe, expect, it } from "vitest";
import { classifySendFailure, nextRetryDelayMs, parseRetryAfterMs } from "./graph-errors";

describe("classifySendFailure", () => {
  it.each([130429, 131056, 131000, 131016, 2, 1, 133004, 131057, 4, 80007])("retries error code %i", (errorCode) => {
    expect(classifySendFailure({ httpStatus: 400, errorCode }).kind).toBe("retry");
  });

  it("names the reason of a retry", () => {
    expect(classifySendFailure({ httpStatus: 429, errorCode: 130429 })).toEqual({
      kind: "retry",
      reason: "throughput limit reached (130429)",
    });
  });

  it.each([
    ["HTTP 429", { httpStatus: 429 }],
    ["HTTP 500", { httpStatus: 500 }],
    ["HTTP 503", { httpStatus: 503 }],
    ["a timeout", { network: "timeout" as const }],
    ["a network error", { network: "error" as const }],
  ])("retries %s without an error code", (_label, outcome) => {
    expect(classifySendFailure(outcome).kind).toBe("retry");
  });

  it("reports a timeout as such", () => {
    expect(classifySendFailure({ network: "timeout" })).toEqual({ kind: "retry", reason: "timeout" });
  });

  it("stops the channel on an invalid token", () => {
    expect(classifySendFailure({ httpStatus: 401, errorCode: 190 })).toEqual({ kind: "unauthorized" });
  });

  it("asks for a template outside the 24-hour window", () => {
    expect(classifySendFailure({ httpStatus: 400, errorCode: 131047 })).toEqual({ kind: "outside_window" });
  });

  it.each([0, 3, 10, 200, 250, 299, 131005])("fails permission error %i with reason permission", (errorCode) => {
    expect(classifySendFailure({ httpStatus: 403, errorCode })).toEqual({ kind: "fail", reason: "permission" });
  });

  it.each([100, 131008, 131009, 131021, 131026, 131048, 131049, 131050, 131051, 131053, 131062, 368, 131031, 131042, 132000, 132015])(
    "fails error code %i without retrying",
    (errorCode) => {
      const result = classifySendFailure({ httpStatus: 400, errorCode });

      expect(result.kind).toBe("fail");
      expect(result.kind === "fail" && result.reason).toContain(String(errorCode));
    },
  );

  it("trusts the error code over a throttling HTTP status", () => {
    expect(classifySendFailure({ httpStatus: 429, errorCode: 131048 }).kind).toBe("fail");
  });

  it("retries an unknown code on a server status but fails it on a client status", () => {
    expect(classifySendFailure({ httpStatus: 502, errorCode: 999999 }).kind).toBe("retry");
    expect(classifySendFailure({ httpStatus: 400, errorCode: 999999 })).toEqual({ kind: "fail", reason: "Graph error 999999" });
  });

  it("treats a bare 401 as unauthorized and a bare 400 as a failure", () => {
    expect(classifySendFailure({ httpStatus: 401 })).toEqual({ kind: "unauthorized" });
    expect(classifySendFailure({ httpStatus: 400 })).toEqual({ kind: "fail", reason: "HTTP 400" });
  });
});

describe("nextRetryDelayMs", () => {
  const max = () => 0.999999;
  const min = () => 0;

  it("doubles the jitter ceiling from 1 s and caps it at 60 s", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => nextRetryDelayMs({ attempt, random: max }));

    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it("draws a full jitter between zero and the ceiling", () => {
    expect(nextRetryDelayMs({ attempt: 3, random: min })).toBe(0);
    expect(nextRetryDelayMs({ attempt: 3, random: () => 0.5 })).toBe(2000);
  });

  it("waits 4^(attempt-1) seconds after a pair rate limit", () => {
    const delays = [1, 2, 3, 4].map((attempt) => nextRetryDelayMs({ attempt, random: max, errorCode: 131056 }));

    expect(delays).toEqual([1000, 4000, 16000, 64000]);
  });

  it("waits at least a minute during maintenance", () => {
    expect(nextRetryDelayMs({ attempt: 1, random: min, errorCode: 131057 })).toBe(60000);
  });

  it("honours Retry-After in seconds, beyond the backoff cap", () => {
    expect(nextRetryDelayMs({ attempt: 1, random: min, retryAfterHeader: "120" })).toBe(120000);
    expect(nextRetryDelayMs({ attempt: 9, random: min, retryAfterHeader: "2" })).toBe(2000);
  });

  it("adds at most a tenth of Retry-After as jitter", () => {
    expect(nextRetryDelayMs({ attempt: 1, random: max, retryAfterHeader: "5" })).toBe(5500);
  });

  it("honours Retry-After as an HTTP date relative to the given now", () => {
    const now = Date.parse("2026-11-26T10:00:00Z");

    const delay = nextRetryDelayMs({ attempt: 1, random: min, retryAfterHeader: "Thu, 26 Nov 2026 10:00:30 GMT", now });

    expect(delay).toBe(30000);
  });

  it("falls back to backoff when Retry-After cannot be read", () => {
    expect(nextRetryDelayMs({ attempt: 2, random: max, retryAfterHeader: "soon" })).toBe(2000);
    expect(nextRetryDelayMs({ attempt: 2, random: max, retryAfterHeader: "Thu, 26 Nov 2026 10:00:30 GMT" })).toBe(2000);
  });
});

describe("parseRetryAfterMs", () => {
  it("treats a date in the past as no wait", () => {
    expect(parseRetryAfterMs("Thu, 26 Nov 2026 09:00:00 GMT", Date.parse("2026-11-26T10:00:00Z"))).toBe(0);
  });

  it("returns undefined when the header is absent", () => {
    expect(parseRetryAfterMs(null)).toBeUndefined();
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs("  ")).toBeUndefined();
  });
});
