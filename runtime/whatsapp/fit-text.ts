import { charCount } from "@/lib/flow/whatsapp-limits";

const ELLIPSIS = "…";

/** Cuts text to at most `limit` characters (code points, so emoji are never split), ending in "…" when cut. */
export function fitText(text: string, limit: number): string {
  if (charCount(text) <= limit) return text;
  if (limit <= 0) return "";
  const kept = [...text].slice(0, limit - 1).join("").trimEnd();
  return kept + ELLIPSIS;
}

/** Cuts text to at most `limit` characters without an ellipsis: for ids, where "…" would be a lie about content. */
export function cutText(text: string, limit: number): string {
  return charCount(text) <= limit ? text : [...text].slice(0, Math.max(0, limit)).join("");
}
