import type { IntentResult } from "./types";

/**
 * Turns raw similarities into probabilities: a softmax with a temperature, over the categories plus one implicit
 * "none of these" outcome with a fixed score. The none outcome is what makes the confidence mean something for
 * off-topic text: when every category scores low, most of the mass goes to "none" and the top confidence falls well
 * below 0.5, instead of being whichever of several weak scores happened to lead.
 */
export type Calibration = { temperature: number; noneScore: number };

// Fitted by minimising log-loss over 5-fold cross-validation on the train split only, with off-topic messages
// labelled "none" (`npx tsx scripts/eval-nlu.ts --tune`).
export const DEFAULT_CALIBRATION: Calibration = { temperature: 0.04, noneScore: 0.15 };

export function calibrate(
  categoryIds: readonly string[],
  scores: Float64Array,
  calibration: Calibration = DEFAULT_CALIBRATION,
): IntentResult {
  let best = -1;
  let bestScore = 0;
  scores.forEach((score, index) => {
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  // Shifting by the largest logit keeps exp() finite whatever the temperature.
  const shift = Math.max(bestScore, calibration.noneScore) / calibration.temperature;
  const exps = Array.from(scores, (score) => Math.exp(score / calibration.temperature - shift));
  const total = exps.reduce((sum, value) => sum + value, Math.exp(calibration.noneScore / calibration.temperature - shift));

  const ranked = categoryIds
    .map((categoryId, index) => ({ categoryId, confidence: (exps[index] ?? 0) / total, index }))
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index)
    .map(({ categoryId, confidence }) => ({ categoryId, confidence }));

  if (best === -1) return { categoryId: null, confidence: 0, ranked: ranked.map((r) => ({ ...r, confidence: 0 })) };
  return { categoryId: categoryIds[best] ?? null, confidence: ranked[0]?.confidence ?? 0, ranked };
}
