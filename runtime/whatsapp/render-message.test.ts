import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { charCount, WA_LIMITS } from "@/lib/flow/whatsapp-limits";
import type { CloudApiInteractive, CloudApiMessage } from "./cloud-api-message";
import { OVERFLOW_LIST_BUTTON, renderMessage, renderRecipient } from "./render-message";

const TO = "16505551234";

function interactiveOf(message: CloudApiMessage): CloudApiInteractive {
  if (message.type !== "interactive") throw new Error(`expected interactive, got ${message.type}`);
  return message.interactive;
}

const buttons = (...titles: string[]) => titles.map((title, i) => ({ id: `b${i + 1}`, title }));

describe("renderMessage", () => {
  it("renders text like the documented example, with a preview for a URL", () => {
    const body = renderMessage({ kind: "text", text: "Here is the link: https://example.com/x" }, TO);

    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+16505551234",
      type: "text",
      text: { preview_url: true, body: "Here is the link: https://example.com/x" },
    });
  });

  it("renders text without a URL without preview_url", () => {
    const body = renderMessage({ kind: "text", text: "Hello" }, TO);

    expect(body).toMatchObject({ type: "text", text: { body: "Hello" } });
    expect(body.type === "text" && "preview_url" in body.text).toBe(false);
  });

  it("cuts text over 4096 characters, counting code points", () => {
    const text = "😀".repeat(5000);

    const body = renderMessage({ kind: "text", text }, TO);

    if (body.type !== "text") throw new Error("expected text");
    expect(charCount(body.text.body)).toBe(WA_LIMITS.textBody);
    expect(body.text.body.endsWith("😀…")).toBe(true);
  });

  it("addresses a BSUID customer through recipient instead of to", () => {
    const body = renderMessage({ kind: "text", text: "hi" }, "US.13491208655302741918");

    expect(body).toMatchObject({ recipient: "US.13491208655302741918" });
    expect("to" in body).toBe(false);
  });

  it("quote-replies and carries callback data when asked", () => {
    const body = renderMessage({ kind: "text", text: "hi" }, TO, { replyToMessageId: "wamid.IN", callbackData: "x".repeat(600) });

    expect(body.context).toEqual({ message_id: "wamid.IN" });
    expect(body.biz_opaque_callback_data).toBe("x".repeat(512));
  });

  it("renders reply buttons like the documented example", () => {
    const message: OutgoingMessage = {
      kind: "buttons",
      header: "Workshop",
      body: "Your workshop is at 9am tomorrow.",
      footer: "Example Shop",
      buttons: [
        { id: "change-button", title: "Change" },
        { id: "cancel-button", title: "Cancel" },
      ],
    };

    const body = renderMessage(message, TO);

    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+16505551234",
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Workshop" },
        body: { text: "Your workshop is at 9am tomorrow." },
        footer: { text: "Example Shop" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "change-button", title: "Change" } },
            { type: "reply", reply: { id: "cancel-button", title: "Cancel" } },
          ],
        },
      },
    });
  });

  it("fits header, footer, body and button titles to their limits", () => {
    const message: OutgoingMessage = {
      kind: "buttons",
      header: "h".repeat(100),
      body: "b".repeat(2000),
      footer: "f".repeat(100),
      buttons: [{ id: "  padded-id  ", title: "A title that is far too long" }],
    };

    const interactive = interactiveOf(renderMessage(message, TO));

    if (interactive.type !== "button") throw new Error("expected buttons");
    expect(charCount(interactive.header?.text ?? "")).toBe(WA_LIMITS.headerText);
    expect(charCount(interactive.footer?.text ?? "")).toBe(WA_LIMITS.footerText);
    expect(charCount(interactive.body.text)).toBe(WA_LIMITS.interactiveBody);
    expect(interactive.action.buttons[0]?.reply).toEqual({ id: "padded-id", title: "A title that is far…" });
  });

  it("cuts a button id over 256 characters", () => {
    const message: OutgoingMessage = { kind: "buttons", body: "b", buttons: [{ id: "x".repeat(300), title: "t" }] };

    const interactive = interactiveOf(renderMessage(message, TO));

    expect(interactive.type === "button" && interactive.action.buttons[0]?.reply.id.length).toBe(WA_LIMITS.buttonId);
  });

  it("makes duplicate button titles unique, also after cutting and ignoring case", () => {
    const message: OutgoingMessage = {
      kind: "buttons",
      body: "Pick",
      buttons: buttons("Yes", "yes", "Something very long number one"),
    };
    const cutCollision: OutgoingMessage = {
      kind: "buttons",
      body: "Pick",
      buttons: buttons("Something very long number one", "Something very long number two"),
    };

    const titles = (m: OutgoingMessage) => {
      const interactive = interactiveOf(renderMessage(m, TO));
      return interactive.type === "button" ? interactive.action.buttons.map((b) => b.reply.title) : [];
    };

    expect(titles(message)).toEqual(["Yes", "yes 2", "Something very long…"]);
    expect(titles(cutCollision)).toEqual(["Something very long…", "Something very lon 2"]);
    for (const title of titles(cutCollision)) expect(charCount(title)).toBeLessThanOrEqual(WA_LIMITS.buttonTitle);
  });

  it("makes repeated button and row ids unique", () => {
    const buttonsMessage: OutgoingMessage = { kind: "buttons", body: "b", buttons: [{ id: "x", title: "A" }, { id: " x ", title: "B" }] };
    const listMessage: OutgoingMessage = {
      kind: "list",
      body: "b",
      button: "Open",
      sections: [
        { title: "S1", rows: [{ id: "r", title: "1" }] },
        { title: "S2", rows: [{ id: "r", title: "2" }, { id: "r", title: "3" }] },
      ],
    };

    const buttonsOut = interactiveOf(renderMessage(buttonsMessage, TO));
    const listOut = interactiveOf(renderMessage(listMessage, TO));

    expect(buttonsOut.type === "button" && buttonsOut.action.buttons.map((b) => b.reply.id)).toEqual(["x", "x-2"]);
    expect(listOut.type === "list" && listOut.action.sections.flatMap((s) => s.rows.map((r) => r.id))).toEqual(["r", "r-2", "r-3"]);
  });

  it("renders more than three buttons as a list", () => {
    const message: OutgoingMessage = {
      kind: "buttons",
      header: "Topics",
      body: "What is it about?",
      buttons: buttons("Billing", "Delivery", "Account", "Technical"),
    };

    const interactive = interactiveOf(renderMessage(message, TO));

    expect(interactive).toEqual({
      type: "list",
      header: { type: "text", text: "Topics" },
      body: { text: "What is it about?" },
      action: {
        button: OVERFLOW_LIST_BUTTON,
        sections: [
          {
            title: OVERFLOW_LIST_BUTTON,
            rows: [
              { id: "b1", title: "Billing" },
              { id: "b2", title: "Delivery" },
              { id: "b3", title: "Account" },
              { id: "b4", title: "Technical" },
            ],
          },
        ],
      },
    });
  });

  it("renders a list like the documented example", () => {
    const message: OutgoingMessage = {
      kind: "list",
      header: "Choose Shipping Option",
      body: "Which shipping option do you prefer?",
      footer: "Example Shop",
      button: "Shipping Options",
      sections: [
        {
          title: "I want it ASAP!",
          rows: [
            { id: "priority_express", title: "Priority Mail Express", description: "Next Day to 2 Days" },
            { id: "priority_mail", title: "Priority Mail", description: "1–3 Days" },
          ],
        },
        { title: "I can wait a bit", rows: [{ id: "usps_ground_advantage", title: "USPS Ground Advantage", description: "2–5 Days" }] },
      ],
    };

    const body = renderMessage(message, TO);

    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+16505551234",
      type: "interactive",
      interactive: {
        type: "list",
        header: { type: "text", text: "Choose Shipping Option" },
        body: { text: "Which shipping option do you prefer?" },
        footer: { text: "Example Shop" },
        action: {
          button: "Shipping Options",
          sections: [
            {
              title: "I want it ASAP!",
              rows: [
                { id: "priority_express", title: "Priority Mail Express", description: "Next Day to 2 Days" },
                { id: "priority_mail", title: "Priority Mail", description: "1–3 Days" },
              ],
            },
            { title: "I can wait a bit", rows: [{ id: "usps_ground_advantage", title: "USPS Ground Advantage", description: "2–5 Days" }] },
          ],
        },
      },
    });
  });

  it("keeps only the first 10 rows across all sections and drops sections left empty", () => {
    const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `${prefix}${i}` }));
    const message: OutgoingMessage = {
      kind: "list",
      body: "Pick",
      button: "Open",
      sections: [
        { title: "A", rows: rows("a", 6) },
        { title: "B", rows: rows("b", 6) },
        { title: "C", rows: rows("c", 2) },
      ],
    };

    const interactive = interactiveOf(renderMessage(message, TO));

    if (interactive.type !== "list") throw new Error("expected a list");
    expect(interactive.action.sections.map((s) => [s.title, s.rows.length])).toEqual([
      ["A", 6],
      ["B", 4],
    ]);
  });

  it("fits list label, section titles, row titles, descriptions and ids", () => {
    const message: OutgoingMessage = {
      kind: "list",
      body: "Pick",
      button: "A list button label that is too long",
      sections: [
        {
          title: "A section title longer than 24",
          rows: [{ id: ` ${"r".repeat(250)} `, title: "A row title longer than twenty-four", description: "d".repeat(100) }],
        },
      ],
    };

    const interactive = interactiveOf(renderMessage(message, TO));

    if (interactive.type !== "list") throw new Error("expected a list");
    const [section] = interactive.action.sections;
    const [row] = section?.rows ?? [];
    expect(charCount(interactive.action.button)).toBe(WA_LIMITS.listButtonLabel);
    expect(section?.title).toBe("A section title longer…");
    expect(row?.id).toBe("r".repeat(WA_LIMITS.rowId));
    expect(charCount(row?.title ?? "")).toBe(WA_LIMITS.rowTitle);
    expect(charCount(row?.description ?? "")).toBe(WA_LIMITS.rowDescription);
  });

  it("gives an untitled section the list label as its title", () => {
    const message: OutgoingMessage = { kind: "list", body: "b", button: "Topics", sections: [{ title: " ", rows: [{ id: "x", title: "X" }] }] };

    const interactive = interactiveOf(renderMessage(message, TO));

    expect(interactive.type === "list" && interactive.action.sections[0]?.title).toBe("Topics");
  });

  it("renders media by link and by uploaded id", () => {
    const byLink = renderMessage(
      { kind: "media", mediaType: "document", url: "https://example.com/invoice.pdf", filename: "invoice.pdf", caption: "Your invoice" },
      TO,
    );
    const byId = renderMessage({ kind: "media", mediaType: "image", url: "1479537139650973", caption: "The best succulent ever?" }, TO);

    expect(byLink).toMatchObject({
      type: "document",
      document: { link: "https://example.com/invoice.pdf", filename: "invoice.pdf", caption: "Your invoice" },
    });
    expect(byId).toMatchObject({ type: "image", image: { id: "1479537139650973", caption: "The best succulent ever?" } });
  });

  it("drops captions on audio and file names outside documents, and cuts long captions", () => {
    const audio = renderMessage({ kind: "media", mediaType: "audio", url: "1013859600285441", caption: "no" }, TO);
    const video = renderMessage({ kind: "media", mediaType: "video", url: "https://x.test/v.mp4", filename: "v.mp4", caption: "c".repeat(2000) }, TO);

    expect(audio).toMatchObject({ type: "audio", audio: { id: "1013859600285441" } });
    expect(audio.type === "audio" && "caption" in audio.audio).toBe(false);
    if (video.type !== "video") throw new Error("expected video");
    expect("filename" in video.video).toBe(false);
    expect(charCount(video.video.caption ?? "")).toBe(WA_LIMITS.mediaCaption);
  });

  it("renders a location request", () => {
    const body = renderMessage({ kind: "location_request", body: "Where should we deliver?" }, TO);

    expect(body).toMatchObject({
      type: "interactive",
      interactive: { type: "location_request_message", body: { text: "Where should we deliver?" }, action: { name: "send_location" } },
    });
  });

  it("renders a template with positional body parameters", () => {
    const body = renderMessage({ kind: "template", name: "order_confirmation", language: "en_US", parameters: ["Alex", "SKBUP2-4CPIG9"] }, TO);

    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+16505551234",
      type: "template",
      template: {
        name: "order_confirmation",
        language: { code: "en_US" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Alex" }, { type: "text", text: "SKBUP2-4CPIG9" }] }],
      },
    });
  });

  it("renders a template without parameters without components", () => {
    const body = renderMessage({ kind: "template", name: "hello_world", language: "en_US", parameters: [] }, TO);

    expect(body).toMatchObject({ type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    expect(body.type === "template" && "components" in body.template).toBe(false);
  });
});

describe("renderRecipient", () => {
  it.each([
    ["16505551234", { to: "+16505551234" }],
    ["+16505551234", { to: "+16505551234" }],
    ["+1 (650) 555-1234", { to: "+16505551234" }],
    ["US.13491208655302741918", { recipient: "US.13491208655302741918" }],
  ])("addresses %s", (key, expected) => {
    expect(renderRecipient(key)).toEqual(expected);
  });
});
