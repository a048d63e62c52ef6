import { err, ok, type Result } from "@/lib/result";
import type { CloudApiMessage } from "./cloud-api-message";
import { classifySendFailure, type SendClassification } from "./graph-errors";
import { graphEndpoint } from "./graph-url";
import { isRecord } from "./is-record";

export type SendFailure = SendClassification & {
  httpStatus?: number;
  /** Graph `error.code`, when the response carried one. */
  code?: number;
  message: string;
  retryAfterHeader?: string;
};

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * POSTs one rendered message to Graph. Never throws: every outcome, including timeouts, comes back classified
 * so the outbox can retry, fail, stop the channel or switch to a template. A timeout does not prove the message
 * was not accepted; Graph documents no idempotency key, so the outbox must cap such retries.
 */
export async function sendMessage(input: {
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
  body: CloudApiMessage | Record<string, unknown>;
  timeoutMs: number;
  fetchImpl?: FetchLike;
}): Promise<Result<{ waMessageId: string }, SendFailure>> {
  const fetchImpl = input.fetchImpl ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(graphEndpoint(input.graphUrl, input.phoneNumberId, "messages"), {
      method: "POST",
      headers: { authorization: `Bearer ${input.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(input.body),
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const network = timedOut ? "timeout" : "error";
    const message = timedOut ? `no answer within ${input.timeoutMs} ms` : describeError(error);
    return err({ ...classifySendFailure({ network }), message });
  }

  const json = parseJson(text);
  const retryAfterHeader = response.headers.get("retry-after") ?? undefined;

  if (response.ok) {
    const waMessageId = readMessageId(json);
    if (waMessageId !== undefined) return ok({ waMessageId });
    // Accepted without an id: retrying could send twice, and without the id no status can ever match.
    return err({ kind: "fail", reason: "no message id in response", httpStatus: response.status, message: text.slice(0, 500) });
  }

  const graphError = readGraphError(json);
  const classification = classifySendFailure({
    httpStatus: response.status,
    ...(graphError?.code !== undefined && { errorCode: graphError.code }),
    ...(retryAfterHeader !== undefined && { retryAfterHeader }),
  });
  return err({
    ...classification,
    httpStatus: response.status,
    ...(graphError?.code !== undefined && { code: graphError.code }),
    message: graphError?.message ?? (text.slice(0, 500) || `HTTP ${response.status}`),
    ...(retryAfterHeader !== undefined && { retryAfterHeader }),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page is not JSON; the status code still classifies it.
    return undefined;
  }
}

function readMessageId(json: unknown): string | undefined {
  if (!isRecord(json) || !Array.isArray(json.messages)) return undefined;
  const first: unknown = (json.messages as unknown[])[0];
  return isRecord(first) && typeof first.id === "string" && first.id !== "" ? first.id : undefined;
}

function readGraphError(json: unknown): { code?: number; message?: string } | undefined {
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  const { code, message, error_data: data } = json.error;
  const details = isRecord(data) && typeof data.details === "string" ? data.details : undefined;
  const numericCode = typeof code === "number" ? code : typeof code === "string" && /^\d+$/.test(code) ? Number(code) : undefined;
  const text = [typeof message === "string" ? message : undefined, details].filter(Boolean).join(": ");
  return {
    ...(numericCode !== undefined && { code: numericCode }),
    ...(text !== "" && { message: text }),
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return error.message + cause;
}
