import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt, tapped, typed } from "../testing/handler-context";
import { handleCategorize } from "./handle-categorize";

const categories = [
  { id: "billing", title: "Billing", examples: ["invoice", "charged twice"] },
  { id: "delivery", title: "Delivery", examples: ["where is my parcel"] },
];
const node = makeNode("categorize", { prompt: "What is it about?", categories, display: "buttons" }, { id: "topic" });

describe("handleCategorize", () => {
  it("shows the categories as buttons when there are three or fewer", () => {
    const result = handleCategorize(node, stateAt(node), handlerCtx(undefined));

    expect(result.kind).toBe("wait");
    expect(result.messages[0]).toMatchObject({ kind: "buttons", buttons: [{ id: "topic:billing" }, { id: "topic:delivery" }] });
  });

  it("uses a list for more than three categories even when buttons were chosen", () => {
    const many = makeNode("categorize", {
      prompt: "Topic?",
      display: "buttons",
      categories: ["a", "b", "c", "d"].map((id) => ({ id, title: id.toUpperCase() })),
    });

    const result = handleCategorize(many, stateAt(many), handlerCtx(undefined));

    expect(result.messages[0]?.kind).toBe("list");
  });

  it("classifies the opening message and skips the question when confident", () => {
    const result = handleCategorize(node, stateAt(node), handlerCtx(undefined, { firstMessage: "I was charged twice!" }));

    expect(result).toMatchObject({ kind: "advance", via: "category:billing" });
    expect(result.state.intent).toBe("billing");
    expect(result.state.fields.intent).toBe("billing");
  });

  it("ignores the opening message when useFirstMessage is off", () => {
    const manual = makeNode("categorize", { prompt: "Topic?", categories, useFirstMessage: false });

    const result = handleCategorize(manual, stateAt(manual), handlerCtx(undefined, { firstMessage: "charged twice" }));

    expect(result.kind).toBe("wait");
  });

  it("takes a tapped category with full confidence", () => {
    const result = handleCategorize(node, stateAt(node, { phase: "asking" }), handlerCtx(tapped("topic:delivery", "Delivery")));

    expect(result).toMatchObject({ kind: "advance", via: "category:delivery" });
    expect(result.state.confidence).toBe(1);
  });

  it("asks one clarifying question with the options when free text is unclear", () => {
    const result = handleCategorize(node, stateAt(node, { phase: "asking" }), handlerCtx(typed("hmm something")));

    expect(result.kind).toBe("wait");
    expect(result.messages[0]).toMatchObject({ kind: "buttons", body: "Sorry, I want to get this right. Which of these is closest?" });
    expect(result.events.map((event) => event.type)).toEqual(["clarification.asked"]);
    expect(result.state.clarificationUsed).toBe(true);
  });

  it("leaves by unclear when the answer to the clarifying question is still unclear", () => {
    const result = handleCategorize(node, stateAt(node, { phase: "clarifying" }), handlerCtx(typed("still no idea")));

    expect(result).toMatchObject({ kind: "advance", via: "unclear" });
    expect(result.state.confidence).toBe(0.2);
  });

  it("keeps the conversation's first intent when a follow-up question saves elsewhere", () => {
    const followUp = makeNode("categorize", { prompt: "All good?", saveTo: "feedback", categories: [{ id: "ok", title: "Yes" }, { id: "bad", title: "No" }] }, { id: "ok" });
    const state = { ...stateAt(followUp), intent: "delivery", confidence: 0.9 };

    const result = handleCategorize(followUp, state, handlerCtx(tapped("ok:bad", "No")));

    expect(result.state).toMatchObject({ intent: "delivery", confidence: 0.9, fields: { feedback: "bad" } });
  });
});
