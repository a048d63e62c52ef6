import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt } from "../testing/handler-context";
import { handleMessage } from "./handle-message";

describe("handleMessage", () => {
  it("sends the text and then the media", () => {
    const node = makeNode("message", { text: "Here is the guide", media: { mediaType: "document", url: "https://x.example/g.pdf", filename: "g.pdf" } });

    const result = handleMessage(node, stateAt(node), handlerCtx(undefined));

    expect(result.messages).toEqual([
      { kind: "text", text: "Here is the guide" },
      { kind: "media", mediaType: "document", url: "https://x.example/g.pdf", filename: "g.pdf" },
    ]);
  });

  it("cuts a text grown past WhatsApp's limit by a long field value", () => {
    const node = makeNode("message", { text: "You said: {{first_message}}" });

    const result = handleMessage(node, stateAt(node, {}, { first_message: "x".repeat(5000) }), handlerCtx(undefined));

    expect(result.messages[0]?.kind === "text" && [...result.messages[0].text].length).toBe(4096);
  });
});
