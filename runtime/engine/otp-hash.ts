/**
 * cyrb53: a fast, pure 53-bit string hash. Used so that the stored state never holds a one-time code in
 * plain text; the code lives only in the send_otp effect.
 */
export function hashCode(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** A digit from an injected random source, safe against sources that return 1 or NaN. */
export function randomDigit(random: () => number): number {
  const value = random();
  if (!Number.isFinite(value)) return 0;
  return Math.min(9, Math.max(0, Math.floor(value * 10)));
}
