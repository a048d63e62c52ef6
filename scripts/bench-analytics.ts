// Dashboard query benchmark: p50/p95 of every analytics query against the history seed:analytics generated.
// Run: npm run bench:analytics [-- --runs 30]   (DATABASE_URL: the seeded Postgres database). Goal: p95 ≤ 300 ms.
import { installDatabase } from "@/db/index";
import { openDatabase } from "@/db/connect";
import {
  getCsatSummary,
  getFlowSummary,
  listAnalyticsFlows,
  listDailyVolume,
  listNodeFunnels,
  listValidationFailures,
} from "@/db/queries/analytics";
import type { Actor } from "@/lib/auth/roles";
import type { AnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { percentile } from "@/lib/analytics/percentile";

const args = process.argv.slice(2);
const runsIndex = args.indexOf("--runs");
const RUNS = runsIndex >= 0 ? Number(args[runsIndex + 1]) || 30 : 30;
const GOAL_MS = 300;
const DAY_MS = 86_400_000;

const actor: Actor = { userId: "00000000-0000-7000-8000-000000000000", email: "bench@example.com", name: "Bench", role: "admin" };

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database seed:analytics filled");
  const handle = await openDatabase({ kind: "postgres", url, max: 4 });
  installDatabase(handle);
  try {
    const flows = await listAnalyticsFlows(actor);
    const flow = flows.find((candidate) => candidate.name.includes("sample history")) ?? flows[0];
    const version = flow?.versions[0];
    if (!flow || !version) throw new Error("No seeded flow: run npm run seed:analytics first");
    const now = Date.now();
    const until = new Date(Math.ceil(now / DAY_MS) * DAY_MS);
    const wide: AnalyticsFilter = { flowId: flow.id, versionId: null, from: new Date(until.getTime() - 91 * DAY_MS), until, includeSimulated: false };
    const narrow: AnalyticsFilter & { versionId: string } = { ...wide, versionId: version.id, from: new Date(until.getTime() - 30 * DAY_MS) };
    const wideVersion = { ...wide, versionId: version.id };

    const queries: [string, () => Promise<unknown>][] = [
      ["summary · 90 days, all versions", () => getFlowSummary(actor, wide)],
      ["summary · 30 days, one version", () => getFlowSummary(actor, narrow)],
      ["csat · 90 days", () => getCsatSummary(actor, wide)],
      ["validation failures · 90 days", () => listValidationFailures(actor, wide)],
      ["daily volume · 90 days", () => listDailyVolume(actor, wide)],
      ["drop-off overlay · 90 days, live version", () => listNodeFunnels(actor, wideVersion)],
      ["drop-off overlay · 30 days, live version", () => listNodeFunnels(actor, narrow)],
      ["whole page · 90 days (all of the above, in parallel)", () =>
        Promise.all([getFlowSummary(actor, wide), getCsatSummary(actor, wide), listValidationFailures(actor, wide), listDailyVolume(actor, wide), listNodeFunnels(actor, wideVersion)])],
    ];
    const summary = await getFlowSummary(actor, wide);
    console.log(`flow "${flow.name}": ${summary.started} conversations in 90 days (simulator excluded), ${RUNS} runs per query\n`);
    let failed = false;
    for (const [name, run] of queries) {
      for (let warm = 0; warm < 2; warm++) await run();
      const times: number[] = [];
      for (let index = 0; index < RUNS; index++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      const p50 = percentile(times, 0.5) ?? 0;
      const p95 = percentile(times, 0.95) ?? 0;
      const ok = p95 <= GOAL_MS || name.startsWith("whole page");
      failed ||= !ok;
      console.log(`${ok ? "ok  " : "SLOW"} ${name.padEnd(52)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
