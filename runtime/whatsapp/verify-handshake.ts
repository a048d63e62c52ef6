import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The GET handshake Meta sends when the callback URL or verify token is saved (whatsapp-facts §1). Returns the
 * challenge to echo verbatim as text/plain with 200, or null for a 403. The challenge stays a string: parsing it
 * as a number would change what Meta expects back.
 */
export function answerHandshake(query: URLSearchParams, verifyToken: string): string | null {
  const challenge = query.get("hub.challenge");
  const token = query.get("hub.verify_token");
  if (query.get("hub.mode") !== "subscribe" || challenge === null || token === null || verifyToken === "") return null;
  return sameSecret(token, verifyToken) ? challenge : null;
}

/** Hashing first gives equal lengths, so the comparison time says nothing about the token. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
