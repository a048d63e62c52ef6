import type { TextCheck } from "@/lib/flow/nodes/ask-node";
import type { LanguageUnderstanding } from "@/runtime/nlu/types";
import { err, ok, type Result, assertNever } from "@/lib/result";

// Manager-written patterns run against customer text; capping the text bounds the cost of a bad pattern.
const MAX_CHECKED_CHARS = 1000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u;

export type CheckEnv = {
  nlu: LanguageUnderstanding;
  today: string;
  pattern(source: string): RegExp | null;
};

/** The value to save for a typed answer, or the hint to show when it does not fit the check. */
export function checkText(check: TextCheck, rawText: string, env: CheckEnv): Result<string, string> {
  const text = rawText.trim();
  if (text === "") return err("");
  switch (check.kind) {
    case "none":
      return ok(text);
    case "email":
      return EMAIL.test(text) && text.length <= 254 ? ok(text) : err("Please type an email address like name@example.com.");
    case "phone": {
      const phone = normalizePhoneInput(text);
      return phone ? ok(phone) : err("Please type a phone number with its country code, like +44 7700 900123.");
    }
    case "date": {
      const date = parseDate(text, env);
      return date ? ok(date) : err("Please type a date, like 2025-03-14 or 14/03/2025.");
    }
    case "number": {
      const value = parseNumber(text);
      const range = describeRange(check.min, check.max);
      if (value === null) return err(`Please type a number${range}.`);
      if ((check.min !== undefined && value < check.min) || (check.max !== undefined && value > check.max)) {
        return err(`Please type a number${range}.`);
      }
      return ok(String(value));
    }
    case "regex": {
      const pattern = env.pattern(check.pattern);
      // A pattern that does not compile is a configuration error the validator reports; do not trap customers.
      if (!pattern) return ok(text);
      return pattern.test(text.slice(0, MAX_CHECKED_CHARS)) ? ok(text) : err(check.hint ?? "");
    }
    default:
      return assertNever(check);
  }
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return "";
}

/** "+44 (0) 7700-900 123" → "+4407700900123"; null unless 7–15 digits remain. */
export function normalizePhoneInput(text: string): string | null {
  const compact = text.replace(/[\s().-]/g, "");
  return /^\+?\d{7,15}$/.test(compact) ? compact : null;
}

/** Digits of a phone number without international prefixes, for comparing two spellings of one number. */
export function phoneDigits(text: string): string {
  return text.replace(/\D/g, "").replace(/^00/, "").replace(/^0+/, "");
}

/** Two spellings of the same number: equal digits, or one is the other without its country code. */
export function samePhone(a: string, b: string): boolean {
  const left = phoneDigits(a);
  const right = phoneDigits(b);
  if (left.length < 7 || right.length < 7) return false;
  return left === right || left.endsWith(right) || right.endsWith(left);
}

function parseNumber(text: string): number | null {
  const compact = text.replace(/\s/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return null;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** YYYY-MM-DD from ISO or day-first numeric dates, then from the language-understanding date entity. */
export function parseDate(text: string, env: Pick<CheckEnv, "nlu" | "today">): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  if (text.length > 200) return null;
  const entity = env.nlu.extractEntities(text, { today: env.today }).find((found) => found.kind === "date");
  return entity && entity.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(entity.value) ? entity.value : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
