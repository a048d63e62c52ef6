#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration tests (Vitest), then end-to-end tests (Playwright) against a
// production build, stopping at the first layer that fails and printing what each layer counted.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const out = path.resolve(".test-output");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const summary = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function finish(code) {
  console.log("\n━━ Summary");
  for (const line of summary) console.log(`  ${line}`);
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(code);
}

const typecheck = run("Typecheck", "npx", ["tsc", "--noEmit"]);
summary.push(`typecheck  ${typecheck.ok ? "ok" : "FAILED"} (${typecheck.seconds} s)`);
if (!typecheck.ok) finish(1);

const lint = run("Lint", "npx", ["eslint", "--max-warnings=0", "."]);
summary.push(`lint       ${lint.ok ? "ok" : "FAILED"} (${lint.seconds} s)`);
if (!lint.ok) finish(1);

const vitestFile = path.join(out, "vitest.json");
const vitest = run("Unit and integration tests (Vitest)", "npx", [
  "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestFile}`,
]);
const v = readJson(vitestFile);
const vPassed = v?.numPassedTests ?? 0;
const vFailed = v?.numFailedTests ?? (vitest.ok ? 0 : 1);
const vSkipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0);
passed += vPassed;
failed += vFailed;
skipped += vSkipped;
const databases = process.env.DATABASE_URL ? "PGlite and PostgreSQL" : "PGlite only (set DATABASE_URL to add PostgreSQL)";
summary.push(`vitest     ${vPassed} passed, ${vFailed} failed, ${vSkipped} skipped in ${v?.numTotalTestSuites ?? "?"} suites; databases: ${databases} (${vitest.seconds} s)`);
if (!vitest.ok) finish(1);

const playwrightFile = path.join(out, "playwright.json");
const e2e = run("End-to-end tests (Playwright)", "npx", ["playwright", "test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile,
});
const p = readJson(playwrightFile)?.stats;
const pPassed = (p?.expected ?? 0) + (p?.flaky ?? 0);
const pFailed = p ? p.unexpected : e2e.ok ? 0 : 1;
passed += pPassed;
failed += pFailed;
skipped += p?.skipped ?? 0;
summary.push(`e2e        ${pPassed} passed, ${pFailed} failed, ${p?.skipped ?? 0} skipped${p?.flaky ? ` (${p.flaky} flaky)` : ""} (${e2e.seconds} s)`);
finish(e2e.ok ? 0 : 1);
