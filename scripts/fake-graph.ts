/*
 * Runs the fake Graph API on its own, for the app, e2e tests and benchmarks:
 *   npx tsx scripts/fake-graph.ts --port 4010 [--fail-429 0.1] [--fail-5xx 0.05] [--latency 20]
 *     [--outside-window +15550001111] [--retry-after 2] [--seed 1] [--token <only accepted token>]
 * Control endpoints: GET /__sent, GET /__requests, POST /__reset, GET|POST /__faults, POST /__media.
 */
import { parseArgs } from "node:util";
import { fakeGraphFaultsSchema, startFakeGraph } from "../runtime/whatsapp/fake-graph";

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    console.error(`--${name} must be a number, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.FAKE_GRAPH_PORT || "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "fail-429": { type: "string" },
      "fail-5xx": { type: "string" },
      "retry-after": { type: "string" },
      latency: { type: "string" },
      "outside-window": { type: "string", multiple: true },
      seed: { type: "string" },
      token: { type: "string" },
    },
    strict: true,
  });

  const candidate = {
    rate429: number("fail-429", values["fail-429"]),
    rate5xx: number("fail-5xx", values["fail-5xx"]),
    retryAfterSeconds: number("retry-after", values["retry-after"]),
    latencyMs: number("latency", values.latency),
    seed: number("seed", values.seed),
    outsideWindow: values["outside-window"]?.flatMap((value) => value.split(",")).filter(Boolean),
  };
  const faults = fakeGraphFaultsSchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)),
  );
  if (!faults.success) {
    console.error(`invalid fault options: ${faults.error.message}`);
    process.exit(2);
  }

  const graph = await startFakeGraph({
    port: number("port", values.port) ?? 4010,
    host: values.host,
    faults: faults.data,
    ...(values.token !== undefined && { accessToken: values.token }),
  });
  console.log(`fake Graph API listening on ${graph.url}`);
  console.log(`faults: ${JSON.stringify(graph.faults())}`);

  const stop = () => {
    void graph.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
