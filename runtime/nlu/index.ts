import { extractEntities } from "./entities";
import { createIntentClassifier } from "./intent-classifier";
import { analyzeSentiment } from "./sentiment";
import { summarize } from "./summary";
import type { LanguageUnderstanding } from "./types";

/** Local, deterministic language understanding: no network, no API key, no clock; trained models are cached. */
export function createLanguageUnderstanding(): LanguageUnderstanding {
  const classifier = createIntentClassifier();
  return {
    classifyIntent: (text, categories) => classifier.classify(text, categories),
    analyzeSentiment,
    extractEntities,
    summarize,
  };
}

export type { Entity, IntentCategory, IntentResult, LanguageUnderstanding, SentimentResult, TranscriptLine } from "./types";
export { DEFAULT_REFERENCE_PATTERNS } from "./entities";
export { DEFAULT_AGENT_PHRASES, DEFAULT_SECURITY_PHRASES, escalationSignal } from "./escalation-signal";
