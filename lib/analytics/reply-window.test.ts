import { describe, expect, it } from "vitest";
import { replyWindow } from "./reply-window";

const NOW = new Date("2026-03-15T12:00:00Z");

describe("replyWindow", () => {
  it("is open until 24 hours after the customer's last message", () => {
    const result = replyWindow({ lastCustomerMessageAt: new Date("2026-03-14T12:00:01Z"), outsideWindow: false, now: NOW });

    expect(result).toEqual({ open: true, closesAt: new Date("2026-03-15T12:00:01Z") });
  });

  it("is closed exactly 24 hours later", () => {
    const result = replyWindow({ lastCustomerMessageAt: new Date("2026-03-14T12:00:00Z"), outsideWindow: false, now: NOW });

    expect(result).toEqual({ open: false, reason: "expired" });
  });

  it("trusts WhatsApp's refusal over our clock", () => {
    const result = replyWindow({ lastCustomerMessageAt: NOW, outsideWindow: true, now: NOW });

    expect(result).toEqual({ open: false, reason: "rejected-by-whatsapp" });
  });

  it("is closed when the customer never wrote", () => {
    expect(replyWindow({ lastCustomerMessageAt: null, outsideWindow: false, now: NOW })).toEqual({ open: false, reason: "never-opened" });
  });
});
