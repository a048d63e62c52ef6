import { describe, expect, it } from "vitest";
import { makeAskNode, makeFlow, makeNode } from "@/lib/flow/test-builders";
import type { z } from "zod";
import type { flowTriggerSchema } from "@/lib/flow/nodes/escalation-rule";
import { Conversation } from "./testing/conversation";

type TriggerInput = z.input<typeof flowTriggerSchema>;

function chatWith(triggers: TriggerInput[]) {
  const flow = makeFlow(
    [
      makeNode("start", {}, { id: "start" }),
      makeNode("categorize", { prompt: "Topic?", categories: [{ id: "billing", title: "Billing", examples: ["invoice"] }], useFirstMessage: false }, { id: "topic" }),
      makeAskNode({ prompt: "Email?" }, { id: "email" }),
      makeNode("handoff", { queue: "Support" }, { id: "agent" }),
      makeNode("handoff", { queue: "Security" }, { id: "security-desk" }),
      makeNode("end", {}, { id: "end" }),
    ],
    [
      ["start", "next", "topic"],
      ["topic", "category:billing", "email"],
      ["topic", "unclear", "end"],
      ["email", "answered", "end"],
      ["email", "gave_up", "end"],
    ],
    { defaultHandoffNodeId: "agent", triggers },
  );
  const chat = new Conversation(flow);
  chat.say("hello");
  return chat;
}

describe("flow-wide escalation triggers", () => {
  it("routes a keyword, matched without case or accents, to its handoff with the reason recorded", () => {
    const chat = chatWith([{ id: "cancel", reason: "Wants to cancel", rule: { kind: "keyword", phrases: ["cancel my account"] } }]);

    chat.say("I want to CANCÉL my account!");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { reason: "Wants to cancel", kind: "keyword", triggerId: "cancel" } });
    expect(chat.eventTypes()).toEqual(["trigger.fired", "node.entered", "conversation.escalated"]);
  });

  it("matches keywords on word boundaries only", () => {
    const chat = chatWith([{ id: "k", reason: "r", rule: { kind: "keyword", phrases: ["refund"] } }]);

    chat.say("refunded yesterday");

    expect(chat.state?.status).toBe("active");
  });

  it("sends security phrases to the trigger's own handoff", () => {
    const chat = chatWith([{ id: "sec", reason: "Security", rule: { kind: "security", phrases: ["hacked"] }, handoffNodeId: "security-desk" }]);

    chat.say("my account was hacked");

    expect(chat.state).toMatchObject({ status: "handoff", nodeId: "security-desk" });
  });

  it("escalates on one strongly negative message", () => {
    const chat = chatWith([{ id: "angry", reason: "Angry", rule: { kind: "negative_sentiment", strongThreshold: -0.7, repeatedCount: 3 } }]);

    chat.say("this is terrible");

    expect(chat.state?.escalation).toMatchObject({ kind: "negative_sentiment" });
  });

  it("escalates on repeated mild frustration but not on the first", () => {
    const chat = chatWith([{ id: "angry", reason: "Angry", rule: { kind: "negative_sentiment", strongThreshold: -0.9, repeatedCount: 2 } }]);

    chat.say("this is bad");
    const afterFirst = chat.state?.status;
    chat.say("still bad");

    expect(afterFirst).toBe("active");
    expect(chat.state?.escalation).toMatchObject({ kind: "negative_sentiment" });
  });

  it("escalates on low confidence only after the one clarifying question", () => {
    const chat = chatWith([{ id: "unsure", reason: "Unclear need", rule: { kind: "low_confidence", threshold: 0.5 } }]);

    chat.say("something odd");
    const afterFirst = chat.state?.status;
    chat.say("still odd");

    expect(afterFirst).toBe("active");
    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "low_confidence", reason: "Unclear need" } });
  });

  it("does not escalate on low confidence when the clarifying answer is a tap", () => {
    const chat = chatWith([{ id: "unsure", reason: "Unclear need", rule: { kind: "low_confidence", threshold: 0.5 } }]);
    chat.say("something odd");

    chat.tap("Billing");

    expect(chat.state).toMatchObject({ status: "active", nodeId: "email" });
  });

  it("escalates a high-value customer on the first message, and only once per conversation", () => {
    const chat = chatWith([{ id: "vip", reason: "VIP", rule: { kind: "high_value", when: { field: "first_message", operator: "equals", value: "Hello" } } }]);
    const escalated = chat.state?.escalation;

    chat.send({ kind: "resume", nodeId: "topic" });
    chat.say("invoice");

    expect(escalated).toMatchObject({ kind: "high_value", reason: "VIP", triggerId: "vip" });
    expect(chat.events.filter((event) => event.type === "trigger.fired")).toHaveLength(1);
    expect(chat.state).toMatchObject({ status: "active", nodeId: "email" });
  });

  it("escalates after N validation failures on one step", () => {
    const chat = chatWith([{ id: "stuck", reason: "Stuck", rule: { kind: "flow_failure", maxValidationFailures: 2 } }]);
    chat.tap("Billing");

    chat.say("not an email");
    const afterFirst = chat.state?.status;
    chat.say("still not");

    expect(afterFirst).toBe("active");
    expect(chat.state).toMatchObject({ status: "handoff", escalation: { reason: "Stuck", kind: "flow_failure" } });
  });

  it("ignores disabled triggers", () => {
    const chat = chatWith([{ id: "k", reason: "r", enabled: false, rule: { kind: "keyword", phrases: ["invoice"] } }]);

    chat.say("invoice");

    expect(chat.state?.nodeId).toBe("email");
  });
});
