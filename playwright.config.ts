import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromium } from "@playwright/test";

// The config is evaluated in the runner and again in each worker; values chosen here are kept in process.env so
// every worker agrees on the same server.
const freePort = () =>
  execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
process.env.E2E_PORT ??= freePort();
process.env.E2E_GRAPH_PORT ??= freePort();
/** The fake Graph API the app sends to during e2e: specs read GET /__sent and POST /__reset, /__faults on it. */
process.env.E2E_GRAPH_URL ??= `http://127.0.0.1:${process.env.E2E_GRAPH_PORT}`;
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "threadline-e2e-"));
process.env.E2E_ADMIN_PASSWORD ??= "e2e-admin-password";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const bundledChromium = chromium.executablePath();
const useDebianChromium = existsSync(DEBIAN_CHROMIUM);
if (!useDebianChromium && !existsSync(bundledChromium)) {
  throw new Error(
    "No Chromium for the end-to-end tests. Install Debian's (sudo apt-get install -y chromium) or Playwright's own (npx playwright install chromium).",
  );
}

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: useDebianChromium
      ? {
          executablePath: DEBIAN_CHROMIUM,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  webServer: [
    {
      command: `npx tsx scripts/fake-graph.ts --port ${process.env.E2E_GRAPH_PORT}`,
      url: `${process.env.E2E_GRAPH_URL}/__sent`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: "node scripts/start.mjs",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: process.env.E2E_PORT,
        HOST: "127.0.0.1",
        DATA_DIR: process.env.E2E_DATA_DIR,
        ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
        // The e2e run uses the embedded database in a fresh directory, whatever DATABASE_URL the shell has.
        DATABASE_URL: "",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
        AUTH_SECRET: "",
        WHATSAPP_GRAPH_URL: process.env.E2E_GRAPH_URL,
      },
    },
  ],
});
