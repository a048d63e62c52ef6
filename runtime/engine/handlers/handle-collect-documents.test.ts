import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { handlerCtx, sent, stateAt, tapped, typed } from "../testing/handler-context";
import { acceptsType, handleCollectDocuments } from "./handle-collect-documents";

const node = makeNode(
  "collect_documents",
  {
    maxRetries: 1,
    items: [
      { id: "receipt", label: "Receipt", instructions: "Send the receipt.", kind: "media", acceptedTypes: ["image/*", "application/pdf"], maxSizeMb: 1, saveTo: "receipt" },
      { id: "note", label: "Note", instructions: "Any note?", kind: "text", required: false, saveTo: "note" },
    ],
  },
  { id: "docs" },
);
const photo = (overrides: Partial<Extract<CustomerInput, { kind: "media" }>> = {}): CustomerInput => ({
  kind: "media",
  mediaType: "image",
  mimeType: "image/jpeg",
  mediaId: "media-1",
  sizeBytes: 1000,
  ...overrides,
});

describe("handleCollectDocuments", () => {
  it("asks for the first item", () => {
    const result = handleCollectDocuments(node, stateAt(node), handlerCtx(undefined));

    expect(result).toMatchObject({ kind: "wait", messages: [{ kind: "text", text: "Send the receipt." }] });
  });

  it("accepts a fitting file, saves its media id and offers skip on the optional item", () => {
    const started = handleCollectDocuments(node, stateAt(node), handlerCtx(undefined)).state;

    const result = handleCollectDocuments(node, started, handlerCtx(sent(photo())));

    expect(result.state.fields.receipt).toBe("media-1");
    expect(result.messages[0]).toMatchObject({ kind: "buttons", body: "Any note?", buttons: [{ id: "docs:skip", title: "Skip" }] });
  });

  it("refuses a wrong type or an oversized file with a reason and asks again", () => {
    const started = handleCollectDocuments(node, stateAt(node), handlerCtx(undefined)).state;

    const wrongType = handleCollectDocuments(node, started, handlerCtx(sent(photo({ mediaType: "video", mimeType: "video/mp4" }))));
    const tooBig = handleCollectDocuments(node, started, handlerCtx(sent(photo({ sizeBytes: 5_000_000 }))));

    expect(wrongType.messages[0]).toEqual({ kind: "text", text: "That file type isn't accepted for this item." });
    expect(tooBig.messages[0]).toEqual({ kind: "text", text: "That file is too large for this item." });
    expect(tooBig.events.map((event) => event.type)).toEqual(["validation.failed"]);
  });

  it("completes after a skipped optional item", () => {
    const started = handleCollectDocuments(node, stateAt(node), handlerCtx(undefined)).state;
    const afterReceipt = handleCollectDocuments(node, started, handlerCtx(sent(photo()))).state;

    const result = handleCollectDocuments(node, afterReceipt, handlerCtx(tapped("docs:skip", "Skip")));

    expect(result).toMatchObject({ kind: "advance", via: "complete", messages: [{ text: "Thanks, we have everything we need." }] });
  });

  it("moves on after the retries and leaves incomplete with the missing item named", () => {
    const started = handleCollectDocuments(node, stateAt(node), handlerCtx(undefined)).state;
    const first = handleCollectDocuments(node, started, handlerCtx(typed("I don't have it")));
    const second = handleCollectDocuments(node, first.state, handlerCtx(typed("really")));
    const result = handleCollectDocuments(node, second.state, handlerCtx(typed("my note")));

    expect(second.state.scratch.index).toBe(1);
    expect(result).toMatchObject({ kind: "advance", via: "incomplete" });
    expect(result.state.fields).toMatchObject({ note: "my note", missing_documents: "Receipt" });
  });

  it("reads accepted types as wildcards, exact types or bare kinds", () => {
    expect(acceptsType(["image/*"], "image", "image/png")).toBe(true);
    expect(acceptsType(["application/pdf"], "document", "application/pdf")).toBe(true);
    expect(acceptsType(["pdf"], "document", "application/pdf")).toBe(true);
    expect(acceptsType(["image/*"], "document", "application/pdf")).toBe(false);
    expect(acceptsType([], "audio", "audio/ogg")).toBe(true);
  });
});
