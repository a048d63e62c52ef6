import { describe, expect, it } from "vitest";
import type { TextCheck } from "@/lib/flow/nodes/ask-node";
import { checkText, samePhone } from "./text-checks";
import { fakeNlu } from "./testing/fake-nlu";

const env = { nlu: fakeNlu(), today: "2026-03-02", pattern: (source: string) => new RegExp(source, "u") };
const check = (rule: TextCheck, text: string) => checkText(rule, text, env);

describe("checkText", () => {
  it("accepts and normalises valid answers", () => {
    expect(check({ kind: "email" }, " ana@example.com ")).toEqual({ ok: true, value: "ana@example.com" });
    expect(check({ kind: "phone" }, "+44 (7700) 900-123")).toEqual({ ok: true, value: "+447700900123" });
    expect(check({ kind: "date" }, "2025-3-4")).toEqual({ ok: true, value: "2025-03-04" });
    expect(check({ kind: "number" }, "3,5")).toEqual({ ok: true, value: "3.5" });
  });

  it("refuses impossible dates, non-numbers and blank answers", () => {
    expect(check({ kind: "date" }, "31/02/2025").ok).toBe(false);
    expect(check({ kind: "number" }, "ten").ok).toBe(false);
    expect(check({ kind: "none" }, "   ").ok).toBe(false);
  });

  it("lets answers through when the manager's pattern does not compile", () => {
    const broken = checkText({ kind: "regex", pattern: "([" }, "anything", { ...env, pattern: () => null });

    expect(broken).toEqual({ ok: true, value: "anything" });
  });
});

describe("samePhone", () => {
  it("matches national and international spellings of one number", () => {
    expect(samePhone("0044 7700 900123", "+447700900123")).toBe(true);
    expect(samePhone("07700900123", "+447700900123")).toBe(true);
    expect(samePhone("123", "123")).toBe(false);
  });
});
