import { describe, expect, it } from "vitest";
import { supportDeskFixture } from "@/lib/flow/test-builders";
import type { Effect } from "./effect";
import { Conversation } from "./testing/conversation";

const flow = supportDeskFixture();

function otpCode(effect: Effect | undefined): string {
  if (effect?.kind !== "send_otp") throw new Error("expected a send_otp effect");
  return effect.code;
}

/** A conversation that has been greeted and shown the topics. */
function greeted() {
  const chat = new Conversation(flow);
  chat.say("hello");
  return chat;
}

describe("support desk: categorization", () => {
  it("skips the menu when the opening message is clear", () => {
    const chat = new Conversation(flow);

    chat.say("Where is my order?");

    expect(chat.state).toMatchObject({ nodeId: "order-status", intent: "delivery" });
  });

  it("takes a tapped topic", () => {
    const chat = greeted();

    chat.tap("Billing question");

    expect(chat.state).toMatchObject({ nodeId: "billing-email", intent: "billing", confidence: 1 });
  });

  it("escalates on low confidence after the clarifying question", () => {
    const chat = greeted();
    chat.say("my thing is weird");

    chat.say("it just is");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "low_confidence" } });
  });
});

describe("support desk: order status", () => {
  it("answers from the record and asks for a rating", () => {
    const chat = greeted();
    chat.tap("Where is my order");
    chat.say("AB-12345");
    const lookup = chat.pendingEffect();

    chat.resolve({ kind: "lookup", outcome: "found", values: { status: "shipped", eta: "Friday" } });

    expect(lookup).toMatchObject({ kind: "lookup", reference: "AB-12345" });
    expect(chat.texts()).toEqual(["Order AB-12345 is shipped, arriving Friday.", "Glad I could help!", "How did we do? Rate us from 1 to 5."]);
    expect(chat.state?.checklist).toEqual([
      { checklistId: "delivery-min", intent: "delivery", label: "Order status", collected: ["Order number", "customer_phone"], missing: [], complete: true },
    ]);
  });

  it("hands off with the checklist when the order is not found", () => {
    const chat = greeted();
    chat.tap("Where is my order");
    chat.say("ZZ-99999");

    chat.resolve({ kind: "lookup", outcome: "not_found", values: {} });

    expect(chat.texts()[0]).toBe("I couldn't find order ZZ-99999.");
    expect(chat.effects()[0]).toMatchObject({ kind: "create_handoff", packet: { queue: "Support", checklist: [{ complete: true }] } });
  });

  it("hands off when the order system fails", () => {
    const chat = greeted();
    chat.tap("Where is my order");
    chat.say("AB-12345");

    chat.resolve({ kind: "failure", reason: "timeout" });

    expect(chat.texts()[0]).toBe("Our order system is not answering right now.");
    expect(chat.state?.status).toBe("handoff");
  });

  it("escalates after three badly formatted references", () => {
    const chat = greeted();
    chat.tap("Where is my order");

    chat.say("123");
    chat.say("456");
    chat.say("789");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "flow_failure", reason: "Stuck on a question" } });
  });
});

describe("support desk: verification and a sensitive step", () => {
  it("verifies with a one-time code and then allows the sensitive step", () => {
    const chat = greeted();
    chat.tap("Update my address");
    const code = otpCode(chat.pendingEffect());
    chat.resolve({ kind: "send_otp" });

    chat.say(code);
    chat.say("1 High Street");

    expect(chat.texts()).toEqual(["Thanks, your new address is saved."]);
    expect(chat.state?.fields).toMatchObject({ verified: "true", new_address: "1 High Street" });
    expect(chat.state?.recent.some((line) => line.text.includes(code))).toBe(false);
  });

  it("hands off after three wrong codes", () => {
    const chat = greeted();
    chat.tap("Update my address");
    const wrong = otpCode(chat.pendingEffect()) === "000000" ? "111111" : "000000";
    chat.resolve({ kind: "send_otp" });

    chat.say(wrong);
    chat.say(wrong);
    chat.say(wrong);

    expect(chat.state?.status).toBe("handoff");
    expect(chat.events.filter((event) => event.type === "validation.failed")).toHaveLength(3);
  });
});

describe("support desk: troubleshooting", () => {
  it("ends resolved when a step works", () => {
    const chat = greeted();
    chat.tap("Router not working");

    chat.tap("Yes, fixed");

    expect(chat.state?.nodeId).toBe("done");
    expect(chat.events.some((event) => event.type === "conversation.resolved")).toBe(true);
  });

  it("hands off with the steps tried when nothing works", () => {
    const chat = greeted();
    chat.tap("Router not working");

    chat.tap("No, still broken");
    chat.tap("No, still broken");

    expect(chat.effects()[0]).toMatchObject({ packet: { stepsTried: ["Restart the router", "Check the cables"], fields: { steps_tried: "Restart the router; Check the cables" } } });
  });
});

describe("support desk: scheduling", () => {
  it("books a slot and confirms the reference", () => {
    const chat = greeted();
    chat.tap("Book a visit");
    chat.tap("Book");
    chat.resolve({ kind: "list_slots", slots: [{ id: "mon-9", label: "Mon 9:00" }] });
    chat.tap("Mon 9:00");

    chat.resolve({ kind: "book_slot", bookingRef: "BK-1" });

    expect(chat.texts()[0]).toBe("You're booked for Mon 9:00. Your reference is BK-1.");
  });

  it("hands off when the customer abandons", () => {
    const chat = greeted();
    chat.tap("Book a visit");
    chat.tap("Book");
    chat.resolve({ kind: "list_slots", slots: [{ id: "mon-9", label: "Mon 9:00" }] });

    chat.say("forget it");

    expect(chat.state?.status).toBe("handoff");
  });
});

describe("support desk: documents", () => {
  it("completes with a receipt and a skipped note", () => {
    const chat = greeted();
    chat.tap("Send documents");
    chat.customer({ kind: "media", mediaType: "document", mimeType: "application/pdf", mediaId: "m1", sizeBytes: 2000 });

    chat.tap("Skip");

    expect(chat.texts()[0]).toBe("Thanks, we have everything we need.");
    expect(chat.state?.fields.receipt).toBe("m1");
  });

  it("hands off as incomplete when the receipt never arrives", () => {
    const chat = greeted();
    chat.tap("Send documents");

    chat.say("no receipt");
    chat.say("lost it");
    chat.tap("Skip");

    expect(chat.state?.status).toBe("handoff");
    expect(chat.effects()[0]).toMatchObject({ packet: { fields: { missing_documents: "Receipt" } } });
  });
});

describe("support desk: billing and triggers", () => {
  it("hands a billing question to the billing queue with what is still missing", () => {
    const chat = greeted();
    chat.tap("Billing question");

    chat.say("ana@example.com");

    expect(chat.effects()[0]).toMatchObject({
      packet: { queue: "Billing", priority: "high", checklist: [{ collected: ["Email"], missing: ["invoice_id"], complete: false }] },
    });
  });

  it("sends an angry customer to a person", () => {
    const chat = greeted();

    chat.say("this is terrible, I'm furious");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { reason: "Angry customer" } });
  });

  it("escalates a customer who goes quiet mid-flow", () => {
    const chat = greeted();

    chat.send({ kind: "timeout" });

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "flow_failure" } });
  });
});
