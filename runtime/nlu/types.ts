/**
 * The local language-understanding interface the engine receives through its context. runtime/nlu implements it
 * deterministically (no network, no API key); engine tests may inject a fake.
 */
export type IntentCategory = { id: string; title: string; examples: readonly string[] };

export type IntentResult = {
  /** Best category, or null when nothing scores at all. */
  categoryId: string | null;
  /** Calibrated probability that categoryId is right, 0..1. */
  confidence: number;
  ranked: { categoryId: string; confidence: number }[];
};

export type SentimentResult = {
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  label: "negative" | "neutral" | "positive";
  /** Plain-words reasons, e.g. "swearing", "all caps", "cancellation language". */
  cues: string[];
};

export type Entity =
  | { kind: "reference"; value: string; pattern: string }
  | { kind: "email"; value: string }
  | { kind: "phone"; value: string }
  | { kind: "date"; value: string /* YYYY-MM-DD */; text: string }
  | { kind: "number"; value: number; text: string };

export type TranscriptLine = { from: "customer" | "bot" | "agent"; text: string };

export interface LanguageUnderstanding {
  classifyIntent(text: string, categories: readonly IntentCategory[]): IntentResult;
  analyzeSentiment(text: string): SentimentResult;
  /** `today` (YYYY-MM-DD) anchors relative dates such as "tomorrow" or "next Monday". */
  extractEntities(text: string, options: { referencePatterns?: readonly string[]; today: string }): Entity[];
  /** A short extractive summary for the agent. */
  summarize(transcript: readonly TranscriptLine[], maxSentences?: number): string;
}
