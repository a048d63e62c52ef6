/** Lowercases, strips accents and folds whitespace: "Cancelár  MI cuenta" → "cancelar mi cuenta". */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Case- and accent-insensitive, word-bounded phrase match: "agent" matches "an Agent!" but not "agents" or "reagent". */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  if (needle === "") return false;
  return ` ${normalizeText(text)} `.includes(` ${needle} `);
}

/** The first of the phrases found in the text, or null. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  const haystack = ` ${normalizeText(text)} `;
  for (const phrase of phrases) {
    const needle = normalizeText(phrase);
    if (needle !== "" && haystack.includes(` ${needle} `)) return phrase;
  }
  return null;
}
