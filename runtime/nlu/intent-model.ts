import type { IntentCategory } from "./types";
import { createSpellingCorrector, type SpellingCorrector } from "./spelling-corrector";
import { conceptOf } from "./support-concepts";
import { featuresOf, isStopword, tokenize } from "./text-features";

/**
 * A TF-IDF model over words, character n-grams and support concepts, trained from a categorize node's example phrases (titles count as
 * examples). A message scores against each category as a blend of its best single example (nearest neighbour: keeps
 * rare phrasings alive) and the category centroid (keeps one odd example from dominating).
 */
export type IntentModel = {
  readonly categoryIds: readonly string[];
  readonly featureIds: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  /** Unseen features weigh like the rarest seen ones: text full of unknown words is probably off-topic. */
  readonly unknownIdf: number;
  readonly corrector: SpellingCorrector;
  /** Per feature id: the examples containing it and their weights (an inverted index). */
  readonly examplePostings: readonly (readonly Posting[])[];
  readonly centroidPostings: readonly (readonly Posting[])[];
  readonly exampleCategory: Int32Array;
  readonly options: IntentModelOptions;
};

type Posting = { index: number; weight: number };

export type IntentModelOptions = {
  /** Weight of one character n-gram relative to a whole word. */
  charNgramWeight: number;
  /** Weight of a support concept ("parcel" → shipment) relative to a whole word. */
  conceptWeight: number;
  /** Share of the nearest-example similarity in the blended score; the rest comes from the centroid. */
  nearestWeight: number;
};

// Chosen by 5-fold cross-validation on the train split only (`npx tsx scripts/eval-nlu.ts --tune`).
export const DEFAULT_MODEL_OPTIONS: IntentModelOptions = { charNgramWeight: 0.75, conceptWeight: 2.5, nearestWeight: 0.2 };

// WhatsApp caps a text at 4096 characters; anything longer is not a customer typing, and scoring it all only costs time.
const MAX_SCORED_CHARS = 4096;

function contentWords(text: string, corrector: SpellingCorrector | null): { original: string; corrected: string }[] {
  const words: { original: string; corrected: string }[] = [];
  for (const token of tokenize(text.slice(0, MAX_SCORED_CHARS))) {
    if (isStopword(token)) continue;
    // A word the support thesaurus knows is spelled right even if no example uses it: "stuff" must not become "staff".
    const known = corrector === null || conceptOf(token) !== null;
    words.push({ original: token, corrected: known ? token : corrector.correct(token) });
  }
  return words;
}

const featureWeights = (options: IntentModelOptions): { charNgram: number; concept: number } => ({
  charNgram: options.charNgramWeight,
  concept: options.conceptWeight,
});

function normalizeVector(vector: Map<number, number>): Map<number, number> {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  if (sum === 0) return vector;
  const norm = Math.sqrt(sum);
  for (const [id, weight] of vector) vector.set(id, weight / norm);
  return vector;
}

export function trainIntentModel(
  categories: readonly IntentCategory[],
  options: IntentModelOptions = DEFAULT_MODEL_OPTIONS,
): IntentModel {
  const docs: { category: number; features: Map<string, number> }[] = [];
  const wordCounts = new Map<string, number>();
  categories.forEach((category, categoryIndex) => {
    for (const phrase of [category.title, ...category.examples]) {
      const words = contentWords(phrase, null);
      if (words.length === 0) continue;
      for (const { original } of words) wordCounts.set(original, (wordCounts.get(original) ?? 0) + 1);
      docs.push({ category: categoryIndex, features: featuresOf(words, featureWeights(options)) });
    }
  });

  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const doc of docs) {
    for (const key of doc.features.keys()) {
      let id = featureIds.get(key);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(key, id);
        documentFrequency.push(0);
      }
      documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    }
  }
  const idf = new Float64Array(documentFrequency.length);
  documentFrequency.forEach((df, id) => {
    idf[id] = Math.log((docs.length + 1) / (df + 1)) + 1;
  });
  const unknownIdf = Math.log(docs.length + 1) + 1;

  const exampleVectors = docs.map((doc) => {
    const vector = new Map<number, number>();
    for (const [key, tf] of doc.features) {
      const id = featureIds.get(key);
      if (id !== undefined) vector.set(id, tf * (idf[id] ?? 0));
    }
    return normalizeVector(vector);
  });

  const centroids = categories.map(() => new Map<number, number>());
  exampleVectors.forEach((vector, index) => {
    const centroid = centroids[docs[index]?.category ?? -1];
    if (centroid === undefined) return;
    for (const [id, weight] of vector) centroid.set(id, (centroid.get(id) ?? 0) + weight);
  });
  centroids.forEach(normalizeVector);

  const examplePostings: Posting[][] = Array.from({ length: featureIds.size }, () => []);
  exampleVectors.forEach((vector, index) => {
    for (const [id, weight] of vector) examplePostings[id]?.push({ index, weight });
  });
  const centroidPostings: Posting[][] = Array.from({ length: featureIds.size }, () => []);
  centroids.forEach((vector, index) => {
    for (const [id, weight] of vector) centroidPostings[id]?.push({ index, weight });
  });

  return {
    categoryIds: categories.map((category) => category.id),
    featureIds,
    idf,
    unknownIdf,
    corrector: createSpellingCorrector(wordCounts),
    examplePostings,
    centroidPostings,
    exampleCategory: Int32Array.from(docs.map((doc) => doc.category)),
    options,
  };
}

/**
 * Cosine-style similarity of the text to each category, 0..1, in the order of `model.categoryIds`. All zeros when the
 * text shares nothing with any example.
 */
export function scoreIntents(model: IntentModel, text: string): Float64Array {
  const categoryCount = model.categoryIds.length;
  const scores = new Float64Array(categoryCount);
  const words = contentWords(text, model.corrector);
  if (words.length === 0 || categoryCount === 0) return scores;

  const exampleDots = new Float64Array(model.exampleCategory.length);
  const centroidDots = new Float64Array(categoryCount);
  let squaredNorm = 0;
  for (const [key, tf] of featuresOf(words, featureWeights(model.options))) {
    const id = model.featureIds.get(key);
    const weight = tf * (id === undefined ? model.unknownIdf : (model.idf[id] ?? model.unknownIdf));
    squaredNorm += weight * weight;
    if (id === undefined) continue;
    for (const { index, weight: other } of model.examplePostings[id] ?? []) {
      exampleDots[index] = (exampleDots[index] ?? 0) + weight * other;
    }
    for (const { index, weight: other } of model.centroidPostings[id] ?? []) {
      centroidDots[index] = (centroidDots[index] ?? 0) + weight * other;
    }
  }
  if (squaredNorm === 0) return scores;

  const nearest = new Float64Array(categoryCount);
  exampleDots.forEach((dot, index) => {
    const category = model.exampleCategory[index] ?? -1;
    if (dot > (nearest[category] ?? Infinity)) nearest[category] = dot;
  });
  const norm = Math.sqrt(squaredNorm);
  const { nearestWeight } = model.options;
  for (let category = 0; category < categoryCount; category++) {
    const blended = nearestWeight * (nearest[category] ?? 0) + (1 - nearestWeight) * (centroidDots[category] ?? 0);
    scores[category] = blended / norm;
  }
  return scores;
}
