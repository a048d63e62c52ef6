/** The client's address for rate limiting: the first X-Forwarded-For hop, or "local" behind no proxy. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
