import { describe, expect, it } from "vitest";
import { expectsReply } from "./expects-reply";

describe("expectsReply", () => {
  it.each(["text", "interactive", "button", "image", "document", "location", "contacts", "order", "request_welcome", "unknown", "brand_new_type"])(
    "runs the flow for a %s message",
    (type) => {
      expect(expectsReply({ type, raw: {} })).toBe(true);
    },
  );

  it.each(["reaction", "system", "revoke", "edit"])("stays silent on a %s event", (type) => {
    expect(expectsReply({ type, raw: {} })).toBe(false);
  });

  it("stays silent on an edit delivered as unsupported but answers other unsupported content", () => {
    expect(expectsReply({ type: "unsupported", raw: { unsupported: { type: "edit" } } })).toBe(false);
    expect(expectsReply({ type: "unsupported", raw: { unsupported: { type: "poll_creation" } } })).toBe(true);
    expect(expectsReply({ type: "unsupported", raw: {} })).toBe(true);
  });
});
