// Canvas benchmark (issue 5): opens generated flows of 500 nodes / 600 edges and 1,000 nodes in the editor and
// prints time to first render and frames per second while panning and while dragging a node.
// Run: npx tsx scripts/bench-canvas.ts [--url http://127.0.0.1:3000] (without --url it starts the app itself on
// a free port with a fresh embedded database; set NEXT_DIST_DIR to reuse a build folder).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { FLOW_SCHEMA_VERSION, type FlowDocument, type FlowEdge } from "@/lib/flow/flow-document";
import type { FlowNode } from "@/lib/flow/flow-node";
import { createDefaultNode } from "@/lib/flow/node-catalog";
import { outputPorts } from "@/lib/flow/ports";

const args = process.argv.slice(2);
const urlArg = args.includes("--url") ? args[args.indexOf("--url") + 1] : undefined;
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

/** Frames per second during `gesture`, counting only frames in which the watched element actually moved. */
async function movingFps(page: Page, selector: string, gesture: () => Promise<void>): Promise<number> {
  await page.evaluate(`(${START_COUNTING})(${JSON.stringify(selector)})`);
  await gesture();
  const fps: unknown = await page.evaluate(STOP_COUNTING);
  return typeof fps === "number" ? fps : 0;
}

async function measure(page: Page, editUrl: string) {
  const started = Date.now();
  await page.goto(editUrl);
  await page.locator(".react-flow__node").first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length > 0 && !document.querySelector(".react-flow__node[style*='visibility: hidden']"));
  const firstRender = Date.now() - started;
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  const pan = await movingFps(page, ".react-flow__viewport", async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(cx - i * 6, cy - i * 3);
    await page.mouse.up();
  });
  // A node well inside the pane, away from the minimap and zoom controls.
  const candidates = await page.locator(".react-flow__node").evaluateAll((elements, area) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { id: element.getAttribute("data-id") ?? "", x: box.x + box.width / 2, y: box.y + 12, inside: box.x > area.x + 80 && box.right < area.x + area.width - 300 && box.y > area.y + 80 && box.bottom < area.y + area.height - 250 };
    }),
    pane,
  );
  const picked = candidates.find((candidate) => candidate.inside);
  if (!picked) throw new Error("no node inside the pane to drag");
  const nx = picked.x;
  const ny = picked.y;
  const draggedSelector = `.react-flow__node[data-id="${picked.id}"]`;
  const drag = await movingFps(page, draggedSelector, async () => {
    await page.mouse.move(nx, ny);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(nx + i * 4, ny + i * 2);
    await page.mouse.up();
  });
  // The whole flow at once: every node is on screen, drawn as plain boxes (level of detail).
  await page.getByRole("button", { name: "Fit view", exact: true }).click();
  await page.waitForTimeout(500); // the fit animates for 300 ms
  const overviewPan = await movingFps(page, ".react-flow__viewport", async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(cx - i * 3, cy - i * 2);
    await page.mouse.up();
  });
  return { firstRender, pan, drag, overviewPan };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

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

    for (const [nodes, edges] of [
      [500, 600],
      [1000, 1100],
    ] as const) {
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

      const results = [];
      for (let run = 0; run < RUNS; run += 1) results.push(await measure(page, editUrl));
      console.log(
        `${nodes} nodes / ${edges} edges: first render ${median(results.map((r) => r.firstRender))} ms, ` +
          `pan ${median(results.map((r) => r.pan)).toFixed(1)} fps, drag ${median(results.map((r) => r.drag)).toFixed(1)} fps, ` +
          `pan with everything in view ${median(results.map((r) => r.overviewPan)).toFixed(1)} fps ` +
          `(medians of ${RUNS} page loads)`,
      );
    }
  } finally {
    await browser.close();
    app.child?.kill();
  }
}

await main();
