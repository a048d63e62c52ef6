/*
 * npm run bench:webhook — the live path under load: starts the production app (embedded PGlite, and PostgreSQL too
 * when DATABASE_URL is set) with a fake Graph API, then many customers send signed webhooks at a fixed concurrency for
 * a bounded time. Each customer says "hi" (2 replies: greeting and topics), then asks for an agent (1 reply: the
 * handoff confirmation), so every reply can be counted: lost and duplicated replies must be 0.
 * Options: --seconds 15 --concurrency 48 --only pglite|postgres. Traffic goes to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { startFakeGraph } from "../runtime/whatsapp/fake-graph";
import { buildSignedWebhook } from "../runtime/whatsapp/build-webhook-payload";

const APP_SECRET = "bench-app-secret";
const PHONE_NUMBER_ID = "100000000000001";
const REPLIES_PER_CUSTOMER = 3;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "48" },
    only: { type: "string" },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startApp(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "threadline-bench-"));
  const child = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/health`)).ok, 300_000, "the app to start");
  return { url, child, dataDir };
}

type RunResult = {
  messages: number;
  seconds: number;
  ackMs: number[];
  inboundToSendMs: number[];
  non200: number;
  lost: number;
  duplicated: number;
};

async function runLoad(
  appUrl: string,
  graph: Awaited<ReturnType<typeof startFakeGraph>>,
  durationSeconds: number,
): Promise<RunResult> {
  graph.reset();
  const ackMs: number[] = [];
  const sentAt = new Map<string, number[]>();
  let non200 = 0;
  let messages = 0;
  let nextCustomer = 0;
  let wamid = 0;
  const runId = Date.now() % 100000;
  const deadline = Date.now() + durationSeconds * 1000;

  async function post(customer: string, text: string): Promise<void> {
    wamid += 1;
    const { body, signature } = buildSignedWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      appSecret: APP_SECRET,
      messages: [{ from: customer, id: `wamid.BENCH${runId}.${wamid}`, timestamp: Math.floor(Date.now() / 1000), content: { type: "text", text } }],
    });
    const started = performance.now();
    const startedAt = Date.now();
    const response = await fetch(`${appUrl}/api/webhooks/whatsapp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body,
    });
    await response.arrayBuffer();
    ackMs.push(performance.now() - started);
    messages += 1;
    if (response.status !== 200) non200 += 1;
    sentAt.set(customer, [...(sentAt.get(customer) ?? []), startedAt]);
  }

  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        nextCustomer += 1;
        const customer = `1555${String(runId).padStart(5, "0")}${String(nextCustomer).padStart(6, "0")}`;
        await post(customer, "hi");
        await post(customer, "I want to talk to an agent");
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const customers = [...sentAt.keys()];
  const expected = customers.length * REPLIES_PER_CUSTOMER;
  await waitFor(async () => graph.sent().length >= expected, 60_000, "the outbox to drain").catch(() => undefined);
  // A moment more so late duplicates would show.
  await new Promise((resolve) => setTimeout(resolve, 1500));

  const byCustomer = new Map<string, number[]>();
  for (const send of graph.sent()) {
    const customer = send.to.replace(/^\+/, "");
    byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), send.receivedAt]);
  }
  let lost = 0;
  let duplicated = 0;
  const inboundToSendMs: number[] = [];
  for (const customer of customers) {
    const replies = (byCustomer.get(customer) ?? []).sort((a, b) => a - b);
    lost += Math.max(0, REPLIES_PER_CUSTOMER - replies.length);
    duplicated += Math.max(0, replies.length - REPLIES_PER_CUSTOMER);
    const [hiAt, agentAt] = sentAt.get(customer) ?? [];
    replies.forEach((at, index) => {
      const trigger = index < 2 ? hiAt : agentAt;
      if (trigger !== undefined) inboundToSendMs.push(at - trigger);
    });
  }
  return { messages, seconds: elapsed, ackMs: ackMs.sort((a, b) => a - b), inboundToSendMs: inboundToSendMs.sort((a, b) => a - b), non200, lost, duplicated };
}

function report(label: string, result: RunResult): void {
  const rate = result.messages / result.seconds;
  console.log(
    `${label.padEnd(9)} ${rate.toFixed(0).padStart(5)} messages/s · time to 200 p50 ${percentile(result.ackMs, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(result.ackMs, 99).toFixed(1)} ms · inbound→send p99 ${percentile(result.inboundToSendMs, 99).toFixed(0)} ms · ` +
      `${result.messages} messages, non-200 ${result.non200}, lost ${result.lost}, duplicated ${result.duplicated}`,
  );
}

async function benchOne(label: "pglite" | "postgres", graphUrl: string, graph: Awaited<ReturnType<typeof startFakeGraph>>) {
  let databaseUrl = "";
  let dropDatabase: (() => Promise<void>) | null = null;
  if (label === "postgres") {
    const base = process.env.DATABASE_URL ?? "";
    const name = `threadline_bench_${Date.now()}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const app = await startApp({
    DATABASE_URL: databaseUrl,
    WHATSAPP_GRAPH_URL: graphUrl,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    AUTH_SECRET: "bench-auth-secret",
    ADMIN_PASSWORD: "bench-admin-password",
  });
  try {
    // Warm-up: load the flow, train the classifier, fill connection pools.
    await runLoad(app.url, graph, 3);
    const result = await runLoad(app.url, graph, seconds);
    report(label, result);
    return result;
  } finally {
    app.child.kill("SIGTERM");
    await new Promise((resolve) => app.child.once("exit", resolve));
    rmSync(app.dataDir, { recursive: true, force: true });
    await dropDatabase?.();
  }
}

async function main(): Promise<void> {
  const graph = await startFakeGraph({ port: 0 });
  console.log(`bench:webhook — ${concurrency} concurrent senders for ${seconds} s per database (after a 3 s warm-up)`);
  const targets: ("pglite" | "postgres")[] = values.only
    ? [values.only as "pglite" | "postgres"]
    : process.env.DATABASE_URL
      ? ["pglite", "postgres"]
      : ["pglite"];
  let failed = false;
  for (const target of targets) {
    const result = await benchOne(target, graph.url, graph);
    if (result.lost > 0 || result.duplicated > 0) failed = true;
  }
  await graph.close();
  if (failed) process.exitCode = 1;
}

void main();
