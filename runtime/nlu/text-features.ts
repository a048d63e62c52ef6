import { normalizeText } from "./phrase-match";
import { conceptOf } from "./support-concepts";

// Function words in the languages our customers write in (English, Spanish, Portuguese, French). They carry no intent,
// and leaving them in makes "where is my order" look like "where is my appointment". Words that do carry intent
// ("where", "when", "not", "someone", "person") are deliberately absent.
const STOPWORDS: ReadonlySet<string> = new Set([
  "a", "about", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
  "for", "from", "get", "got", "had", "has", "have", "hello", "hey", "hi", "i", "i'm", "im", "if", "in", "is", "it",
  "its", "just", "me", "my", "of", "on", "or", "our", "please", "pls", "plz", "so", "that", "the", "then", "there",
  "this", "to", "u", "up", "us", "was", "we", "what", "will", "with", "would", "you", "your", "ur", "am", "ll", "ve",
  "s", "t", "d", "m", "re", "de", "la", "el", "los", "las", "un", "una", "y", "que", "en", "mi", "mis", "por", "favor",
  "con", "para", "se", "lo", "le", "o", "os", "as", "um", "uma", "e", "do", "da", "dos", "das", "no", "na", "meu",
  "minha", "com", "je", "vous", "les", "des", "du", "et", "mon", "ma", "mes", "pour", "est", "il", "pas", "ne",
]);

/** Normalised word tokens: lowercase, accents stripped, punctuation and emoji dropped. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === "" ? [] : normalized.split(" ");
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/**
 * A deliberately light suffix stripper: "charged"/"charges"/"charging" → "charg". Porter would do more, but with
 * character n-grams beside it the extra conflation buys nothing and costs speed and surprises.
 */
export function stem(token: string): string {
  if (token.length <= 3) return token;
  if (token.endsWith("ies") && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith("ing") && token.length > 5) return token.slice(0, -3);
  if (token.endsWith("ed") && token.length > 4) return token.slice(0, -2);
  if (token.endsWith("ly") && token.length > 5) return token.slice(0, -2);
  let stemmed = token;
  if (/(ss|sh|ch|x)es$/.test(stemmed)) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith("s") && !/(ss|us|is)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  // "charge"/"charges"/"charged" must meet in one stem.
  if (stemmed.endsWith("e") && stemmed.length > 4) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

const hasDigit = (token: string): boolean => /\d/.test(token);


/**
 * Sparse feature counts for a list of (already spelling-corrected) content tokens: the stemmed word; the 3- and
 * 4-character grams of the original spelling, so that "oder", "pasword" or "reciept" still share most of their
 * features with the right word; and the word's support concept (support-concepts.ts), so that synonyms meet. Numbers collapse into one feature: which number it is says nothing about intent.
 */
export function featuresOf(
  words: readonly { original: string; corrected: string }[],
  weights: { charNgram: number; concept: number },
): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, weight: number): void => {
    features.set(key, (features.get(key) ?? 0) + weight);
  };
  for (const { original, corrected } of words) {
    if (hasDigit(original)) {
      add("#num", 1);
      continue;
    }
    add(`w:${stem(corrected)}`, 1);
    const concept = conceptOf(corrected) ?? conceptOf(original);
    if (concept !== null) add(`k:${concept}`, weights.concept);
    const padded = ` ${original} `;
    for (let size = 3; size <= 4; size++) {
      for (let start = 0; start + size <= padded.length; start++) {
        add(`c:${padded.slice(start, start + size)}`, weights.charNgram);
      }
    }
  }
  return features;
}
