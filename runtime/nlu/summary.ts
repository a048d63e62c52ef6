import { extractEntities } from "./entities";
import { normalizeText } from "./phrase-match";
import { analyzeSentiment } from "./sentiment";
import { conceptOf } from "./support-concepts";
import { isStopword } from "./text-features";
import type { TranscriptLine } from "./types";

const DEFAULT_MAX_SENTENCES = 3;
// An agent scans the summary in a side panel; a pasted 2,000-character e-mail would push everything else away.
const MAX_SENTENCE_CHARS = 280;
// Only whether an entity is present matters here, so any fixed day will do as the anchor.
const ANY_DAY = "2000-01-01";
// Bounds the work on a pasted essay; the opening of a complaint is where customers state the problem.
const MAX_CANDIDATES = 200;
const ENDS_A_SENTENCE = /[.!?…]["')\]]*$/u;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
}

function shorten(sentence: string): string {
  const chars = Array.from(sentence);
  if (chars.length <= MAX_SENTENCE_CHARS) return sentence;
  const cut = chars.slice(0, MAX_SENTENCE_CHARS).join("");
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > MAX_SENTENCE_CHARS / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

/** How much an agent learns from the sentence: references and dates, support vocabulary, and how upset it sounds. */
function informativeness(sentence: string): number {
  const words = normalizeText(sentence).split(" ").filter((word) => word !== "" && !isStopword(word));
  if (words.length === 0) return 0;
  const entities = Math.min(extractEntities(sentence, { today: ANY_DAY }).length, 3);
  const supportWords = Math.min(words.filter((word) => conceptOf(word) !== null).length, 3);
  const sentiment = analyzeSentiment(sentence);
  const upset = sentiment.score < 0 ? -sentiment.score * 2 : 0;
  const strongCues = sentiment.cues.filter((cue) => cue.startsWith("frustration") || cue.startsWith("cancellation")).length;
  // "ok", "hi there", "thanks": a sentence of one or two words rarely tells the agent anything.
  const substance = words.length >= 3 ? 1 : words.length === 2 ? 0.5 : 0;
  return 2 * entities + supportWords + upset + strongCues + substance;
}

/**
 * An extractive summary for the agent taking over: the customer's most informative sentences, verbatim and in the
 * order they were written. Nothing is paraphrased, so the summary can never say something the customer did not.
 */
export function summarize(transcript: readonly TranscriptLine[], maxSentences = DEFAULT_MAX_SENTENCES): string {
  const limit = Number.isFinite(maxSentences) ? Math.max(0, Math.floor(maxSentences)) : DEFAULT_MAX_SENTENCES;
  if (limit === 0) return "";

  const seen = new Set<string>();
  const candidates: { sentence: string; position: number; score: number }[] = [];
  for (const line of transcript) {
    if (line.from !== "customer") continue;
    for (const sentence of sentencesOf(line.text)) {
      const key = normalizeText(sentence);
      if (key === "" || seen.has(key)) continue; // a customer repeating "agent" three times is one sentence
      seen.add(key);
      const score = informativeness(sentence);
      if (score > 0) candidates.push({ sentence: shorten(sentence), position: candidates.length, score });
      if (seen.size >= MAX_CANDIDATES) break;
    }
    if (seen.size >= MAX_CANDIDATES) break;
  }

  const chosen = [...candidates]
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .sort((a, b) => a.position - b.position);
  return chosen
    .map(({ sentence }, index) => {
      const next = chosen[index + 1];
      if (next === undefined) return sentence;
      // Keeps sentences typed without punctuation apart without adding words of our own.
      return ENDS_A_SENTENCE.test(sentence) ? `${sentence} ` : `${sentence} · `;
    })
    .join("");
}
