import { createHash } from "node:crypto";
import { z } from "zod";
import { err, ok, type Result } from "@/lib/result";
import { graphEndpoint } from "./graph-url";
import type { FetchLike } from "./send-message";
import { looseNumberSchema } from "./webhook-schema";

export type FetchedMedia = {
  bytes: Buffer;
  mimeType: string;
  sha256Hex: string;
  sizeBytes: number;
  /** False when Graph gave no hash or one we could not read (its encoding is undocumented, whatsapp-facts §11). */
  sha256Verified: boolean;
};

export type MediaFetchError = {
  code: "not_found" | "unauthorized" | "too_large" | "checksum_mismatch" | "http_error" | "network" | "invalid_response";
  message: string;
  httpStatus?: number;
};

const mediaInfoSchema = z.looseObject({
  url: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: looseNumberSchema.optional(),
});
type MediaInfo = z.infer<typeof mediaInfoSchema>;

/**
 * Downloads an inbound media object: look the id up for a short-lived URL, then GET that URL with the same
 * token. The URL lives 5 minutes, so a 404 earns one fresh lookup. Size is enforced while streaming, so a
 * lying Content-Length cannot fill memory; the hash is checked against Graph's (hex or base64).
 */
export async function fetchMedia(input: {
  graphUrl: string;
  accessToken: string;
  mediaId: string;
  maxBytes: number;
  /** The webhook's `sha256` (base64), checked as well when given. */
  expectedSha256?: string;
  timeoutMs?: number;
  fetchImpl?: FetchLike;
}): Promise<Result<FetchedMedia, MediaFetchError>> {
  const request = requester(input.accessToken, input.timeoutMs ?? 30_000, input.fetchImpl ?? fetch);

  let info = await lookUp(request, graphEndpoint(input.graphUrl, input.mediaId));
  if (!info.ok) return info;
  let download = await downloadBytes(request, info.value, input.maxBytes);
  if (!download.ok && download.error.code === "not_found") {
    info = await lookUp(request, graphEndpoint(input.graphUrl, input.mediaId));
    if (!info.ok) return info;
    download = await downloadBytes(request, info.value, input.maxBytes);
  }
  if (!download.ok) return download;

  const bytes = download.value.bytes;
  const sha256Hex = createHash("sha256").update(bytes).digest("hex");
  const expected = [info.value.sha256, input.expectedSha256].flatMap((hash) => {
    const hex = hash === undefined ? undefined : normaliseSha256(hash);
    return hex === undefined ? [] : [hex];
  });
  const mismatch = expected.find((hex) => hex !== sha256Hex);
  if (mismatch !== undefined) {
    return err({ code: "checksum_mismatch", message: `sha256 ${sha256Hex} does not match the announced ${mismatch}` });
  }

  return ok({
    bytes,
    mimeType: info.value.mime_type || download.value.contentType || "application/octet-stream",
    sha256Hex,
    sizeBytes: bytes.length,
    sha256Verified: expected.length > 0,
  });
}

/** A SHA-256 given as hex or as (url-safe) base64, as lowercase hex; undefined when it is neither. */
export function normaliseSha256(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return trimmed.toLowerCase();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === 32 ? bytes.toString("hex") : undefined;
}

type Request = (url: string) => Promise<Result<Response, MediaFetchError>>;

function requester(accessToken: string, timeoutMs: number, fetchImpl: FetchLike): Request {
  return async (url) => {
    try {
      return ok(
        await fetchImpl(url, {
          method: "GET",
          headers: { authorization: `Bearer ${accessToken}` },
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
    } catch (error) {
      return err({ code: "network", message: error instanceof Error ? error.message : String(error) });
    }
  };
}

async function lookUp(request: Request, url: string): Promise<Result<MediaInfo, MediaFetchError>> {
  const response = await request(url);
  if (!response.ok) return response;
  const res = response.value;
  const text = await readText(res);
  if (!text.ok) return text;
  if (!res.ok) return err(statusError(res.status, `media lookup failed: ${text.value.slice(0, 300)}`));
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return err({ code: "invalid_response", message: "media lookup did not answer JSON", httpStatus: res.status });
  }
  const info = mediaInfoSchema.safeParse(json);
  if (!info.success) return err({ code: "invalid_response", message: "media lookup answer has no url or mime_type" });
  return ok(info.data);
}

async function downloadBytes(
  request: Request,
  info: MediaInfo,
  maxBytes: number,
): Promise<Result<{ bytes: Buffer; contentType?: string }, MediaFetchError>> {
  const tooLarge = (size: number): MediaFetchError => ({
    code: "too_large",
    message: `media is ${size} bytes, more than the ${maxBytes} allowed`,
  });
  if (info.file_size !== undefined && info.file_size > maxBytes) return err(tooLarge(info.file_size));

  const response = await request(info.url);
  if (!response.ok) return response;
  const res = response.value;
  if (!res.ok) {
    await res.body?.cancel();
    return err(statusError(res.status, "media download failed"));
  }
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return err(tooLarge(declared));
  }

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body !== null) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          return err(tooLarge(size));
        }
        chunks.push(value);
      }
    } catch (error) {
      return err({ code: "network", message: error instanceof Error ? error.message : String(error) });
    }
  }
  const contentType = res.headers.get("content-type") ?? undefined;
  return ok({ bytes: Buffer.concat(chunks), ...(contentType !== undefined && { contentType }) });
}

async function readText(res: Response): Promise<Result<string, MediaFetchError>> {
  try {
    return ok(await res.text());
  } catch (error) {
    return err({ code: "network", message: error instanceof Error ? error.message : String(error) });
  }
}

function statusError(status: number, message: string): MediaFetchError {
  // Graph answers an unknown media id with 400 / code 100 and an expired download URL with 404.
  if (status === 404 || status === 400) return { code: "not_found", message, httpStatus: status };
  if (status === 401 || status === 403) return { code: "unauthorized", message, httpStatus: status };
  return { code: "http_error", message, httpStatus: status };
}
