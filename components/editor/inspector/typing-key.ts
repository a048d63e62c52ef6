/**
 * The undo-merge key for an edit: when exactly one text value changed, typing in that field is one gesture and
 * its keystrokes merge into one undo step; anything structural (adding, removing, switching a kind) stands alone.
 */
export function typingKey(scope: string, before: unknown, after: unknown): string | null {
  const path = onlyChangedText(before, after, []);
  return path === undefined ? null : `${scope}:${path.join(".")}`;
}

function onlyChangedText(before: unknown, after: unknown, path: string[]): string[] | undefined {
  if (Object.is(before, after)) return undefined;
  if (typeof before === "string" && typeof after === "string") return path;
  if (typeof before !== "object" || typeof after !== "object" || before === null || after === null) return undefined;
  if (Array.isArray(before) !== Array.isArray(after)) return undefined;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  if (Array.isArray(before) && Array.isArray(after) && before.length !== after.length) return undefined;
  let found: string[] | undefined;
  for (const key of keys) {
    const a: unknown = Reflect.get(before, key);
    const b: unknown = Reflect.get(after, key);
    if (Object.is(a, b)) continue;
    if (found !== undefined) return undefined;
    const inner = onlyChangedText(a, b, [...path, key]);
    if (inner === undefined) return undefined;
    found = inner;
  }
  return found;
}
