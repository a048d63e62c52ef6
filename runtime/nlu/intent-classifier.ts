import { calibrate, DEFAULT_CALIBRATION, type Calibration } from "./intent-calibration";
import { DEFAULT_MODEL_OPTIONS, scoreIntents, trainIntentModel, type IntentModel, type IntentModelOptions } from "./intent-model";
import type { IntentCategory, IntentResult } from "./types";

export type IntentClassifier = {
  classify(text: string, categories: readonly IntentCategory[]): IntentResult;
};

// Enough for every categorize node of a few busy flows; beyond it the oldest model is retrained on next use.
const MAX_MODELS_BY_CONTENT = 64;

function contentKey(categories: readonly IntentCategory[]): string {
  return JSON.stringify(categories.map((category) => [category.id, category.title, category.examples]));
}

/**
 * The engine classifies every free-text message, so trained models are cached: first by the identity of the
 * categories array (a flow version's node data is parsed once and reused), then by its content, for callers that
 * rebuild an equal array each time.
 */
export function createIntentClassifier(
  options: { model?: IntentModelOptions; calibration?: Calibration } = {},
): IntentClassifier {
  const modelOptions = options.model ?? DEFAULT_MODEL_OPTIONS;
  const calibration = options.calibration ?? DEFAULT_CALIBRATION;
  const byIdentity = new WeakMap<readonly IntentCategory[], IntentModel>();
  const byContent = new Map<string, IntentModel>();

  const modelFor = (categories: readonly IntentCategory[]): IntentModel => {
    const known = byIdentity.get(categories);
    if (known !== undefined) return known;
    const key = contentKey(categories);
    let model = byContent.get(key);
    if (model === undefined) {
      model = trainIntentModel(categories, modelOptions);
      if (byContent.size >= MAX_MODELS_BY_CONTENT) {
        const oldest = byContent.keys().next();
        if (oldest.done !== true) byContent.delete(oldest.value);
      }
      byContent.set(key, model);
    }
    byIdentity.set(categories, model);
    return model;
  };

  return {
    classify(text, categories) {
      const model = modelFor(categories);
      return calibrate(model.categoryIds, scoreIntents(model, text), calibration);
    },
  };
}
