/*
 * Server time to publish a 500-node flow: p50 and p95 over 50 publishes, on an in-memory PGlite and, when
 * DATABASE_URL is set, on a fresh database of that PostgreSQL server. Each run changes the draft first (outside
 * the timing), so every publish does the full work: lock, validate, hash, insert the version, move the pointer,
 * audit. Goal: p95 ≤ 150 ms.
 *
 *   npx tsx --conditions=react-server scripts/bench-publish.ts [--runs 50] [--nodes 500]
 *
 * --conditions=react-server lets the db modules' `import "server-only"` load outside Next.js.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { availableParallelism, loadavg } from "node:os";
import { testDatabases } from "../test/databases";
import { installDatabase } from "../db/index";
import { seedDatabase } from "../db/seed";
import { getUserByEmail } from "../db/queries/users";
import { publishDraft } from "../db/queries/versions";
import { saveDraft, createFlow } from "../db/queries/flows";
import { validateFlow } from "../lib/flow/validate-flow";
import { FLOW_SCHEMA_VERSION, flowDocumentSchema, type FlowDocument } from "../lib/flow/flow-document";
import type { Actor } from "../lib/auth/roles";

/** A valid flow of about `size` nodes: start, then message/question pairs whose give-ups go to one handoff, then an end. */
function bigFlow(size: number, greeting: string): FlowDocument {
  const nodes: unknown[] = [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting } }];
  const edges: unknown[] = [{ id: "e-start", source: "start", sourcePort: "next", target: "m0" }];
  const pairs = Math.max(1, Math.ceil((size - 3) / 2));
  for (let index = 0; index < pairs; index += 1) {
    const message = `m${index}`;
    const ask = `a${index}`;
    nodes.push(
      { id: message, type: "message", position: { x: 300 * (2 * index + 1), y: 0 }, data: { text: `Step ${index}: here is some help.` } },
      {
        id: ask,
        type: "ask",
        position: { x: 300 * (2 * index + 2), y: 0 },
        data: { prompt: `Question ${index}?`, answer: { kind: "buttons", choices: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] }, saveTo: `answer_${index}` },
      },
    );
    const next = index === pairs - 1 ? "end" : `m${index + 1}`;
    edges.push(
      { id: `e-${message}`, source: message, sourcePort: "next", target: ask },
      { id: `e-${ask}-answered`, source: ask, sourcePort: "answered", target: next },
      { id: `e-${ask}-gave-up`, source: ask, sourcePort: "gave_up", target: "agent" },
    );
  }
  nodes.push(
    { id: "end", type: "end", position: { x: 300 * (2 * pairs + 1), y: 0 }, data: { text: "Done." } },
    { id: "agent", type: "handoff", position: { x: 300 * pairs, y: 400 }, data: { queue: "Support" } },
  );
  return flowDocumentSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    name: "Benchmark flow",
    settings: { defaultHandoffNodeId: "agent" },
    nodes,
    edges,
  });
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "50" }, nodes: { type: "string", default: "500" } } });
  const runs = Number(values.runs);
  const size = Number(values.nodes);
  process.env.AUTH_SECRET ??= "bench-publish-secret";

  const sample = bigFlow(size, "Hello 0");
  const report = validateFlow(sample);
  if (!report.ok) {
    console.error("the generated flow does not validate:", report.issues.filter((issue) => issue.severity === "error").slice(0, 5));
    process.exit(1);
  }
  console.log(`flow: ${sample.nodes.length} nodes, ${sample.edges.length} edges; ${runs} publishes per database`);

  for (const database of testDatabases()) {
    const handle = await database.open();
    try {
      installDatabase(handle);
      await seedDatabase(handle.db, { authSecret: process.env.AUTH_SECRET, env: { ADMIN_PASSWORD: "bench-password-1" } });
      const admin = await getUserByEmail("admin@threadline.local");
      if (!admin) throw new Error("seed created no admin");
      const actor: Actor = { userId: admin.id, email: admin.email, name: admin.name, role: admin.role };
      const created = await createFlow(actor, { name: "Benchmark flow" });
      if (!created.ok) throw new Error(created.error.message);
      const flowId = created.value.id;

      let revision = 1;
      const timings: number[] = [];
      const cpuTimings: number[] = [];
      // Two warm-up publishes (query plans, JIT) are left out of the figures.
      for (let run = -2; run < runs; run += 1) {
        const saved = await saveDraft(actor, { flowId, revision, document: bigFlow(size, `Hello ${run}`) });
        if (!saved.ok) throw new Error(`could not save the draft: ${saved.error.message}`);
        revision = saved.value.revision;
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const published = await publishDraft(actor, { flowId, note: `run ${run}` });
        const elapsed = performance.now() - started;
        const cpu = process.cpuUsage(cpuStarted);
        if (!published.ok) throw new Error(`publish failed: ${published.error.message}`);
        if (run >= 0) {
          timings.push(elapsed);
          cpuTimings.push((cpu.user + cpu.system) / 1000);
        }
      }
      timings.sort((a, b) => a - b);
      cpuTimings.sort((a, b) => a - b);
      const p50 = percentile(timings, 50);
      const p95 = percentile(timings, 95);
      console.log(
        `${database.kind.padEnd(8)} publish ${size}-node flow: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${(timings.at(-1) ?? 0).toFixed(1)} ms` +
          `  (goal p95 ≤ 150 ms: ${p95 <= 150 ? "met" : "NOT met"})`,
      );
      // CPU time of this process is what the app server spends (all of it on PGlite, which runs in-process); unlike
      // wall time it barely moves when other work shares the machine.
      console.log(
        `${"".padEnd(8)} app-process CPU per publish: p50 ${percentile(cpuTimings, 50).toFixed(1)} ms, p95 ${percentile(cpuTimings, 95).toFixed(1)} ms; load average ${loadavg()[0]?.toFixed(1) ?? "?"} on ${availableParallelism()} cores`,
      );
    } finally {
      await handle.drop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
