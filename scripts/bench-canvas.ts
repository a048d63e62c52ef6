// Canvas benchmark (issue 5): opens generated flows of 500 nodes / 600 edges and 1,000 nodes in the editor and
// prints time to first render and frames per second while panning and while dragging a node, counting only frames
// in which the canvas (or the node) actually moved. Playwright sends one pointer move per frame at most, so 60 fps
// is the ceiling (an empty page measures 60.0 here).
// Run: npm run bench:canvas [-- --url http://127.0.0.1:3000] [--nodes 500] [--profile [--trace]] (without --url it starts the app itself on
// a free port with a fresh embedded database; set NEXT_DIST_DIR to reuse a build folder). It also measures the bare
// library (scripts/canvas-baseline: @xyflow/react's default nodes, same flows and gestures) in the same run, as the
// ceiling this machine allows.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { build } from "esbuild";
import { FLOW_SCHEMA_VERSION, type FlowDocument, type FlowEdge } from "@/lib/flow/flow-document";
import type { FlowNode } from "@/lib/flow/flow-node";
import { createDefaultNode } from "@/lib/flow/node-catalog";
import { outputPorts } from "@/lib/flow/ports";

const args = process.argv.slice(2);
const urlArg = args.includes("--url") ? args[args.indexOf("--url") + 1] : undefined;
/** --profile: record a CPU profile of each gesture on the first load and print the functions that cost the most. */
const PROFILE = args.includes("--profile");
/** --trace (with --profile): also sum Chromium's trace events per thread, where raster and compositing show up. */
const TRACE = args.includes("--trace");
/** --nodes 500: only the flow of that size. */
const ONLY = args.includes("--nodes") ? Number(args[args.indexOf("--nodes") + 1]) : null;
const PASSWORD = process.env.ADMIN_PASSWORD ?? "bench-admin-password";
const EMAIL = process.env.ADMIN_EMAIL ?? "admin@threadline.local";
const RUNS = 3;

/** A deterministic flow: a grid of messages and questions, every port wired forwards, about `edges` edges. */
function generatedFlow(nodeCount: number, edgeCount: number): FlowDocument {
  const nodes: FlowNode[] = [createDefaultNode("start", "n0", { x: 0, y: 0 })];
  // Questions have two outcomes, messages one: enough questions to reach the edge count.
  const questions = Math.max(0, edgeCount - (nodeCount - 1));
  const columns = Math.ceil(Math.sqrt(nodeCount * 1.6));
  for (let i = 1; i < nodeCount; i += 1) {
    const position = { x: (i % columns) * 320, y: Math.floor(i / columns) * 200 };
    nodes.push(createDefaultNode(i <= questions ? "ask" : "message", `n${i}`, position));
  }
  const edges: FlowEdge[] = [];
  nodes.forEach((node, index) => {
    for (const [portIndex, port] of outputPorts(node).entries()) {
      if (edges.length >= edgeCount) return;
      const target = nodes[Math.min(nodes.length - 1, index + 1 + portIndex * 7)];
      if (!target || target.id === node.id) continue;
      edges.push({ id: `${node.id}.${port.id}`, source: node.id, sourcePort: port.id, target: target.id });
    }
  });
  return { schemaVersion: FLOW_SCHEMA_VERSION, name: `Bench ${nodeCount}`, description: "", settings: { fields: [], checklists: [], triggers: [], agentPhrases: ["agent"], inactivityMinutes: 30, unsupportedText: "Sorry." }, nodes, edges };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 3000));
    });
  });
}

async function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: mkdtempSync(path.join(tmpdir(), "threadline-bench-")), ADMIN_PASSWORD: PASSWORD, DATABASE_URL: "", AUTH_SECRET: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // Not listening yet: the first start builds the app.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  child.kill();
  throw new Error("the app did not become healthy");
}

/** The same flow as the library's default nodes, sized like the editor's cards (240 px wide). */
function baselineFlow(document: FlowDocument) {
  return {
    nodes: document.nodes.map((node) => ({ id: node.id, position: node.position, data: { label: node.id }, style: { width: 240, height: 100 } })),
    edges: document.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  };
}

/** Bundles scripts/canvas-baseline with esbuild and serves it with each flow on a free port of 127.0.0.1. */
async function startBaseline(): Promise<{ url: (nodes: number) => string; server: Server }> {
  const outdir = mkdtempSync(path.join(tmpdir(), "threadline-baseline-"));
  await build({
    entryPoints: [path.resolve("scripts/canvas-baseline/main.tsx")],
    bundle: true,
    minify: true,
    outdir,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const flows = new Map<string, string>();
  for (const [nodes, edges] of SIZES) flows.set(String(nodes), JSON.stringify(baselineFlow(generatedFlow(nodes, edges))));
  const server = createHttpServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/main.js" || url.pathname === "/main.css") {
      response.writeHead(200, { "content-type": url.pathname.endsWith(".js") ? "text/javascript" : "text/css" });
      response.end(readFileSync(path.join(outdir, url.pathname)));
      return;
    }
    const flow = flows.get(url.searchParams.get("nodes") ?? "");
    if (!flow) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end(
      `<!doctype html><html><head><link rel="stylesheet" href="/main.css"><style>body{margin:0}</style></head>` +
        `<body><div id="root"></div><script>window.__BASELINE_FLOW__=${flow}</script><script src="/main.js"></script></body></html>`,
    );
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: (nodes) => `http://127.0.0.1:${port}/?nodes=${nodes}`, server };
}

/** Frames per second during `gesture`, counting only frames in which the canvas actually moved. */
// In-page code is passed as text: tsx's name-keeping helper (__name) does not exist inside the page.
const START_COUNTING = `(sel) => {
  const state = { frames: 0, last: "", running: true, firstMove: 0, lastMove: 0 };
  window.__bench = state;
  const tick = () => {
    const element = document.querySelector(sel);
    const now = element instanceof HTMLElement ? element.style.transform : "";
    if (now !== state.last) {
      if (state.last !== "") {
        state.frames += 1;
        if (state.firstMove === 0) state.firstMove = performance.now();
        state.lastMove = performance.now();
      }
      state.last = now;
    }
    if (state.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;
const STOP_COUNTING = `(() => {
  const state = window.__bench;
  state.running = false;
  const seconds = (state.lastMove - state.firstMove) / 1000;
  return seconds > 0 ? (state.frames - 1) / seconds : 0;
})()`;

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The 12 functions with the most self time in a CPU profile, as "ms  name  file:line". */
function topFunctions(profile: CpuProfile): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || "(anonymous)"}  ${frame.url.split("/").pop() ?? ""}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

type TraceEvent = { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } };

/** Chromium trace events summed per thread and name, the 25 busiest: raster and compositing threads show here. */
function busiestTraceEvents(events: readonly TraceEvent[]): string[] {
  const threads = new Map<string, string>();
  for (const event of events) if (event.ph === "M" && event.name === "thread_name") threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? "");
  const totals = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== "X" || !event.dur) continue;
    const key = `${threads.get(`${event.pid}:${event.tid}`) ?? event.tid} · ${event.name}`;
    totals.set(key, (totals.get(key) ?? 0) + event.dur / 1000);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${key}`);
}

let profileNext = false;

/** Frames per second during `gesture`, counting only frames in which the watched element actually moved. */
async function movingFps(page: Page, selector: string, gesture: () => Promise<void>, label = ""): Promise<number> {
  const session = profileNext ? await page.context().newCDPSession(page) : null;
  if (session) {
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 200 });
    await session.send("Profiler.start");
  }
  const tracing = TRACE && profileNext ? await page.context().newCDPSession(page) : null;
  const traceEvents: TraceEvent[] = [];
  let traceComplete = () => {};
  const traced = new Promise<void>((resolve) => (traceComplete = resolve));
  if (tracing) {
    tracing.on("event", ({ method, params }) => {
      if (method === "Tracing.dataCollected") traceEvents.push(...(params as { value: TraceEvent[] }).value);
      if (method === "Tracing.tracingComplete") traceComplete();
    });
    await tracing.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,cc,viz,gpu,blink,benchmark,toplevel", transferMode: "ReportEvents" });
  }
  await page.evaluate(`(${START_COUNTING})(${JSON.stringify(selector)})`);
  await gesture();
  if (tracing) {
    await tracing.send("Tracing.end");
    await traced;
    console.log(`\ntrace · ${label}\n${busiestTraceEvents(traceEvents).join("\n")}`);
  }
  const fps: unknown = await page.evaluate(STOP_COUNTING);
  if (session) {
    const { profile } = (await session.send("Profiler.stop")) as unknown as { profile: CpuProfile };
    console.log(`\nprofile · ${page.url().includes("/edit") ? "editor" : "bare library"} · ${label}\n${topFunctions(profile).join("\n")}`);
    await session.detach();
  }
  return typeof fps === "number" ? fps : 0;
}

/** A point of empty canvas near the middle of the pane: pressing on a node would drag it instead of panning. */
async function emptySpot(page: Page, pane: { x: number; y: number; width: number; height: number }): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate(`(${EMPTY_SPOT})(${JSON.stringify(pane)})`);
  if (!spot || typeof spot !== "object") throw new Error("no empty spot on the canvas to pan from");
  return spot as { x: number; y: number };
}

const EMPTY_SPOT = `({ x, y, width, height }) => {
  for (let dy = 0; dy < height / 3; dy += 10) {
    for (let dx = 0; dx < width / 3; dx += 10) {
      const px = x + width / 2 - dx;
      const py = y + height / 2 - dy;
      const hit = document.elementFromPoint(px, py);
      if (hit && hit.closest(".react-flow__pane") && !hit.closest(".react-flow__node, .react-flow__edge, .react-flow__panel")) return { x: px, y: py };
    }
  }
  return null;
}`;

async function measure(page: Page, editUrl: string, fitView: (page: Page) => Promise<void>) {
  const started = Date.now();
  await page.goto(editUrl);
  await page.locator(".react-flow__node").first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length > 0 && !document.querySelector(".react-flow__node[style*='visibility: hidden']"));
  const firstRender = Date.now() - started;
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  let { x: cx, y: cy } = await emptySpot(page, pane);
  const pan = await movingFps(page, ".react-flow__viewport", async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(cx - i * 6, cy - i * 3);
    await page.mouse.up();
  }, "pan");
  // A node well inside the pane, away from the minimap and zoom controls.
  const candidates = await page.locator(".react-flow__node").evaluateAll((elements, area) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { id: element.getAttribute("data-id") ?? "", x: box.x + box.width / 2, y: box.y + 12, inside: box.x > area.x + 60 && box.right + 140 < area.x + area.width - 60 && box.y > area.y + 40 && box.bottom + 160 < area.y + area.height - 60 };
    }),
    pane,
  );
  const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const picked = candidates
    .filter((candidate) => candidate.inside)
    .sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y))[0];
  if (!picked) throw new Error(`no node inside the pane to drag on ${page.url()} (${candidates.length} nodes rendered, pane ${JSON.stringify(pane)}, first ${JSON.stringify(candidates.slice(0, 3))})`);
  const nx = picked.x;
  const ny = picked.y;
  const draggedSelector = `.react-flow__node[data-id="${picked.id}"]`;
  const drag = await movingFps(page, draggedSelector, async () => {
    await page.mouse.move(nx, ny);
    await page.mouse.down();
    // Whole grid steps (the editor snaps to a 20 px grid, so smaller steps would leave most frames unchanged),
    // zig-zagging within 140 × 150 px so the node stays inside the pane (no auto-pan at its edges).
    for (let i = 0; i < 60; i += 1) await page.mouse.move(nx + (i % 8) * 20, ny + Math.floor(i / 8) * 20);
    await page.mouse.up();
  }, "drag");
  // The whole flow at once: every node is on screen, drawn as plain boxes (level of detail).
  await fitView(page);
  await page.waitForTimeout(500); // the fit animates for 300 ms
  ({ x: cx, y: cy } = await emptySpot(page, pane));
  const overviewPan = await movingFps(page, ".react-flow__viewport", async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(cx - i * 3, cy - i * 2);
    await page.mouse.up();
  }, "pan with everything in view");
  return { firstRender, pan, drag, overviewPan };
}

const SIZES = [
  [500, 600],
  [1000, 1100],
] as const;

type Measured = Awaited<ReturnType<typeof measure>>;

function report(label: string, results: Measured[]): void {
  console.log(
    `${label}: first render ${median(results.map((r) => r.firstRender))} ms, ` +
      `pan ${median(results.map((r) => r.pan)).toFixed(1)} fps, drag ${median(results.map((r) => r.drag)).toFixed(1)} fps, ` +
      `pan with everything in view ${median(results.map((r) => r.overviewPan)).toFixed(1)} fps ` +
      `(medians of ${RUNS} page loads)`,
  );
}

const editorFitView = (page: Page) => page.getByRole("button", { name: "Fit view", exact: true }).click();
const libraryFitView = (page: Page) => page.locator(".react-flow__controls-fitview").click();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

let closeBaseline = () => {};

async function main() {
  const app = urlArg ? { url: urlArg, child: undefined } : await startApp();
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("current-user").waitFor();
    const workDir = mkdtempSync(path.join(tmpdir(), "threadline-bench-flows-"));

    const baseline = await startBaseline();
    closeBaseline = () => baseline.server.close();
    for (const [nodes, edges] of SIZES) {
      if (ONLY !== null && nodes !== ONLY) continue;
      await page.goto(`${app.url}/flows`);
      await page.getByRole("button", { name: "New flow" }).click();
      await page.getByLabel("Flow name").fill(`Bench ${nodes} ${Date.now()}`);
      await page.getByRole("button", { name: "Create flow" }).click();
      await page.waitForURL(/\/edit$/);
      const editUrl = page.url();
      const file = path.join(workDir, `bench-${nodes}.json`);
      writeFileSync(file, JSON.stringify(generatedFlow(nodes, edges)));
      await page.getByLabel("Import a flow file").setInputFiles(file);
      await page.getByRole("button", { name: "Replace draft" }).click();
      await page.getByTestId("save-status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 60_000 });

      // Editor and bare library alternate load by load, so both see the same moment of the machine.
      const editor: Measured[] = [];
      const library: Measured[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        profileNext = PROFILE && run === 0;
        editor.push(await measure(page, editUrl, editorFitView));
        profileNext = PROFILE && run === 0;
        library.push(await measure(page, baseline.url(nodes), libraryFitView));
        profileNext = false;
      }
      report(`${nodes} nodes / ${edges} edges · editor      `, editor);
      report(`${nodes} nodes / ${edges} edges · bare library`, library);
    }
  } finally {
    closeBaseline();
    await browser.close();
    app.child?.kill();
  }
}

await main();
