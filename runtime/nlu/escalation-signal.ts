import { findPhrase } from "./phrase-match";
import type { IntentCategory, LanguageUnderstanding } from "./types";

/** Phrases that ask for a person, in English, Spanish, Portuguese and French. Word-bounded: "agents" does not match. */
export const DEFAULT_AGENT_PHRASES: readonly string[] = [
  "agent", "human", "person", "someone real", "real person", "somebody real", "representative", "operator",
  "customer service", "talk to someone", "speak to someone", "speak with someone", "talk to somebody",
  "put me through", "call me", "supervisor", "manager", "live chat", "humano", "persona", "pessoa", "agente",
  "atendente", "hablar con alguien", "falar com alguem", "conseiller", "un humain",
];

/** A customer who fears for their account or money must reach a person, whatever their tone. */
export const DEFAULT_SECURITY_PHRASES: readonly string[] = [
  "hacked", "hack", "compromised", "fraud", "unauthorized", "unauthorised", "stolen", "identity theft", "phishing",
  "scam", "someone logged into", "someone logged in", "someone is using my account", "someone got into",
  "did not make", "didn t make", "didnt make", "did not place", "didn t place", "didnt place", "did not request",
  "didn t request", "didnt request", "not me", "hackeado", "hackeada", "hackearon", "fraude", "robado", "roubado",
  "roubaram", "piratage", "pirate",
];

// The thresholds named in Threadline issue 3: strongly negative sentiment, or a confident agent-request intent.
const STRONG_NEGATIVE = -0.6;
const CONFIDENT = 0.5;

export type EscalationSignal = { escalate: boolean; reasons: string[] };

/**
 * The default "should a human take over?" reading of one customer message: an agent phrase, strongly negative
 * sentiment, cancellation language, a security worry, or a confident agent-request intent. The engine's flow-wide
 * triggers are configurable per flow; this is the baseline measured by scripts/eval-nlu.ts.
 */
export function escalationSignal(
  nlu: LanguageUnderstanding,
  text: string,
  intent?: { categories: readonly IntentCategory[]; agentCategoryId: string },
): EscalationSignal {
  const reasons: string[] = [];
  const agentPhrase = findPhrase(text, DEFAULT_AGENT_PHRASES);
  if (agentPhrase !== null) reasons.push(`asked for a person ("${agentPhrase}")`);
  const sentiment = nlu.analyzeSentiment(text);
  if (sentiment.score <= STRONG_NEGATIVE) reasons.push(`strongly negative (${sentiment.cues.join(", ")})`);
  if (sentiment.cues.some((cue) => cue.startsWith("cancellation language"))) reasons.push("cancellation language");
  const securityPhrase = findPhrase(text, DEFAULT_SECURITY_PHRASES);
  if (securityPhrase !== null) reasons.push(`security concern ("${securityPhrase}")`);
  if (intent !== undefined) {
    const result = nlu.classifyIntent(text, intent.categories);
    if (result.categoryId === intent.agentCategoryId && result.confidence >= CONFIDENT) {
      reasons.push(`agent request intent (${result.confidence.toFixed(2)})`);
    }
  }
  return { escalate: reasons.length > 0, reasons };
}
