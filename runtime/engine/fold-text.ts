import { normalizeText } from "@/runtime/nlu/phrase-match";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * normalizeText with a fast path: for printable ASCII, Unicode normalisation and the \p{…} classes reduce
 * to lower-casing and keeping [a-z0-9], which is several times cheaper and is most customer input.
 */
export function foldText(text: string): string {
  if (!PRINTABLE_ASCII.test(text)) return normalizeText(text);
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

const folded = new WeakMap<object, string>();

/** foldText of an option's title, remembered per option object (node data is reused across steps). */
export function foldedTitle(option: { title: string }): string {
  const known = folded.get(option);
  if (known !== undefined) return known;
  const value = foldText(option.title);
  folded.set(option, value);
  return value;
}
