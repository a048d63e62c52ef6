import { describe, expect, it } from "vitest";
import { summarize } from "./summary";
import type { TranscriptLine } from "./types";

const transcript: TranscriptLine[] = [
  { from: "customer", text: "hi" },
  { from: "bot", text: "Hi! How can I help? Order ORD-11111 is mentioned by the bot only." },
  { from: "customer", text: "My order ORD-99231 never arrived. It was due on 25/12." },
  { from: "customer", text: "ok" },
  { from: "customer", text: "This is the third time I ask, nobody answers!!!" },
  { from: "customer", text: "I like your logo." },
  { from: "customer", text: "Please refund the 49.90 to my card." },
];

describe("summarize", () => {
  it("picks the informative customer sentences in the order they were written", () => {
    const summary = summarize(transcript);

    expect(summary).toBe(
      "My order ORD-99231 never arrived. This is the third time I ask, nobody answers!!! Please refund the 49.90 to my card.",
    );
  });

  it("respects the sentence limit", () => {
    expect(summarize(transcript, 1)).toBe("My order ORD-99231 never arrived.");
    expect(summarize(transcript, 0)).toBe("");
    expect(summarize(transcript, 5).split(/(?<=[.!?])\s+/)).toHaveLength(5);
  });

  it("never invents text: every sentence comes verbatim from the customer", () => {
    const customerText = transcript.filter((l) => l.from === "customer").map((l) => l.text).join("\n");

    const sentences = summarize(transcript, 10).split(/(?<=[.!?])\s+/);

    for (const sentence of sentences) expect(customerText).toContain(sentence);
    expect(summarize(transcript, 10)).not.toContain("ORD-11111");
  });

  it("keeps sentences without punctuation apart and cuts very long ones", () => {
    const summary = summarize([
      { from: "customer", text: "my wifi router is broken" },
      { from: "customer", text: `the error code is E-102 ${"and it keeps blinking red ".repeat(40)}` },
    ]);

    expect(summary.startsWith("my wifi router is broken · the error code is E-102 and it keeps")).toBe(true);
    expect(summary.endsWith("…")).toBe(true);
    expect(Array.from(summary).length).toBeLessThan(340);
  });

  it("is empty when the customer said nothing of substance", () => {
    expect(summarize([])).toBe("");
    expect(summarize([{ from: "customer", text: "🙂" }, { from: "agent", text: "Order ORD-1234 is late." }])).toBe("");
  });
});
