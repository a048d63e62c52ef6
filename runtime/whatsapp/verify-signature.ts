import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

function hmac(appSecret: string, rawBody: string | Buffer): Buffer {
  // A string is hashed as its UTF-8 bytes, which is what arrives on the wire.
  return createHmac("sha256", appSecret).update(rawBody).digest();
}

/** The X-Hub-Signature-256 header value Meta would send for this body: "sha256=<64 lowercase hex>". */
export function signBody(appSecret: string, rawBody: string | Buffer): string {
  return PREFIX + hmac(appSecret, rawBody).toString("hex");
}

/**
 * Checks X-Hub-Signature-256 over the raw request bytes, in constant time. Hash the body exactly as
 * received: re-serialising parsed JSON un-escapes Meta's \uXXXX sequences and breaks the hash.
 */
export function verifySignature(input: {
  appSecret: string;
  rawBody: string | Buffer;
  signature: string | null;
}): boolean {
  const { appSecret, rawBody, signature } = input;
  // An empty secret would make the signature computable by anyone.
  if (appSecret.length === 0 || signature === null) return false;
  const header = signature.trim();
  if (!header.startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  if (!HEX_DIGEST.test(hex)) return false;
  const received = Buffer.from(hex, "hex");
  const expected = hmac(appSecret, rawBody);
  // timingSafeEqual throws on unequal lengths, so the length check must come first.
  return received.length === expected.length && timingSafeEqual(received, expected);
}
