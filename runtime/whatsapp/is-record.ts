/** A plain JSON object (not null, not an array): the shape every Graph and webhook payload level has. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
