import { describe, expect, it } from "vitest";
// The parser is checked against the runtime's real renderer, so the two cannot drift apart unnoticed.
// eslint-disable-next-line no-restricted-imports
import { renderMessage } from "@/runtime/whatsapp/render-message";
import { readCloudMessage } from "./cloud-message";

describe("readCloudMessage", () => {
  it("reads reply buttons from the rendered Cloud API JSON", () => {
    const payload = renderMessage({ kind: "buttons", body: "Fixed?", footer: "Tap one", buttons: [{ id: "n:yes", title: "Yes" }, { id: "n:no", title: "No" }] }, "15550001111");

    expect(readCloudMessage(payload)).toEqual({
      kind: "buttons",
      body: "Fixed?",
      footer: "Tap one",
      buttons: [{ id: "n:yes", title: "Yes" }, { id: "n:no", title: "No" }],
    });
  });

  it("reads a list with its sections and rows, as cut to WhatsApp's limits", () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({ id: `r${index}`, title: `Row ${index}` }));
    const payload = renderMessage({ kind: "list", body: "Pick", button: "Choose", sections: [{ title: "Topics", rows }] }, "15550001111");

    const view = readCloudMessage(payload);

    expect(view).toMatchObject({ kind: "list", button: "Choose", sections: [{ title: "Topics" }] });
    expect(view.kind === "list" ? view.sections[0]?.rows.length : 0).toBe(10);
  });

  it("reads text, media, location requests and templates", () => {
    expect(readCloudMessage(renderMessage({ kind: "text", text: "Hi" }, "1555"))).toEqual({ kind: "text", body: "Hi" });
    expect(readCloudMessage(renderMessage({ kind: "media", mediaType: "document", url: "https://x.test/a.pdf", filename: "a.pdf" }, "1555"))).toEqual({
      kind: "media",
      mediaType: "document",
      link: "https://x.test/a.pdf",
      filename: "a.pdf",
    });
    expect(readCloudMessage(renderMessage({ kind: "location_request", body: "Where are you?" }, "1555"))).toEqual({ kind: "location_request", body: "Where are you?" });
    expect(readCloudMessage(renderMessage({ kind: "template", name: "hello", language: "en", parameters: [] }, "1555"))).toEqual({ kind: "template", name: "hello" });
  });

  it("shows anything it cannot read as unknown instead of failing", () => {
    expect(readCloudMessage({ type: "sticker" })).toEqual({ kind: "unknown", type: "sticker" });
    expect(readCloudMessage(null)).toEqual({ kind: "unknown", type: "unknown" });
  });
});
