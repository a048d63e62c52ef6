import { describe, expect, it } from "vitest";
import { categoriesFrom, DATASET_INTENTS, labelledMessages } from "./labelled-messages";

describe("labelled customer messages", () => {
  it("holds at least 300 messages with unique ids and texts", () => {
    expect(labelledMessages.length).toBeGreaterThanOrEqual(300);
    expect(new Set(labelledMessages.map((m) => m.id)).size).toBe(labelledMessages.length);
    expect(new Set(labelledMessages.map((m) => m.text)).size).toBe(labelledMessages.length);
  });

  it("holds back about 30% of every intent as the test split", () => {
    for (const intent of DATASET_INTENTS) {
      const ofIntent = labelledMessages.filter((m) => m.intent === intent);
      const test = ofIntent.filter((m) => m.split === "test");

      expect(test.length / ofIntent.length).toBeGreaterThan(0.2);
      expect(test.length / ofIntent.length).toBeLessThan(0.4);
    }
  });

  it("marks every request for an agent as one to escalate", () => {
    const agentRequests = labelledMessages.filter((m) => m.intent === "agent_request");

    expect(agentRequests.every((m) => m.shouldEscalate)).toBe(true);
  });

  it("builds categorize-node categories from one split only", () => {
    const train = labelledMessages.filter((m) => m.split === "train");
    const testTexts = new Set(labelledMessages.filter((m) => m.split === "test").map((m) => m.text));

    const categories = categoriesFrom(train);

    expect(categories.map((c) => c.id)).toEqual([...DATASET_INTENTS]);
    expect(categories.flatMap((c) => c.examples).some((text) => testTexts.has(text))).toBe(false);
  });
});
