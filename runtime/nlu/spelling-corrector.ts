/**
 * Maps an unknown word onto a known one at edit distance 1 ("oder" → "order", "recieve" → "receive"), using the
 * symmetric-delete trick: every known word is indexed under each of its one-letter deletions, so a lookup is a
 * handful of hash probes instead of a scan of the vocabulary. The classifier calls this on every message, so it must
 * stay far below a microsecond per word.
 */
export type SpellingCorrector = { correct(token: string): string };

// Shorter words have too many neighbours at distance 1 ("pass" → "past", "bill" → "ball") to correct safely.
const MIN_LENGTH = 4;
const MIN_LENGTH_FOR_SUBSTITUTION = 5;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function createSpellingCorrector(wordCounts: ReadonlyMap<string, number>): SpellingCorrector {
  const byDeletion = new Map<string, string[]>();
  for (const word of wordCounts.keys()) {
    if (word.length < MIN_LENGTH) continue;
    for (const deleted of deletions(word)) {
      const list = byDeletion.get(deleted);
      if (list === undefined) byDeletion.set(deleted, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }

  // The most frequent candidate wins; ties go to alphabetical order so the result never depends on insertion order.
  const better = (a: string | null, b: string): string => {
    if (a === null) return b;
    const countA = wordCounts.get(a) ?? 0;
    const countB = wordCounts.get(b) ?? 0;
    if (countB !== countA) return countB > countA ? b : a;
    return b < a ? b : a;
  };

  return {
    correct(token) {
      if (token.length < MIN_LENGTH || wordCounts.has(token) || /\d/.test(token)) return token;
      let best: string | null = null;
      for (const word of byDeletion.get(token) ?? []) best = better(best, word); // a letter was left out
      const own = deletions(token);
      for (const deleted of own) {
        if (wordCounts.has(deleted) && deleted.length >= MIN_LENGTH) best = better(best, deleted); // one letter too many
      }
      if (best === null && token.length >= MIN_LENGTH_FOR_SUBSTITUTION) {
        for (const deleted of own) {
          for (const word of byDeletion.get(deleted) ?? []) {
            if (word.length === token.length) best = better(best, word); // one letter swapped or replaced
          }
        }
      }
      return best ?? token;
    },
  };
}
