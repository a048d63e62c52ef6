import type { HandoffNode } from "@/lib/flow/nodes/handoff-node";

type Hours = NonNullable<HandoffNode["data"]["hours"]>;

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building an Intl formatter costs far more than a step; one per time zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const known = formatters.get(timeZone);
  if (known !== undefined) return known;
  let formatter: Intl.DateTimeFormat | null;
  try {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" });
  } catch {
    formatter = null;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/**
 * Whether a team is working at `nowIso` in its own time zone. An unknown zone or clock counts as open:
 * promising a reply is better than telling a customer that nobody is there when we cannot tell.
 */
export function isWithinHours(hours: Hours, nowIso: string): boolean {
  const formatter = formatterFor(hours.timeZone);
  const instant = Date.parse(nowIso);
  if (!formatter || Number.isNaN(instant)) return true;
  let weekday = -1;
  let hour = -1;
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === "weekday") weekday = WEEKDAYS[part.value] ?? -1;
    if (part.type === "hour") hour = Number(part.value) % 24;
  }
  if (weekday < 0 || hour < 0) return true;
  return hours.days.includes(weekday) && hour >= hours.openHour && hour < hours.closeHour;
}
