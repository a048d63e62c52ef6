#!/usr/bin/env node
// Starts the production server on PORT (default 3000), building first only when the build is missing or older
// than the sources, so a restart after a crash serves again within seconds.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const SOURCES = ["app", "components", "lib", "db", "runtime", "public", "auth.ts", "instrumentation.ts", "next.config.mjs",
  "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry))));
if (builtAt < sourcesAt) {
  console.log(builtAt === 0 ? "Building Threadline (first start)…" : "Sources changed since the last build; rebuilding…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) {
    console.error("Threadline cannot start: the build failed (see above).");
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";
console.log(`Starting Threadline at http://localhost:${port} …`);
// Next's own CLI, run by this Node.js: no npx or shell in between, so a signal forwarded below reaches the server
// itself and stopping this process never leaves a server behind.
const nextCli = path.join(root, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [nextCli, "start", "--port", port, "--hostname", host], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
