import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createLanguageUnderstanding } from "./index";
import type { IntentCategory } from "./types";

const categories: IntentCategory[] = [
  { id: "billing", title: "Billing", examples: ["I was charged twice", "refund please"] },
  { id: "delivery", title: "Delivery", examples: ["where is my order", "package not arrived"] },
];

const awkwardInputs = [
  "",
  " ",
  "x".repeat(10_000),
  "where is my order ".repeat(600),
  "😡🙂👍🏽‍🔥🇧🇷",
  "أين طلبي؟ لم يصل بعد",
  "איפה ההזמנה שלי?",
  "\u0000\u0007\u001b[31m\u202e\u200b\r\n\t",
  "\uD800 lone surrogate \uDFFF",
  "((((((((((((((((((((((((((((((a",
  "9".repeat(5000),
  "+".repeat(300) + "1".repeat(300),
];

describe("createLanguageUnderstanding", () => {
  it("wires the classifier, sentiment, entities and summary together", () => {
    const nlu = createLanguageUnderstanding();

    expect(nlu.classifyIntent("were is my oder", categories).categoryId).toBe("delivery");
    expect(nlu.analyzeSentiment("this is ridiculous!!!").label).toBe("negative");
    expect(nlu.extractEntities("tomorrow", { today: "2026-01-31" })).toEqual([
      { kind: "date", value: "2026-02-01", text: "tomorrow" },
    ]);
    expect(nlu.summarize([{ from: "customer", text: "My order ORD-12345 is late." }])).toBe("My order ORD-12345 is late.");
  });

  it.each(awkwardInputs.map((input) => [JSON.stringify(input).slice(0, 40), input]))(
    "never throws on awkward input %s",
    (_, input) => {
      const nlu = createLanguageUnderstanding();

      const intent = nlu.classifyIntent(input, categories);
      const sentiment = nlu.analyzeSentiment(input);
      nlu.extractEntities(input, { today: "2026-11-26", referencePatterns: ["(a+)+$", String.raw`\d+`] });
      const summary = nlu.summarize([{ from: "customer", text: input }], 2);

      expect(intent.confidence).toBeGreaterThanOrEqual(0);
      expect(intent.confidence).toBeLessThanOrEqual(1);
      expect(sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(sentiment.score).toBeLessThanOrEqual(1);
      expect(typeof summary).toBe("string");
    },
  );
});

describe("language understanding on arbitrary text", () => {
  const nlu = createLanguageUnderstanding();
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.array(fc.constantFrom("order", "refund", "!!!", "NOT", "bad", "😡", "25/12", "+44 20", "ORD-1", " ", "\n"), {
      maxLength: 40,
    }).map((parts) => parts.join(" ")),
  );

  test.prop([anyText], { numRuns: 200 })("never throws and keeps every score within bounds", (text) => {
    const intent = nlu.classifyIntent(text, categories);
    const sentiment = nlu.analyzeSentiment(text);
    const entities = nlu.extractEntities(text, { today: "2026-11-26" });
    const summary = nlu.summarize([{ from: "customer", text }], 3);

    expect(intent.confidence).toBeGreaterThanOrEqual(0);
    expect(intent.confidence).toBeLessThanOrEqual(1);
    for (const ranked of intent.ranked) expect(ranked.confidence).toBeGreaterThanOrEqual(0);
    expect(sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(sentiment.score).toBeLessThanOrEqual(1);
    expect(["negative", "neutral", "positive"]).toContain(sentiment.label);
    for (const entity of entities) if (entity.kind === "date") expect(entity.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof summary).toBe("string");
  });

  test.prop([anyText], { numRuns: 100 })("gives the same answers for the same text", (text) => {
    const other = createLanguageUnderstanding();

    expect(other.classifyIntent(text, categories)).toEqual(nlu.classifyIntent(text, categories));
    expect(other.analyzeSentiment(text)).toEqual(nlu.analyzeSentiment(text));
  });
});
