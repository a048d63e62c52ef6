/*
 * What to do after a failed send, from shared/whatsapp-facts.md §9. Meta: "build your app's error handling
 * around error codes instead of ... HTTP response status codes", so the code wins whenever there is one.
 */

export type SendClassification =
  | { kind: "retry"; reason: string }
  | { kind: "fail"; reason: string }
  | { kind: "unauthorized" }
  | { kind: "outside_window" };

export type SendOutcome = {
  httpStatus?: number;
  errorCode?: number;
  retryAfterHeader?: string | null;
  network?: "timeout" | "error";
};

export const OUTSIDE_WINDOW_CODE = 131047;
export const TOKEN_INVALID_CODE = 190;
export const PAIR_RATE_LIMIT_CODE = 131056;
export const MAINTENANCE_CODE = 131057;

const RETRYABLE: ReadonlyMap<number, string> = new Map([
  [130429, "throughput limit reached"],
  [PAIR_RATE_LIMIT_CODE, "too many messages to this customer"],
  [131000, "unknown Graph error"],
  [131016, "service temporarily unavailable"],
  [2, "service temporarily unavailable"],
  [1, "unknown Graph API error"],
  [133004, "server temporarily unavailable"],
  [MAINTENANCE_CODE, "account in maintenance"],
  [4, "app API rate limit reached"],
  [80007, "WhatsApp Business Account rate limit reached"],
]);

const PERMANENT: ReadonlyMap<number, string> = new Map([
  [100, "invalid parameter"],
  [131008, "required parameter missing"],
  [131009, "parameter value invalid"],
  [131021, "sender and recipient are the same number"],
  [131026, "message undeliverable"],
  [131031, "business account locked"],
  [131042, "payment problem on the business account"],
  [131048, "spam rate limit hit"],
  [131049, "not delivered to maintain healthy ecosystem engagement"],
  [131050, "customer stopped marketing messages"],
  [131051, "unsupported message type"],
  [131053, "media upload failed"],
  [131062, "this message cannot be sent to a business-scoped user id"],
  [368, "business account restricted for policy violation"],
]);

function isPermissionCode(code: number): boolean {
  return code === 0 || code === 3 || code === 10 || code === 131005 || (code >= 200 && code <= 299);
}

function isTemplateCode(code: number): boolean {
  return code >= 132000 && code <= 132016;
}

/** Decides between retrying, failing the message, stopping the channel, or switching to a template. */
export function classifySendFailure(outcome: SendOutcome): SendClassification {
  const { httpStatus, errorCode, network } = outcome;

  if (errorCode !== undefined) {
    if (errorCode === OUTSIDE_WINDOW_CODE) return { kind: "outside_window" };
    if (errorCode === TOKEN_INVALID_CODE) return { kind: "unauthorized" };
    const retryable = RETRYABLE.get(errorCode);
    if (retryable !== undefined) return { kind: "retry", reason: `${retryable} (${errorCode})` };
    if (isPermissionCode(errorCode)) return { kind: "fail", reason: "permission" };
    if (isTemplateCode(errorCode)) return { kind: "fail", reason: `template problem (${errorCode})` };
    const permanent = PERMANENT.get(errorCode);
    if (permanent !== undefined) return { kind: "fail", reason: `${permanent} (${errorCode})` };
    // An unknown code on a throttling or server status is still worth another try.
    if (httpStatus !== undefined && isRetryableStatus(httpStatus)) {
      return { kind: "retry", reason: `Graph error ${errorCode} (HTTP ${httpStatus})` };
    }
    return { kind: "fail", reason: `Graph error ${errorCode}` };
  }

  if (network === "timeout") return { kind: "retry", reason: "timeout" };
  if (network === "error") return { kind: "retry", reason: "network error" };
  if (httpStatus === undefined) return { kind: "retry", reason: "no response" };
  if (isRetryableStatus(httpStatus)) return { kind: "retry", reason: `HTTP ${httpStatus}` };
  if (httpStatus === 401) return { kind: "unauthorized" };
  if (httpStatus === 403) return { kind: "fail", reason: "permission" };
  return { kind: "fail", reason: `HTTP ${httpStatus}` };
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

const BASE_DELAY_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
const MAX_PAIR_RATE_DELAY_MS = 1_024_000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1_000;
const MAINTENANCE_DELAY_MS = 60_000;

/**
 * How long to wait before the next attempt.
 * - `attempt`: how many attempts have failed so far (1 after the first failure).
 * - `random`: returns [0, 1); injected so tests and the outbox decide the randomness.
 * - `now`: epoch ms, needed only to read a Retry-After given as an HTTP date.
 *
 * Exponential backoff with full jitter (base 1 s, cap 60 s) so many rows throttled at once spread out; a
 * Retry-After from the server wins; 131056 (pair rate) waits 4^(attempt-1) s, as Meta prescribes (1, 4, 16, 64 s…).
 */
export function nextRetryDelayMs(input: {
  attempt: number;
  random: () => number;
  retryAfterHeader?: string | null;
  errorCode?: number;
  now?: number;
}): number {
  const attempt = Math.max(1, Math.floor(input.attempt));
  const jitter = clampUnit(input.random());

  const retryAfterMs = parseRetryAfterMs(input.retryAfterHeader, input.now);
  if (retryAfterMs !== undefined) {
    // A little extra so rows throttled together do not all come back in the same millisecond.
    return Math.round(retryAfterMs + jitter * Math.min(1_000, retryAfterMs * 0.1));
  }

  if (input.errorCode === PAIR_RATE_LIMIT_CODE) {
    return Math.min(MAX_PAIR_RATE_DELAY_MS, BASE_DELAY_MS * 4 ** (attempt - 1));
  }

  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const backoff = Math.round(jitter * ceiling);
  // Throughput upgrades take the number offline for up to a minute (whatsapp-facts §12).
  return input.errorCode === MAINTENANCE_CODE ? Math.max(MAINTENANCE_DELAY_MS, backoff) : backoff;
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, now?: number): number | undefined {
  if (header === undefined || header === null) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(value) * 1_000));
  if (now === undefined) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value >= 1 ? 1 : value;
}
