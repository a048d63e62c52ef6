import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { dataDirectory } from "./data-directory";

/**
 * AUTH_SECRET from the environment, or the one generated into the data directory on the first local start.
 * Also used to encrypt channel secrets, so it must stay stable across restarts.
 */
export function resolveAuthSecret(dataDir = dataDirectory()): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
