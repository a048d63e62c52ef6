import { z } from "zod";
import { err, ok, type Result } from "@/lib/result";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A longer range is allowed but kept bounded so one request cannot scan years of events. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31");

/** The query string of the analytics page and the CSV export. */
export const analyticsQuerySchema = z.object({
  flow: z.uuid().optional(),
  version: z.union([z.uuid(), z.literal("all")]).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  simulated: z.enum(["include", "exclude"]).optional(),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** What the queries take: a flow, maybe one version, a half-open time range [from, until). */
export type AnalyticsFilter = {
  flowId: string;
  versionId: string | null;
  from: Date;
  until: Date;
  includeSimulated: boolean;
};

export type RangeError = { code: "invalid-range"; message: string };

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const toIsoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Turns the page's query into a filter. `today` comes from the caller (the clock stays outside pure code); dates
 * are whole UTC days and `to` is inclusive, as a support manager reads "1 to 31 January".
 */
export function resolveAnalyticsFilter(
  query: AnalyticsQuery,
  flowId: string,
  today: Date,
): Result<AnalyticsFilter & { fromDay: string; toDay: string }, RangeError> {
  const toDay = query.to ?? toIsoDay(today);
  const fromDay = query.from ?? toIsoDay(new Date(dayStart(toDay).getTime() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS));
  const from = dayStart(fromDay);
  const until = new Date(dayStart(toDay).getTime() + DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime())) {
    return err({ code: "invalid-range", message: "One of the dates does not exist." });
  }
  if (from >= until) return err({ code: "invalid-range", message: "The start date must be on or before the end date." });
  if (until.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return err({ code: "invalid-range", message: `Pick a range of at most ${MAX_RANGE_DAYS} days.` });
  }
  return ok({
    flowId,
    versionId: query.version && query.version !== "all" ? query.version : null,
    from,
    until,
    includeSimulated: query.simulated === "include",
    fromDay,
    toDay,
  });
}
