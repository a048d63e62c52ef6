// Locale entry points only: the package root also loads Japanese, Chinese, Russian and more that we never use.
import * as chronoEn from "chrono-node/en";
import * as chronoEs from "chrono-node/es";
import * as chronoFr from "chrono-node/fr";
import * as chronoPt from "chrono-node/pt";
import type { Entity } from "./types";

/**
 * Used when a node declares no patterns of its own: prefixed ids ("ORD-99231", "INV-20931", "BK-4471"), hash ids
 * ("#48213") and a bare number right after a word that names a reference ("order 77120", "pedido 40221").
 */
export const DEFAULT_REFERENCE_PATTERNS: readonly string[] = [
  String.raw`\b[A-Z]{2,5}-\d{3,}\b`,
  String.raw`#\d{4,}\b`,
  String.raw`(?<=\b(?:order|ticket|case|booking|reference|ref|invoice|pedido|encomenda|commande)` +
    String.raw`\s*(?:number|no\.?|nr\.?|n[º°])?\s*[:#]?\s*)\d{4,}\b`,
];

// WhatsApp caps a text at 4096 characters. The cap also bounds the time a manager's badly written pattern can take.
const MAX_CHARS = 4096;

type Found = { start: number; end: number; entity: Entity };

const compiledPatterns = new Map<string, RegExp | null>();

/** Compiles a manager-supplied pattern once; an invalid one is skipped rather than failing the conversation. */
function compile(pattern: string): RegExp | null {
  const cached = compiledPatterns.get(pattern);
  if (cached !== undefined) return cached;
  let regex: RegExp | null;
  try {
    regex = new RegExp(pattern, "gi");
  } catch {
    regex = null; // The publish validator reports invalid patterns; at run time there is nothing better to do.
  }
  if (compiledPatterns.size > 500) compiledPatterns.clear();
  compiledPatterns.set(pattern, regex);
  return regex;
}

function findReferences(text: string, patterns: readonly string[]): Found[] {
  const found: Found[] = [];
  for (const pattern of patterns) {
    const regex = compile(pattern);
    if (regex === null) continue;
    for (const match of text.matchAll(regex)) {
      const value = match[0].trim();
      if (value === "") continue;
      found.push({ start: match.index, end: match.index + match[0].length, entity: { kind: "reference", value, pattern } });
    }
  }
  return found;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function findEmails(text: string): Found[] {
  return Array.from(text.matchAll(EMAIL), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    entity: { kind: "email", value: match[0].toLowerCase() },
  }));
}

// A run of digits with the separators people type in phone numbers; "/" is left out so dates never match.
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().-]{5,22}\d/g;

/**
 * International numbers ("+44 20 7946 0958", "0055 11 91234-5678") become "+" and digits (E.164). National ones
 * ("(555) 123-4567") keep their digits only: without a country code we cannot know the country, and guessing one
 * would send a code to the wrong person.
 */
function findPhones(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(PHONE)) {
    const raw = match[0].trim();
    const international = raw.startsWith("+") || raw.startsWith("00");
    let digits = raw.replace(/\D/g, "");
    if (raw.startsWith("00")) digits = digits.slice(2);
    // E.164 allows 15 digits; fewer than 8 (7 + country code) is more likely an order number or an amount.
    const enough = international ? digits.length >= 8 : digits.length >= 9;
    if (!enough || digits.length > 15) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      entity: { kind: "phone", value: international ? `+${digits}` : digits },
    });
  }
  return found;
}

// Day-first British English: most WhatsApp customers (India, Brazil, Europe, Latin America) write 25/12, not 12/25.
const DATE_PARSERS = [chronoEn.GB, chronoEs.casual, chronoPt.casual, chronoFr.casual];
const PAST_WORDS = /\b(?:last|ago|yesterday|past|previous|ayer|pasado|ontem|passad[oa]|hier|dernier)\b/i;
// Durations, "now" and bare times parse as dates but are not dates the customer means: "3 days late", "refund NOW",
// "às 10h".
const NOT_A_DATE = new RegExp(
  [
    String.raw`^(?:now|ahora|agora|maintenant`,
    String.raw`|(?:a|an|one|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)`,
    String.raw`|(?:at|as|às|a las|à)?\s*\d{1,2}(?:[:h.]\d{0,2})?\s*(?:am|pm|h)?)$`,
  ].join(""),
  "i",
);

const pad = (value: number, length: number): string => String(value).padStart(length, "0");

/**
 * Every date chrono can read has a digit or one of these words (EN/ES/PT/FR). Most messages have neither, and
 * skipping chrono's ~200 parsers for them is what keeps entity extraction cheap on every step.
 */
const MAY_HOLD_DATE = new RegExp(
  String.raw`\d|\b(?:` +
    [
      "today|tomorrow|yesterday|tonight|week(?:end)?s?|months?|years?|days?|fortnight|next|last|this|coming",
      "mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
      "hoy|ma[ñn]ana|ayer|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|semana|mes|a[ñn]o|d[íi]a|pr[óo]xim[oa]",
      "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
      "hoje|amanh[ãa]|ontem|segunda|ter[çc]a|quarta|quinta|sexta|m[êe]s|ano|dia|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro",
      "aujourd|demain|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|mois|ann[ée]e|jour|prochaine?",
      "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre",
    ].join("|") +
    String.raw`)`,
  "iu",
);

function findDates(text: string, today: string): Found[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const anchor = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (anchor === null) return []; // Without a valid "today" a relative date cannot be resolved; none beats a wrong one.
  // Noon UTC with timezone 0: the resolved calendar day never depends on the server's time zone.
  const reference = {
    instant: new Date(Date.UTC(Number(anchor[1]), Number(anchor[2]) - 1, Number(anchor[3]), 12)),
    timezone: 0,
  };
  const found: Found[] = [];
  for (const parser of DATE_PARSERS) {
    const forward = parser.parse(text, reference, { forwardDate: true });
    // "Dec 3" or "Monday" mean the next one, but "last Friday" must stay in the past.
    const backward = forward.some((result) => PAST_WORDS.test(result.text)) ? parser.parse(text, reference) : [];
    for (const result of forward) {
      const chosen = PAST_WORDS.test(result.text)
        ? (backward.find((other) => other.index === result.index) ?? result)
        : result;
      const { start } = chosen;
      const hasDate = start.isCertain("day") || start.isCertain("weekday") || start.isCertain("month");
      if (!hasDate || NOT_A_DATE.test(chosen.text.trim())) continue;
      const value = `${pad(start.get("year") ?? 0, 4)}-${pad(start.get("month") ?? 0, 2)}-${pad(start.get("day") ?? 0, 2)}`;
      // chrono sometimes keeps the comma after "next monday,".
      const matched = chosen.text.replace(/[\s,.;:!?]+$/u, "");
      found.push({ start: chosen.index, end: chosen.index + matched.length, entity: { kind: "date", value, text: matched } });
    }
  }
  return found;
}

// Digits glued to letters ("SAVE20", "E102", "iphone12") are codes or names, not quantities.
const NUMBER = /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*(?![\p{L}\d])/gu;

/** "1,000" and "1.000" are a thousand; "39,90" and "39.90" are 39.9. */
function parseNumber(raw: string): number | null {
  const parts = raw.split(/[.,]/);
  const last = parts[parts.length - 1] ?? "";
  const thousands = parts.length > 1 && parts.slice(1).every((part) => part.length === 3);
  const value = thousands
    ? Number(parts.join(""))
    : Number(parts.length > 1 ? `${parts.slice(0, -1).join("")}.${last}` : raw);
  return Number.isFinite(value) ? value : null;
}

function findNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const value = parseNumber(match[0]);
    if (value === null) continue;
    found.push({ start: match.index, end: match.index + match[0].length, entity: { kind: "number", value, text: match[0] } });
  }
  return found;
}

/**
 * Order and ticket references, emails, phones, dates (relative ones anchored at `today`, never the system clock) and
 * numbers, in the order they appear. A stretch of text yields one entity: a reference is not also a phone number, and
 * the digits of a date or a phone are not also numbers.
 */
export function extractEntities(
  input: string,
  options: { referencePatterns?: readonly string[]; today: string },
): Entity[] {
  const text = input.slice(0, MAX_CHARS);
  // Earlier groups win overlaps: the more specific reading of the same characters.
  const groups = [
    findReferences(text, options.referencePatterns ?? DEFAULT_REFERENCE_PATTERNS),
    findEmails(text),
    findPhones(text),
    findDates(text, options.today),
    findNumbers(text),
  ];
  const taken: Found[] = [];
  for (const group of groups) {
    for (const candidate of group) {
      const overlaps = taken.some((other) => candidate.start < other.end && other.start < candidate.end);
      if (!overlaps) taken.push(candidate);
    }
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end).map((found) => found.entity);
}
