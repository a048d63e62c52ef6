import { foldText } from "../fold-text";

/** Word-bounded match over pre-folded text, so the fake costs little in benchmarks. */
const foldedPhrases = new Map<string, string>();
function has(paddedText: string, phrase: string): boolean {
  let folded = foldedPhrases.get(phrase);
  if (folded === undefined) {
    folded = ` ${foldText(phrase)} `;
    foldedPhrases.set(phrase, folded);
  }
  return paddedText.includes(folded);
}
import type { Entity, LanguageUnderstanding } from "@/runtime/nlu/types";

const NEGATIVE: Readonly<Record<string, number>> = { furious: -0.9, terrible: -0.8, angry: -0.8, useless: -0.7, annoyed: -0.4, bad: -0.4 };

/**
 * A predictable stand-in for runtime/nlu: an example phrase found in the text gives 0.9 confidence,
 * otherwise 0.2; listed words set the sentiment; ISO dates and references by pattern are entities.
 */
export function fakeNlu(overrides: Partial<LanguageUnderstanding> = {}): LanguageUnderstanding {
  return {
    classifyIntent(text, categories) {
      const padded = ` ${foldText(text)} `;
      const hit = categories.find((category) => category.examples.some((example) => has(padded, example)));
      const first = categories[0];
      if (hit) return { categoryId: hit.id, confidence: 0.9, ranked: [{ categoryId: hit.id, confidence: 0.9 }] };
      return { categoryId: first?.id ?? null, confidence: 0.2, ranked: first ? [{ categoryId: first.id, confidence: 0.2 }] : [] };
    },
    analyzeSentiment(text) {
      const padded = ` ${foldText(text)} `;
      const score = Object.entries(NEGATIVE).reduce((lowest, [word, value]) => (has(padded, word) ? Math.min(lowest, value) : lowest), 0);
      return { score, label: score < -0.3 ? "negative" : "neutral", cues: [] };
    },
    extractEntities(text, options) {
      const entities: Entity[] = [];
      for (const match of text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)) entities.push({ kind: "date", value: match[1] ?? "", text: match[0] });
      for (const pattern of options.referencePatterns ?? []) {
        const found = new RegExp(pattern.replace(/^\^/, "").replace(/\$$/, ""), "i").exec(text);
        if (found) entities.push({ kind: "reference", value: found[0].toUpperCase(), pattern });
      }
      return entities;
    },
    summarize(transcript) {
      return transcript
        .filter((line) => line.from === "customer")
        .map((line) => line.text)
        .join(" ")
        .slice(0, 200);
    },
    ...overrides,
  };
}
