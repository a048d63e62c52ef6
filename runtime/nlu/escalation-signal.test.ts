import { describe, expect, it } from "vitest";
import { escalationSignal } from "./escalation-signal";
import { createLanguageUnderstanding } from "./index";
import type { IntentCategory } from "./types";

const nlu = createLanguageUnderstanding();
const categories: IntentCategory[] = [
  { id: "agent", title: "Talk to an agent", examples: ["I want to speak to someone", "put me through to support staff"] },
  { id: "delivery", title: "Delivery", examples: ["where is my order", "my package has not arrived"] },
];

describe("escalationSignal", () => {
  it("escalates when the customer asks for a person", () => {
    expect(escalationSignal(nlu, "can I talk to a human?").reasons).toEqual(['asked for a person ("human")']);
  });

  it("escalates on security worries and cancellation language", () => {
    expect(escalationSignal(nlu, "my account was hacked").escalate).toBe(true);
    expect(escalationSignal(nlu, "please close my account").reasons).toContain("cancellation language");
  });

  it("escalates on strongly negative messages but not on mild complaints", () => {
    expect(escalationSignal(nlu, "THIRD TIME asking, this is ridiculous!!!").escalate).toBe(true);
    expect(escalationSignal(nlu, "my order is late").escalate).toBe(false);
  });

  it("escalates on a confident agent-request intent when categories are given", () => {
    const signal = escalationSignal(nlu, "put me through to your support staff please", {
      categories,
      agentCategoryId: "agent",
    });

    expect(signal.reasons.some((reason) => reason.startsWith("agent request intent"))).toBe(true);
  });
});
