import { normalizeText } from "./phrase-match";
import {
  CANCELLATION_PHRASES,
  EMOJI_VALENCE,
  FRUSTRATION_CUES,
  INTENSIFIERS,
  NEGATORS,
  PHRASE_VALENCE,
  SWEAR_WORDS,
  WORD_VALENCE,
} from "./sentiment-lexicon";
import type { SentimentResult } from "./types";

// VADER's normalisation constant: a raw sum of ±3 (one strong word) maps to about ±0.6, ±6 to about ±0.84.
const NORMALIZATION_ALPHA = 15;
// VADER's empirical factors: "not bad" is mildly good, not as good as "good".
const NEGATION_FACTOR = -0.74;
const NEGATION_SCOPE = 3;
const INTENSIFIER_FACTOR = 1.5;
const CAPS_FACTOR = 1.5;
// A single mild word ("late", "wrong", "fine") stays neutral: in support chats it states a fact, not a mood.
const LABEL_THRESHOLD = 0.3;
// WhatsApp caps a text at 4096 characters.
const MAX_CHARS = 4096;

const CENSORED_SWEARING = /\b(?:f[*#@.]+c?k|sh[*#@.]+t|f[*#@]{2,}|a[*#@]+hole)/i;
const EMOTICON_NEGATIVE = /(?:^|\s)[:;]-?[(\[/\\]|>:-?\(/;
const EMOTICON_POSITIVE = /(?:^|\s)[:;]-?[)\]D](?:\s|$)/;

function containsWords(haystack: string, phrase: string): boolean {
  return haystack.includes(` ${phrase} `);
}

/** Words typed in capitals, normalised, so that "I am NOT happy" can weigh "not" and "happy" more. */
function shoutedWords(text: string): { words: Set<string>; shouting: boolean } {
  const words = new Set<string>();
  let long = 0;
  let total = 0;
  for (const match of text.matchAll(/[\p{L}']+/gu)) {
    const word = match[0];
    total++;
    if (word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase()) {
      words.add(normalizeText(word));
      if (word.length >= 3) long++;
    }
  }
  // Two capitalised words rule out a lone acronym ("VAT", "PDF"); the share rules out a capitalised product name.
  return { words, shouting: long >= 2 && long / Math.max(total, 1) >= 0.25 };
}

function emojiValence(text: string): number {
  let sum = 0;
  for (const char of text) sum += EMOJI_VALENCE.get(char) ?? 0;
  if (EMOTICON_NEGATIVE.test(text)) sum -= 1.5;
  if (EMOTICON_POSITIVE.test(text)) sum += 1.5;
  return sum;
}

function longestRun(text: string, char: "!" | "?"): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Lexicon-based sentiment in the style of VADER, extended with what matters in support chats: swearing, frustration
 * ("third time", "still", "nobody"), cancellation language and a few Spanish, Portuguese and French words. Each
 * contribution is named in `cues` so that an agent or a manager can see why a conversation was escalated.
 */
export function analyzeSentiment(input: string): SentimentResult {
  const text = input.slice(0, MAX_CHARS);
  const normalized = normalizeText(text);
  const haystack = ` ${normalized} `;
  const tokens = normalized === "" ? [] : normalized.split(" ");
  const cues: string[] = [];
  const cue = (name: string): void => {
    if (!cues.includes(name)) cues.push(name);
  };
  let sum = 0;

  for (const phrase of CANCELLATION_PHRASES) {
    if (containsWords(haystack, phrase)) {
      sum -= 3;
      cue(`cancellation language (${phrase})`);
      break;
    }
  }
  for (const [phrase, valence] of FRUSTRATION_CUES) {
    if (containsWords(haystack, phrase)) {
      sum += valence;
      cue(`frustration (${phrase})`);
    }
  }
  for (const [phrase, valence] of PHRASE_VALENCE) {
    if (containsWords(haystack, phrase)) sum += valence;
  }

  const { words: shouted, shouting } = shoutedWords(text);
  let swearing = CENSORED_SWEARING.test(text);
  let negated = false;
  const negativeWords: string[] = [];
  const positiveWords: string[] = [];
  tokens.forEach((token, index) => {
    if (SWEAR_WORDS.has(token)) {
      swearing = true;
      return;
    }
    let valence = WORD_VALENCE.get(token) ?? 0;
    if (valence === 0) return;
    if (shouted.has(token)) valence *= CAPS_FACTOR;
    const before = tokens.slice(Math.max(0, index - NEGATION_SCOPE), index);
    if (INTENSIFIERS.has(before[before.length - 1] ?? "")) valence *= INTENSIFIER_FACTOR;
    // "thank you" is scored as a phrase; "no thanks" is polite, not negative.
    if (before.some((word) => NEGATORS.has(word)) && token !== "thanks" && token !== "thank") {
      valence *= NEGATION_FACTOR;
      negated = true;
    }
    sum += valence;
    const list = valence < 0 ? negativeWords : positiveWords;
    if (!list.includes(token)) list.push(token);
  });
  if (negativeWords.length > 0) cue(`negative words (${negativeWords.join(", ")})`);
  if (positiveWords.length > 0) cue(`positive words (${positiveWords.join(", ")})`);
  if (negated) cue("negation");
  if (swearing) {
    sum -= 3;
    cue("swearing");
  }

  const emoji = emojiValence(text);
  if (emoji < 0) cue("negative emoji");
  if (emoji > 0) cue("positive emoji");
  sum += emoji;

  if (shouting) {
    cue("all caps");
    // Shouting with nothing friendly in it reads as anger; "THANK YOU SO MUCH" stays friendly, only louder.
    sum = sum > 0 ? sum * 1.2 : sum * 1.3 - 1;
  }
  const exclamations = longestRun(text, "!");
  const questions = longestRun(text, "?");
  if (exclamations >= 2 || questions >= 2) {
    cue("repeated punctuation");
    const emphasis = 0.3 * Math.min(Math.max(exclamations, questions), 4);
    // "???" on its own is impatience.
    sum = sum > 0 ? sum + emphasis : sum - emphasis - (sum === 0 && questions >= 2 ? 0.5 : 0);
  }

  const score = sum / Math.sqrt(sum * sum + NORMALIZATION_ALPHA);
  const bounded = Number.isFinite(score) ? Math.max(-1, Math.min(1, score)) : 0;
  const label = bounded <= -LABEL_THRESHOLD ? "negative" : bounded >= LABEL_THRESHOLD ? "positive" : "neutral";
  return { score: Math.round(bounded * 1000) / 1000, label, cues };
}
