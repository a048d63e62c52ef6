import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import { isRecord } from "./is-record";
import { seededRandom } from "./seeded-random";

/*
 * A stand-in for the parts of the Graph API Threadline calls: send, media lookup and media download. It answers
 * with Graph's own error shapes (whatsapp-facts §7, §9, §11) so the outbox's classification is exercised for
 * real, and records every accepted send so tests and benchmarks in another process can count replies.
 * node:http only: it runs under tsx without Next.js.
 */

export const fakeGraphFaultsSchema = z.strictObject({
  /** Share of sends answered 429 / 130429, drawn from the seeded RNG. */
  rate429: z.number().min(0).max(1).optional(),
  /** Retry-After header (seconds) on those 429s. */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** Share of sends answered 500 / 131000. */
  rate5xx: z.number().min(0).max(1).optional(),
  /** The next N sends fail with `failNextWith` (default 429), whatever the shares say. */
  failNext: z.number().int().nonnegative().optional(),
  failNextWith: z.enum(["429", "5xx"]).optional(),
  /** Added to every Graph answer (not to control endpoints). */
  latencyMs: z.number().int().nonnegative().optional(),
  /** Recipients whose 24-hour window is closed: non-template sends get 131047. */
  outsideWindow: z.array(z.string()).optional(),
  /** Every Graph call gets 190, as when a token expires. */
  invalidToken: z.boolean().optional(),
  seed: z.number().int().optional(),
});
export type FakeGraphFaults = z.infer<typeof fakeGraphFaultsSchema>;

export type RecordedSend = {
  version: string;
  phoneNumberId: string;
  waMessageId: string;
  /** `to` or `recipient` exactly as sent. */
  to: string;
  type: string;
  body: Record<string, unknown>;
  /** Epoch ms at which the fake accepted it. */
  receivedAt: number;
};

export type RecordedRequest = { method: string; path: string; status: number; errorCode?: number; receivedAt: number };

export type FakeGraph = {
  url: string;
  close(): Promise<void>;
  sent(): RecordedSend[];
  requests(): RecordedRequest[];
  faults(): FakeGraphFaults;
  setFaults(faults: FakeGraphFaults): void;
  /** Forgets what was sent and requested and restarts the fault RNG; keeps faults and media. */
  reset(): void;
  /** Makes a media id downloadable; `failFirstDownloads` answers 404 to that many downloads, like an expired URL. */
  addMedia(id: string, bytes: Buffer, mimeType: string, options?: { failFirstDownloads?: number }): void;
};

type MediaEntry = { bytes: Buffer; mimeType: string; failuresLeft: number };

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const PHONE = /^\+?[\d\s\-().]+$/;

const addMediaSchema = z.strictObject({
  id: z.string().min(1),
  mimeType: z.string().min(1),
  base64: z.string(),
  failFirstDownloads: z.number().int().nonnegative().optional(),
});

/** A Graph-shaped error answer, thrown by handlers and written by the request loop. */
class GraphErrorAnswer extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status} (#${code})`);
  }
}

function graphError(
  status: number,
  code: number,
  message: string,
  details?: string,
  headers?: Record<string, string>,
): GraphErrorAnswer {
  const body = {
    error: {
      message: `(#${code}) ${message}`,
      type: "OAuthException",
      code,
      ...(details !== undefined && { error_data: { messaging_product: "whatsapp", details } }),
      fbtrace_id: "AFakeTrace" + randomBytes(4).toString("hex"),
    },
  };
  return new GraphErrorAnswer(status, code, body, headers);
}

export async function startFakeGraph(options: {
  port: number;
  host?: string;
  faults?: FakeGraphFaults;
  /** When set, only this Bearer token is accepted; otherwise any non-empty one is. */
  accessToken?: string;
}): Promise<FakeGraph> {
  const host = options.host ?? "127.0.0.1";
  let faults: FakeGraphFaults = fakeGraphFaultsSchema.parse(options.faults ?? {});
  let random = seededRandom(faults.seed ?? 1);
  let sends: RecordedSend[] = [];
  let requests: RecordedRequest[] = [];
  let counter = 0;
  const media = new Map<string, MediaEntry>();
  let baseUrl = "";

  const setFaults = (next: FakeGraphFaults) => {
    faults = fakeGraphFaultsSchema.parse(next);
    random = seededRandom(faults.seed ?? 1);
  };
  const addMedia = (id: string, bytes: Buffer, mimeType: string, mediaOptions?: { failFirstDownloads?: number }) => {
    media.set(id, { bytes, mimeType, failuresLeft: mediaOptions?.failFirstDownloads ?? 0 });
  };

  function checkToken(req: IncomingMessage): void {
    const header = req.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    const accepted = token !== "" && !faults.invalidToken && (options.accessToken === undefined || token === options.accessToken);
    if (!accepted) {
      throw graphError(401, 190, "Error validating access token: Session has expired.", "Invalid OAuth access token.");
    }
  }

  function injectedFailure(): GraphErrorAnswer | undefined {
    if ((faults.failNext ?? 0) > 0) {
      faults = { ...faults, failNext: (faults.failNext ?? 0) - 1 };
      return faults.failNextWith === "5xx" ? serverError() : rateLimited();
    }
    const draw = random();
    const rate5xx = faults.rate5xx ?? 0;
    if (draw < rate5xx) return serverError();
    if (draw < rate5xx + (faults.rate429 ?? 0)) return rateLimited();
    return undefined;
  }

  const serverError = () => graphError(500, 131000, "Something went wrong", "Something went wrong. Please try again later.");
  const rateLimited = () =>
    graphError(
      429,
      130429,
      "Rate limit hit",
      "Cloud API message throughput has been reached.",
      faults.retryAfterSeconds === undefined ? {} : { "retry-after": String(faults.retryAfterSeconds) },
    );

  function handleSend(
    req: IncomingMessage,
    version: string,
    phoneNumberId: string,
    body: unknown,
  ): { status: number; body: Record<string, unknown> } {
    checkToken(req);
    if (!isRecord(body) || body.messaging_product !== "whatsapp") {
      throw graphError(400, 100, "Invalid parameter", "messaging_product must be whatsapp");
    }
    if (body.status === "read") return { status: 200, body: { success: true } };

    const failure = injectedFailure();
    if (failure !== undefined) throw failure;

    const to = typeof body.to === "string" ? body.to : typeof body.recipient === "string" ? body.recipient : undefined;
    if (to === undefined || to === "") throw graphError(400, 131008, "Required parameter is missing", "to or recipient is required");
    if (typeof body.type !== "string" || !isRecord(body[body.type])) {
      throw graphError(400, 100, "Invalid parameter", "type and its payload object are required");
    }
    const closed = (faults.outsideWindow ?? []).map(normaliseRecipient);
    if (body.type !== "template" && closed.includes(normaliseRecipient(to))) {
      throw graphError(
        400,
        131047,
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
      );
    }

    counter += 1;
    const waMessageId = `wamid.FAKE${counter}_${randomBytes(6).toString("hex")}`;
    sends.push({ version, phoneNumberId, waMessageId, to, type: body.type, body, receivedAt: Date.now() });
    const contact = PHONE.test(to) ? { input: to, wa_id: to.replace(/\D/g, "") } : { input: to, user_id: to };
    return { status: 200, body: { messaging_product: "whatsapp", contacts: [contact], messages: [{ id: waMessageId }] } };
  }

  function handleMediaLookup(req: IncomingMessage, mediaId: string): { status: number; body: Record<string, unknown> } {
    checkToken(req);
    const entry = media.get(mediaId);
    if (entry === undefined) {
      throw graphError(400, 100, "Unsupported get request", `Object with ID '${mediaId}' does not exist`);
    }
    counter += 1;
    return {
      status: 200,
      body: {
        messaging_product: "whatsapp",
        url: `${baseUrl}/media-download/${encodeURIComponent(mediaId)}?issued=${counter}`,
        mime_type: entry.mimeType,
        sha256: createHash("sha256").update(entry.bytes).digest("hex"),
        file_size: String(entry.bytes.length),
        id: mediaId,
      },
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): Promise<number> {
    const method = req.method ?? "GET";
    const segments = path.split("/").filter(Boolean).map(decodeURIComponent);

    if (segments[0]?.startsWith("__")) return control(method, segments[0], body, res);

    if (faults.latencyMs) await delay(faults.latencyMs);

    if (method === "GET" && segments.length === 2 && segments[0] === "media-download") {
      checkToken(req);
      const entry = media.get(segments[1] ?? "");
      if (entry === undefined) return sendJson(res, 404, { error: { message: "media not found", code: 100 } });
      if (entry.failuresLeft > 0) {
        entry.failuresLeft -= 1;
        return sendJson(res, 404, { error: { message: "URL expired", code: 100 } });
      }
      res.writeHead(200, { "content-type": entry.mimeType, "content-length": entry.bytes.length });
      res.end(entry.bytes);
      return 200;
    }

    const [version, id, action] = segments;
    if (method === "POST" && segments.length === 3 && version !== undefined && id !== undefined && action === "messages") {
      const answer = handleSend(req, version, id, parseJson(body));
      return sendJson(res, answer.status, answer.body);
    }
    if (method === "GET" && segments.length === 2 && id !== undefined) {
      const answer = handleMediaLookup(req, id);
      return sendJson(res, answer.status, answer.body);
    }
    throw graphError(400, 100, "Unsupported request", `${method} ${path} is not implemented by the fake Graph API`);
  }

  function control(method: string, name: string, body: Buffer, res: ServerResponse): number {
    if (method === "GET" && name === "__health") return sendJson(res, 200, { ok: true });
    if (method === "GET" && name === "__sent") return sendJson(res, 200, sends);
    if (method === "GET" && name === "__requests") return sendJson(res, 200, requests);
    if (method === "GET" && name === "__faults") return sendJson(res, 200, faults);
    if (method === "POST" && name === "__reset") {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (method === "POST" && name === "__faults") {
      const parsed = fakeGraphFaultsSchema.safeParse(parseJson(body));
      if (!parsed.success) return sendJson(res, 400, { error: { message: z.prettifyError(parsed.error) } });
      setFaults(parsed.data);
      return sendJson(res, 200, faults);
    }
    if (method === "POST" && name === "__media") {
      const parsed = addMediaSchema.safeParse(parseJson(body));
      if (!parsed.success) return sendJson(res, 400, { error: { message: z.prettifyError(parsed.error) } });
      const { id, mimeType, base64, failFirstDownloads } = parsed.data;
      addMedia(id, Buffer.from(base64, "base64"), mimeType, failFirstDownloads === undefined ? undefined : { failFirstDownloads });
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { error: { message: `unknown control endpoint ${method} /${name}` } });
  }

  function reset(): void {
    sends = [];
    requests = [];
    random = seededRandom(faults.seed ?? 1);
  }

  const server = createServer((req, res) => {
    const receivedAt = Date.now();
    const path = new URL(req.url ?? "/", "http://fake-graph").pathname;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      const log = (status: number, errorCode?: number) => {
        if (!path.startsWith("/__")) {
          requests.push({ method: req.method ?? "GET", path, status, ...(errorCode !== undefined && { errorCode }), receivedAt });
        }
      };
      if (size > MAX_BODY_BYTES) {
        log(sendJson(res, 413, { error: { message: "request body too large", code: 100 } }));
        return;
      }
      route(req, res, path, Buffer.concat(chunks)).then(
        (status) => log(status),
        (error: unknown) => {
          if (error instanceof GraphErrorAnswer) {
            log(sendJson(res, error.status, error.body, error.headers), error.code);
          } else {
            log(sendJson(res, 500, { error: { message: error instanceof Error ? error.message : "fake graph failure" } }));
          }
        },
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Graph API is not listening on TCP");
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    sent: () => [...sends],
    requests: () => [...requests],
    faults: () => ({ ...faults }),
    setFaults,
    reset,
    addMedia,
  };
}

/** Phone numbers compare by digits ("+1 555…" = "1555…"); BSUIDs compare as they are. */
function normaliseRecipient(value: string): string {
  const trimmed = value.trim();
  return PHONE.test(trimmed) ? trimmed.replace(/\D/g, "") : trimmed;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    // Graph answers malformed JSON with a parameter error; the caller turns undefined into exactly that.
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
  return status;
}
