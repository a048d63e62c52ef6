import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "./fake-graph";
import { fetchMedia, normaliseSha256 } from "./media";
import type { FetchLike } from "./send-message";

const TOKEN = "media-token";

describe("fetchMedia against the fake Graph API", () => {
  let graph: FakeGraph;
  const bytes = Buffer.from("%PDF-1.7 a small receipt");
  const sha256Hex = createHash("sha256").update(bytes).digest("hex");

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0, accessToken: TOKEN });
  });
  afterAll(async () => {
    await graph.close();
  });

  const fetchIt = (mediaId: string, overrides: { maxBytes?: number; accessToken?: string; expectedSha256?: string } = {}) =>
    fetchMedia({ graphUrl: graph.url, accessToken: TOKEN, mediaId, maxBytes: 1024, ...overrides });

  it("downloads the bytes and checks them against Graph's hash", async () => {
    graph.addMedia("m-ok", bytes, "application/pdf");

    const result = await fetchIt("m-ok");

    expect(result).toEqual({
      ok: true,
      value: { bytes, mimeType: "application/pdf", sha256Hex, sizeBytes: bytes.length, sha256Verified: true },
    });
  });

  it("also checks the base64 hash the webhook announced", async () => {
    graph.addMedia("m-webhook", bytes, "application/pdf");
    const base64 = Buffer.from(sha256Hex, "hex").toString("base64");
    const wrong = createHash("sha256").update("other").digest("base64");

    const matching = await fetchIt("m-webhook", { expectedSha256: base64 });
    const mismatching = await fetchIt("m-webhook", { expectedSha256: wrong });

    expect(matching.ok).toBe(true);
    expect(mismatching.ok === false && mismatching.error.code).toBe("checksum_mismatch");
  });

  it("looks the URL up again once when the download URL has expired", async () => {
    graph.addMedia("m-expired", bytes, "application/pdf", { failFirstDownloads: 1 });

    const result = await fetchIt("m-expired");

    expect(result.ok).toBe(true);
  });

  it("gives up after the second expired URL", async () => {
    graph.addMedia("m-gone", bytes, "application/pdf", { failFirstDownloads: 2 });

    const result = await fetchIt("m-gone");

    expect(result.ok === false && result.error).toMatchObject({ code: "not_found", httpStatus: 404 });
  });

  it("refuses media larger than the limit announced by Graph", async () => {
    graph.addMedia("m-big", Buffer.alloc(2048), "image/jpeg");

    const result = await fetchIt("m-big");

    expect(result.ok === false && result.error.code).toBe("too_large");
  });

  it("reports an unknown media id as not found and a bad token as unauthorized", async () => {
    const unknown = await fetchIt("m-missing");
    graph.addMedia("m-auth", bytes, "application/pdf");
    const badToken = await fetchIt("m-auth", { accessToken: "nope" });

    expect(unknown.ok === false && unknown.error.code).toBe("not_found");
    expect(badToken.ok === false && badToken.error).toMatchObject({ code: "unauthorized", httpStatus: 401 });
  });
});

describe("fetchMedia with a stubbed fetch", () => {
  const infoResponse = (extra: Record<string, unknown> = {}) =>
    new Response(JSON.stringify({ url: "https://cdn.example/x", mime_type: "image/png", ...extra }), { status: 200 });

  it("stops reading once the body passes the limit, even without a size announced", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(100));
      },
    });
    const fetchImpl: FetchLike = async (url) => (url.endsWith("/x") ? new Response(endless) : infoResponse());

    const result = await fetchMedia({ graphUrl: "https://graph.example", accessToken: "t", mediaId: "1", maxBytes: 250, fetchImpl });

    expect(result.ok === false && result.error.code).toBe("too_large");
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a body whose Content-Length is over the limit before reading it", async () => {
    const fetchImpl: FetchLike = async (url) =>
      url.endsWith("/x") ? new Response("x".repeat(300), { headers: { "content-length": "300" } }) : infoResponse();

    const result = await fetchMedia({ graphUrl: "https://graph.example", accessToken: "t", mediaId: "1", maxBytes: 250, fetchImpl });

    expect(result.ok === false && result.error.message).toContain("300 bytes");
  });

  it("accepts media whose hash Graph did not give, and says it was not verified", async () => {
    const fetchImpl: FetchLike = async (url) => (url.endsWith("/x") ? new Response("png") : infoResponse({ sha256: "not-a-hash!" }));

    const result = await fetchMedia({ graphUrl: "https://graph.example", accessToken: "t", mediaId: "1", maxBytes: 250, fetchImpl });

    expect(result.ok && result.value.sha256Verified).toBe(false);
  });

  it("reports a lookup answer without a URL as an invalid response", async () => {
    const fetchImpl: FetchLike = async () => new Response(JSON.stringify({ id: "1" }), { status: 200 });

    const result = await fetchMedia({ graphUrl: "https://graph.example", accessToken: "t", mediaId: "1", maxBytes: 250, fetchImpl });

    expect(result.ok === false && result.error.code).toBe("invalid_response");
  });
});

describe("normaliseSha256", () => {
  const hex = createHash("sha256").update("x").digest("hex");

  it("reads hex, base64 and url-safe base64 to the same lowercase hex", () => {
    const base64 = Buffer.from(hex, "hex").toString("base64");
    const urlSafe = Buffer.from(hex, "hex").toString("base64url");

    expect(normaliseSha256(hex.toUpperCase())).toBe(hex);
    expect(normaliseSha256(base64)).toBe(hex);
    expect(normaliseSha256(urlSafe)).toBe(hex);
  });

  it("rejects values that are not a SHA-256", () => {
    expect(normaliseSha256("HcwyCKrTKXHk0a00ms4HWIA76GY0Du6q4Z/iuwevw=")).toBeUndefined();
    expect(normaliseSha256("abc")).toBeUndefined();
  });
});
