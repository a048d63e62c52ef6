import { describe, expect, it } from "vitest";
import { nodeSchemaByType } from "@/lib/flow/flow-node";
import { createDefaultNode } from "@/lib/flow/node-catalog";
import { choiceSchema } from "@/lib/flow/nodes/ask-node";
import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";
import { sampleValue } from "./schema-form";
import { charLimitFor } from "./field-words";
import { previewMessages } from "./preview-messages";
import { errorsByPath } from "./form-errors";
import { typingKey } from "./typing-key";

describe("inspector logic", () => {
  it("makes a new button with an id unique among its siblings and a title to overwrite", () => {
    const siblings = [{ id: "option_2", title: "A" }, { id: "x", title: "B" }];

    const sample = sampleValue(choiceSchema, "choices", siblings);

    expect(sample).toEqual({ id: "option_3", title: "New option" });
    expect(choiceSchema.safeParse(sample).success).toBe(true);
  });

  it("fills schema defaults when a step's settings are created from nothing", () => {
    const sample = sampleValue(nodeSchemaByType.handoff.shape.data, "data");

    expect(sample).toMatchObject({ queue: "General support", priority: "normal" });
  });

  it("counts button titles against 20 characters and list rows against 24", () => {
    const context = { isInteractive: true, categoriesAsButtons: false };

    expect(charLimitFor(["answer", "choices", "0", "title"], context)).toBe(WA_LIMITS.buttonTitle);
    expect(charLimitFor(["answer", "sections", "0", "rows", "1", "title"], context)).toBe(WA_LIMITS.rowTitle);
    expect(charLimitFor(["prompt"], context)).toBe(WA_LIMITS.interactiveBody);
    expect(charLimitFor(["prompt"], { ...context, isInteractive: false })).toBe(WA_LIMITS.textBody);
  });

  it("previews an ask with buttons as a bubble with its reply buttons", () => {
    const ask = createDefaultNode("ask", "a", { x: 0, y: 0 });
    if (ask.type !== "ask") throw new Error("not an ask");
    const withButtons = { ...ask, data: { ...ask.data, prompt: "Pick one", answer: { kind: "buttons" as const, choices: [{ id: "y", title: "Yes" }] } } };

    expect(previewMessages(withButtons)).toEqual([{ kind: "buttons", body: "Pick one", buttons: [{ id: "y", title: "Yes" }] }]);
  });

  it("previews every step type from its defaults without throwing", () => {
    for (const type of Object.keys(nodeSchemaByType) as (keyof typeof nodeSchemaByType)[]) {
      expect(() => previewMessages(createDefaultNode(type, "n", { x: 0, y: 0 }))).not.toThrow();
    }
  });

  it("puts a validator problem under the field it names", () => {
    const errors = errorsByPath([], 0, [{ severity: "error", code: "too_many_buttons", message: "Too many", nodeId: "a", field: "answer.choices.3.title" }]);

    expect(errors.get("answer.choices.3.title")).toEqual(["Too many"]);
  });
});

describe("typingKey", () => {
  it("merges keystrokes in one text field and keeps structural edits apart", () => {
    const before = { answer: { choices: [{ id: "a", title: "Ye" }] } };
    const typed = { answer: { choices: [{ id: "a", title: "Yes" }] } };
    const added = { answer: { choices: [{ id: "a", title: "Ye" }, { id: "b", title: "No" }] } };

    expect(typingKey("n", before, typed)).toBe("n:answer.choices.0.title");
    expect(typingKey("n", before, added)).toBeNull();
    expect(typingKey("n", { kind: "a", x: "1" }, { kind: "b", x: "1" })).toBe("n:kind");
  });
});
