import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDirectory } from "@/lib/server/data-directory";
import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { getSendingChannel } from "@/db/queries/channels";
import { fetchMedia } from "@/runtime/whatsapp/media";

/** Inbound media larger than this is not downloaded (WhatsApp allows 100 MB; documents we collect are far smaller). */
const MAX_MEDIA_BYTES = Number(process.env.MEDIA_MAX_BYTES ?? 25 * 1024 * 1024);

type MediaInput = Extract<CustomerInput, { kind: "media" }>;

/** Stores bytes under the data directory, named by their sha256 so a redelivery writes the same file. */
export async function storeMediaBytes(bytes: Buffer, sha256Hex: string): Promise<string> {
  const folder = path.join(dataDirectory(), "media", sha256Hex.slice(0, 2));
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, sha256Hex);
  await writeFile(file, bytes);
  return path.relative(dataDirectory(), file);
}

/**
 * Downloads a customer's photo or document from the Graph API so the document-collection step can check its real
 * size, type and hash, and keeps it under the data directory. When the download fails the message still goes to
 * the flow, with what the webhook said about it.
 */
export async function withDownloadedMedia(input: MediaInput, channelId: string): Promise<MediaInput> {
  const channel = await getSendingChannel(channelId);
  if (!channel || channel.kind !== "whatsapp") return input;
  const fetched = await fetchMedia({
    graphUrl: channel.graphUrl,
    accessToken: channel.accessToken,
    mediaId: input.mediaId,
    maxBytes: MAX_MEDIA_BYTES,
    expectedSha256: input.sha256,
    timeoutMs: 10_000,
  });
  if (!fetched.ok) {
    console.warn(`media ${input.mediaId} not downloaded: ${fetched.error.code} ${fetched.error.message}`);
    return fetched.error.code === "too_large" ? { ...input, sizeBytes: MAX_MEDIA_BYTES + 1 } : input;
  }
  const storedAs = await storeMediaBytes(fetched.value.bytes, fetched.value.sha256Hex);
  return { ...input, mimeType: fetched.value.mimeType, sizeBytes: fetched.value.sizeBytes, sha256: fetched.value.sha256Hex, storedAs };
}
