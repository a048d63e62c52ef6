/** {{field}} placeholders: the same key syntax as fieldKeySchema, spaces inside the braces tolerated. */
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]{0,49})\s*\}\}/g;

/** Replaces each {{key}} with lookup(key); unknown keys become empty so customers never see braces. */
export function renderTemplate(text: string, lookup: (key: string) => string | undefined): string {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (_match, key: string) => lookup(key) ?? "");
}

/** renderTemplate over a fields record, reading own properties only ("constructor" is a valid key). */
export function fillFields(text: string, fields: Readonly<Record<string, string>>): string {
  return renderTemplate(text, (key) => (Object.hasOwn(fields, key) ? fields[key] : undefined));
}

/** The field keys a text refers to, in order of first use, for the validator and the preview. */
export function templateKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1];
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
