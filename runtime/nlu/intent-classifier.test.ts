import { describe, expect, it } from "vitest";
import { createIntentClassifier } from "./intent-classifier";
import type { IntentCategory } from "./types";

const categories: IntentCategory[] = [
  {
    id: "billing",
    title: "Billing",
    examples: ["I was charged twice", "where is my refund", "I need a copy of my invoice", "my payment failed"],
  },
  {
    id: "delivery",
    title: "Delivery",
    examples: ["where is my order", "my package has not arrived", "track my parcel", "the delivery is late"],
  },
  {
    id: "account",
    title: "Account",
    examples: ["I forgot my password", "I can't log in", "change the email on my account", "reset my password"],
  },
];

describe("intent classifier", () => {
  it("picks the right category for clear phrases", () => {
    const classifier = createIntentClassifier();

    const refund = classifier.classify("I want my refund, I was charged two times", categories);
    const parcel = classifier.classify("has my parcel shipped yet?", categories);
    const login = classifier.classify("I cannot log in to my account", categories);

    expect(refund.categoryId).toBe("billing");
    expect(parcel.categoryId).toBe("delivery");
    expect(login.categoryId).toBe("account");
    expect(refund.confidence).toBeGreaterThan(0.5);
    expect(login.confidence).toBeGreaterThan(0.5);
  });

  it("still understands common misspellings", () => {
    const classifier = createIntentClassifier();

    expect(classifier.classify("were is my oder", categories).categoryId).toBe("delivery");
    expect(classifier.classify("forgot my pasword", categories).categoryId).toBe("account");
    expect(classifier.classify("i was chraged twice", categories).categoryId).toBe("billing");
  });

  it("does not correct a word it knows into a different one", () => {
    const classifier = createIntentClassifier();
    const withStaff: IntentCategory[] = [
      { id: "agent", title: "Agent", examples: ["talk to your staff", "a member of staff please"] },
      { id: "delivery", title: "Delivery", examples: ["where is my package", "has my parcel shipped"] },
    ];

    expect(classifier.classify("wheres my stuff", withStaff).categoryId).toBe("delivery");
  });

  it("gives low confidence to off-topic text", () => {
    const classifier = createIntentClassifier();

    const weather = classifier.classify("what's the weather like in Paris this weekend", categories);
    const joke = classifier.classify("tell me a joke about penguins", categories);

    expect(weather.confidence).toBeLessThan(0.5);
    expect(joke.confidence).toBeLessThan(0.5);
  });

  it("answers no category at all when nothing scores", () => {
    const classifier = createIntentClassifier();

    expect(classifier.classify("", categories)).toMatchObject({ categoryId: null, confidence: 0 });
    expect(classifier.classify("🙂🙂", categories)).toMatchObject({ categoryId: null, confidence: 0 });
    expect(classifier.classify("where is my order", [])).toEqual({ categoryId: null, confidence: 0, ranked: [] });
  });

  it("counts category titles as examples", () => {
    const classifier = createIntentClassifier();
    const titled: IntentCategory[] = [
      { id: "warranty", title: "Warranty claim", examples: [] },
      { id: "store", title: "Store opening hours", examples: [] },
    ];

    expect(classifier.classify("I want to make a warranty claim", titled).categoryId).toBe("warranty");
  });

  it("ranks every category with confidences that sum to at most one", () => {
    const classifier = createIntentClassifier();

    const result = classifier.classify("my package was charged twice", categories);

    expect(result.ranked.map((r) => r.categoryId).sort()).toEqual(["account", "billing", "delivery"]);
    const confidences = result.ranked.map((r) => r.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(result.confidence).toBe(confidences[0]);
  });

  it("is deterministic across calls, instances and equal copies of the categories", () => {
    const first = createIntentClassifier().classify("my order never arrived and I want a refund", categories);
    const again = createIntentClassifier().classify("my order never arrived and I want a refund", categories);
    const copy = structuredClone(categories);

    const fromCopy = createIntentClassifier().classify("my order never arrived and I want a refund", copy);

    expect(again).toEqual(first);
    expect(fromCopy).toEqual(first);
  });

  it("retrains when the examples of a cached categories array change content", () => {
    const classifier = createIntentClassifier();
    const before = classifier.classify("zebra", categories);
    const changed = categories.map((c) => (c.id === "account" ? { ...c, examples: [...c.examples, "zebra"] } : c));

    const after = classifier.classify("zebra", changed);

    expect(before.categoryId).toBeNull();
    expect(after.categoryId).toBe("account");
  });

  it("classifies quickly once the model is cached", () => {
    const classifier = createIntentClassifier();
    const big: IntentCategory[] = Array.from({ length: 8 }, (_, c) => ({
      id: `c${c}`,
      title: `Category ${c}`,
      examples: Array.from({ length: 15 }, (_, e) => `example phrase number ${e} about topic ${c} with words w${c}x${e}`),
    }));
    for (let i = 0; i < 200; i++) classifier.classify("where is my order, it is late again", big);

    const started = performance.now();
    for (let i = 0; i < 2000; i++) classifier.classify("where is my order, it is late again", big);
    const microseconds = ((performance.now() - started) * 1000) / 2000;

    // The target is 50 µs; the bound is loose so a slow CI runner does not fail it, but a lost cache would.
    expect(microseconds).toBeLessThan(500);
  });
});
