import { describe, expect, it } from "vitest";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { NodeOfType, NodeType } from "@/lib/flow/flow-node";
import { findTemplate } from "@/lib/flow/templates";
import type { Effect } from "./effect";
import { resolveStaticLookup } from "./lookup-resolution";
import { Conversation } from "./testing/conversation";

// Walks each product template through its happy path and its failure and escalation branches. Data (order
// references, slots, attempt limits) is read from the templates, so wording changes do not break these.

function template(id: string): FlowDocument {
  const found = findTemplate(id);
  if (!found) throw new Error(`No template ${id}`);
  return found.build();
}

function nodeOf<T extends NodeType>(flow: FlowDocument, id: string, type: T): NodeOfType<T> {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (!node || node.type !== type) throw new Error(`No ${type} node ${id}`);
  return node as NodeOfType<T>;
}

function otpOf(effect: Effect | undefined): string {
  if (effect?.kind !== "send_otp") throw new Error("expected a send_otp effect");
  return effect.code;
}

function started(flow: FlowDocument, opening = "hi") {
  const chat = new Conversation(flow);
  chat.say(opening);
  return chat;
}

/** Answers the pending lookup the way the runtime would for a static table. */
function resolveLookup(chat: Conversation) {
  const effect = chat.pendingEffect();
  if (effect?.kind !== "lookup") throw new Error("expected a lookup effect");
  return chat.resolve(resolveStaticLookup(chat.flow, effect));
}

/** Ended at nodeId; when the end asks for a rating, the customer gives 5 and it is recorded. */
function expectEnded(chat: Conversation, nodeId: string) {
  expect(chat.state?.nodeId).toBe(nodeId);
  if (chat.state?.scratch.phase === "csat") {
    chat.tap("csat-5");
    expect(chat.eventTypes()).toContain("csat.recorded");
  }
  expect(chat.state).toMatchObject({ status: "ended", nodeId });
}

function expectHandoff(chat: Conversation, nodeId: string) {
  expect(chat.state).toMatchObject({ status: "handoff", nodeId });
  expect(chat.effects()).toEqual([expect.objectContaining({ kind: "create_handoff", nodeId })]);
}

describe("template: categorize", () => {
  const flow = template("categorize");

  it("routes a tapped topic to its queue", () => {
    const chat = started(flow);

    chat.tap("billing");

    expectHandoff(chat, "handoff_billing");
    expect(chat.state?.intent).toBe("billing");
  });

  it("clarifies once and then treats an unclear answer as unclear", () => {
    const chat = started(flow, "hmm");

    chat.say("qwerty zxcv");
    const clarified = chat.eventTypes();
    chat.say("asdf ghjk");

    expect(clarified).toContain("clarification.asked");
    expectHandoff(chat, "handoff_general");
  });

  it("hands off at once when the customer asks for a human", () => {
    const chat = started(flow);

    chat.say("I want to speak to a human");

    expect(chat.state?.status).toBe("handoff");
  });
});

describe("template: status tracking", () => {
  const flow = template("status-tracking");
  const lookup = nodeOf(flow, "find_order", "status_lookup");
  const known = lookup.data.source.kind === "static" ? lookup.data.source.records[0]?.reference ?? "" : "";

  it("answers a known order from the table and ends", () => {
    const chat = started(flow);

    chat.say(`my order is ${known.toLowerCase()}`);
    resolveLookup(chat);

    expectEnded(chat, "done");
    expect(chat.texts().join(" ")).not.toContain("{{");
  });

  it("hands an unknown order to the delivery team", () => {
    const chat = started(flow);

    chat.say("ZZ-00000");
    resolveLookup(chat);

    expectHandoff(chat, "handoff_delivery");
  });

  it("hands off when the lookup fails", () => {
    const chat = started(flow);
    chat.say(known);

    chat.resolve({ kind: "failure", reason: "timeout" });

    expectHandoff(chat, "handoff_delivery");
  });

  it("gives up on references that never fit the format", () => {
    const chat = started(flow);

    for (let i = 0; i < lookup.data.maxAttempts; i++) chat.say("no idea");

    expectHandoff(chat, "handoff_delivery");
    expect(chat.events.filter((event) => event.type === "validation.failed")).toHaveLength(lookup.data.maxAttempts);
  });
});

describe("template: account verification", () => {
  const flow = template("account-verification");
  const verify = nodeOf(flow, "verify", "verify_identity");

  it("verifies by code and then runs the sensitive address step", () => {
    const chat = started(flow);
    const code = otpOf(chat.pendingEffect());
    chat.resolve({ kind: "send_otp" });

    chat.say(code);
    chat.say("1 High Street, Leeds");

    expectEnded(chat, "address_saved");
    expect(chat.state?.verified).toBe(true);
    expect(chat.state?.fields.new_address).toBe("1 High Street, Leeds");
  });

  it("hands off after too many wrong codes", () => {
    const chat = started(flow);
    const wrong = otpOf(chat.pendingEffect()) === "000000" ? "111111" : "000000";
    chat.resolve({ kind: "send_otp" });

    for (let i = 0; i < verify.data.maxAttempts; i++) chat.say(wrong);

    expectHandoff(chat, "handoff_accounts");
  });

  it("hands off when the code cannot be sent", () => {
    const chat = started(flow);

    chat.resolve({ kind: "failure", reason: "error" });

    expectHandoff(chat, "handoff_accounts");
  });
});

describe("template: troubleshooting", () => {
  const flow = template("troubleshooting");
  const fixes = nodeOf(flow, "fix_app", "troubleshoot");

  it("ends when the first step fixes it", () => {
    const chat = started(flow);
    chat.tap("android");

    chat.tap("yes");

    expectEnded(chat, "fixed");
  });

  it("hands off with every step tried when nothing works", () => {
    const chat = started(flow);
    chat.tap("android");

    for (let i = 0; i < fixes.data.steps.length; i++) chat.tap("no");

    expectHandoff(chat, "handoff_tech");
    expect(chat.effects()[0]).toMatchObject({ packet: { stepsTried: fixes.data.steps.map((step) => step.title), fields: { device: "Android" } } });
  });
});

describe("template: scheduling", () => {
  const flow = template("scheduling");
  const schedule = nodeOf(flow, "appointment", "schedule");
  const slots = schedule.data.calendar.kind === "static" ? schedule.data.calendar.slots : [];

  it("books a slot and ends with the booking", () => {
    const chat = started(flow);
    chat.tap("book");
    chat.resolve({ kind: "list_slots", slots });
    chat.tap(slots[0]?.label ?? "");

    chat.resolve({ kind: "book_slot", bookingRef: "BK-100" });

    expect(chat.state?.fields).toMatchObject({ appointment_id: "BK-100", appointment_slot: slots[0]?.label });
    expectEnded(chat, "booked");
  });

  it("reschedules after asking for the appointment reference", () => {
    const chat = started(flow);
    chat.tap("reschedule");
    chat.say("BK-100");
    chat.resolve({ kind: "list_slots", slots });
    chat.tap(slots[1]?.label ?? "");

    chat.resolve({ kind: "reschedule_slot", bookingRef: "BK-100" });

    expectEnded(chat, "booked");
  });

  it("cancels a booking", () => {
    const chat = started(flow);
    chat.tap("cancel");
    chat.say("BK-100");

    chat.resolve({ kind: "cancel_booking" });

    expectEnded(chat, "cancelled");
  });

  it("hands off when the customer abandons", () => {
    const chat = started(flow);
    chat.tap("book");
    chat.resolve({ kind: "list_slots", slots });

    chat.say("never mind");

    expectHandoff(chat, "handoff_bookings");
  });
});

describe("template: document collection", () => {
  const flow = template("document-collection");
  const collect = nodeOf(flow, "collect_claim", "collect_documents");
  const photo = { kind: "media" as const, mediaType: "image" as const, mimeType: "image/jpeg", mediaId: "m1", sizeBytes: 1000 };

  it("collects every item and hands the claim to the claims team", () => {
    const chat = started(flow);

    for (const item of collect.data.items) {
      if (item.kind === "media") chat.customer(photo);
      else chat.say("It arrived crushed.");
    }

    expectHandoff(chat, "handoff_claims");
  });

  it("ends as incomplete when a required item never arrives", () => {
    const chat = started(flow);

    for (let i = 0; i <= collect.data.maxRetries; i++) chat.say("I don't have it");
    for (const item of collect.data.items.slice(1)) {
      if (item.kind === "media") chat.customer(photo);
      else chat.say("It arrived crushed.");
    }

    expectEnded(chat, "incomplete");
    expect(chat.state?.fields.missing_documents).toBe(collect.data.items[0]?.label);
  });
});

describe("template: handoff", () => {
  const flow = template("handoff");

  it("hands off with the issue summary", () => {
    const chat = started(flow);

    chat.say("My parcel arrived open");

    expectHandoff(chat, "handoff_general");
    expect(chat.effects()[0]).toMatchObject({ packet: { fields: { issue_summary: "My parcel arrived open" } } });
  });

  it("routes a VIP to the priority queue", () => {
    const chat = started(flow);
    if (chat.state) chat.state = { ...chat.state, fields: { ...chat.state.fields, tier: "vip" } };

    chat.say("My parcel arrived open");

    expectHandoff(chat, "handoff_priority");
  });

  it.each([
    ["negative sentiment", "this is terrible, I'm furious"],
    ["security", "I think my account was hacked"],
  ])("escalates on %s before the question is answered", (_kind, text) => {
    const chat = started(flow);

    chat.say(text);

    expect(chat.state?.status).toBe("handoff");
    expect(chat.events.some((event) => event.type === "trigger.fired")).toBe(true);
  });
});

describe("template: complete support desk", () => {
  const flow = template("complete-support-desk");
  const findOrder = nodeOf(flow, "find_order", "status_lookup");
  const knownOrder = findOrder.data.source.kind === "static" ? findOrder.data.source.records[0]?.reference ?? "" : "";
  const schedule = nodeOf(flow, "appointment", "schedule");
  const slots = schedule.data.calendar.kind === "static" ? schedule.data.calendar.slots : [];

  it("tracks an order and resolves when all is well", () => {
    const chat = started(flow);
    chat.tap("order_status");
    chat.say(knownOrder);
    resolveLookup(chat);

    chat.tap("all_good");

    expect(chat.events.some((event) => event.type === "conversation.resolved")).toBe(true);
    expectEnded(chat, "resolved");
  });

  it("hands a problem order to delivery with the order checklist complete", () => {
    const chat = started(flow);
    chat.tap("order_status");
    chat.say(knownOrder);
    resolveLookup(chat);

    chat.tap("problem");

    expectHandoff(chat, "handoff_delivery");
    expect(chat.effects()[0]).toMatchObject({ packet: { checklist: [{ intent: "order_status", complete: true }] } });
  });

  it("verifies before changing an address", () => {
    const chat = started(flow);
    chat.tap("address_update");
    const code = otpOf(chat.pendingEffect());
    chat.resolve({ kind: "send_otp" });
    chat.say(code);

    chat.say("1 High Street, Leeds");

    expectHandoff(chat, "handoff_accounts");
    expect(chat.effects()[0]).toMatchObject({ packet: { verified: true, checklist: [{ intent: "address_update", complete: true }] } });
  });

  it("troubleshoots a login and hands off with device, error and steps when nothing works", () => {
    const chat = started(flow);
    chat.tap("login");
    chat.tap("android");
    chat.tap(chat.lastOptions()[0]?.id.split(":").pop() ?? "");
    const steps = nodeOf(flow, "login_fixes", "troubleshoot").data.steps;

    for (let i = 0; i < steps.length; i++) chat.tap("no");

    expectHandoff(chat, "handoff_tech");
    expect(chat.effects()[0]).toMatchObject({ packet: { checklist: [{ intent: "login", complete: true }] } });
  });

  it("books an appointment", () => {
    const chat = started(flow);
    chat.tap("reschedule");
    chat.tap("book");
    chat.resolve({ kind: "list_slots", slots });
    chat.tap(slots[0]?.label ?? "");

    chat.resolve({ kind: "book_slot", bookingRef: "BK-1" });

    expectEnded(chat, "booked");
  });

  it("sends an angry customer to a person from anywhere", () => {
    const chat = started(flow);
    chat.tap("order_status");

    chat.say("this is terrible and useless, I'm furious");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "negative_sentiment" } });
  });

  it("escalates a customer who goes quiet when the flow asks for it", () => {
    const chat = started(flow);
    chat.tap("order_status");
    const escalatesOnInactivity = flow.settings.triggers.some((trigger) => trigger.rule.kind === "flow_failure" && trigger.rule.onInactivity);

    chat.send({ kind: "timeout" });

    expect(chat.state?.status).toBe(escalatesOnInactivity ? "handoff" : "ended");
  });

  it("lets the customer ask for a person at the first question", () => {
    const chat = started(flow);

    chat.say("talk to a person");

    expect(chat.state?.status).toBe("handoff");
  });

  it("hands a billing question to the billing team", () => {
    const chat = started(flow);
    chat.tap("billing");

    chat.tap(chat.lastOptions()[0]?.id.split(":").pop() ?? "");

    expectHandoff(chat, "handoff_billing");
  });

  it("escalates a customer stuck on a question", () => {
    const chat = started(flow);
    chat.tap("billing");

    chat.say("hmm");
    chat.say("what");
    chat.say("no idea");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "flow_failure", triggerId: "flow_failure" } });
  });

  it("collects a damage claim and hands it to the claims team", () => {
    const chat = started(flow);
    chat.tap("claim");
    const items = nodeOf(flow, "collect_claim", "collect_documents").data.items;

    for (const item of items) {
      if (item.kind === "media") chat.customer({ kind: "media", mediaType: "image", mimeType: "image/jpeg", mediaId: `m-${item.id}`, sizeBytes: 1000 });
      else chat.say("The box was crushed.");
    }

    expectHandoff(chat, "handoff_claims");
    expect(chat.effects()[0]).toMatchObject({ packet: { checklist: [{ intent: "claim", complete: true }] } });
  });

  it("resolves an app problem fixed by the first step", () => {
    const chat = started(flow);
    chat.tap("technical");
    chat.tap("iphone");

    chat.tap("yes");

    expectEnded(chat, "resolved");
  });

  it("hands off when the customer picks the person topic", () => {
    const chat = started(flow);

    chat.tap("talk_to_agent");

    expectHandoff(chat, "handoff_general");
  });

  it("sends security concerns to the security desk", () => {
    const chat = started(flow);

    chat.say("someone hacked my account");

    expectHandoff(chat, "handoff_security");
  });

  it("escalates low confidence after one clarifying question", () => {
    const chat = started(flow, "hmm");

    chat.say("qwerty zxcv");
    chat.say("asdf ghjk");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "low_confidence" } });
  });

  it("sends a VIP to the priority queue as soon as the tier is known", () => {
    const chat = started(flow);
    if (chat.state) chat.state = { ...chat.state, fields: { ...chat.state.fields, tier: "VIP" } };

    chat.tap("billing");

    expectHandoff(chat, "handoff_priority");
  });
});
