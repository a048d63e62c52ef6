import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { foldedTitle, foldText } from "./fold-text";
import { replyId, type Option } from "./outgoing";

/**
 * The option a customer picked: a tapped button or row (with or without the node prefix), its title typed
 * out, or its position ("2").
 */
export function matchOption<T extends Option>(nodeId: string, input: CustomerInput, options: readonly T[]): T | null {
  if (input.kind === "choice") {
    const tapped = options.find((option) => input.id === replyId(nodeId, option.id) || input.id === option.id);
    if (tapped) return tapped;
    return matchTyped(input.title, options);
  }
  if (input.kind === "text") return matchTyped(input.text, options);
  return null;
}

function matchTyped<T extends Option>(text: string, options: readonly T[]): T | null {
  if (text.length > 200) return null;
  const typed = foldText(text);
  if (typed === "") return null;
  const byTitle = options.find((option) => foldedTitle(option) === typed) ?? options.find((option) => foldText(option.id) === typed);
  if (byTitle) return byTitle;
  if (/^\d{1,2}$/.test(typed)) return options[Number(typed) - 1] ?? null;
  return null;
}

const YES = new Set(["yes", "y", "yeah", "yep", "yup", "ok", "fixed", "it works", "works", "solved", "si", "oui", "ja", "sim"]);
const NO = new Set(["no", "n", "nope", "nah", "not fixed", "still broken", "didn t work", "did not work", "no luck", "non", "nein", "nao"]);

/** A yes/no answer from a tapped button, its typed label or a common word for it. */
export function matchYesNo(nodeId: string, input: CustomerInput, yes: Option, no: Option): "yes" | "no" | null {
  const picked = matchOption(nodeId, input, [yes, no]);
  if (picked) return picked.id === yes.id ? "yes" : "no";
  if (input.kind !== "text" || input.text.length > 200) return null;
  const typed = foldText(input.text);
  if (YES.has(typed)) return "yes";
  if (NO.has(typed)) return "no";
  return null;
}
