import { describe, expect, it } from "vitest";
import { makeAskNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt, tapped, typed } from "../testing/handler-context";
import { handleAsk } from "./handle-ask";

describe("handleAsk", () => {
  it("asks a free-text question as a text message and waits", () => {
    const node = makeAskNode({ prompt: "Email, {{customer_name}}?" });

    const result = handleAsk(node, stateAt(node, {}, { customer_name: "Ana" }), handlerCtx(undefined));

    expect(result.kind).toBe("wait");
    expect(result.messages).toEqual([{ kind: "text", text: "Email, Ana?" }]);
  });

  it("saves a valid answer and leaves by answered", () => {
    const node = makeAskNode({});

    const result = handleAsk(node, stateAt(node), handlerCtx(typed("  ana@example.com ")));

    expect(result).toMatchObject({ kind: "advance", via: "answered" });
    expect(result.state.fields.email).toBe("ana@example.com");
  });

  it("re-asks with the retry text and the check's hint after a wrong answer", () => {
    const node = makeAskNode({ answer: { kind: "free_text", check: { kind: "regex", pattern: "^AB-\\d+$", hint: "Like AB-1." } }, saveTo: "ref" });

    const result = handleAsk(node, stateAt(node), handlerCtx(typed("nope")));

    expect(result.kind).toBe("wait");
    expect(result.messages).toEqual([{ kind: "text", text: "Sorry, I didn't get that. Like AB-1." }]);
    expect(result.events).toEqual([expect.objectContaining({ type: "validation.failed", nodeId: "ask" })]);
    expect(result.state.validationFailures.ask).toBe(1);
  });

  it("leaves by gave_up after the last wrong answer", () => {
    const node = makeAskNode({ maxAttempts: 2 });

    const result = handleAsk(node, stateAt(node, { attempts: 1 }), handlerCtx(typed("not an email")));

    expect(result).toMatchObject({ kind: "advance", via: "gave_up" });
  });

  it("offers buttons and saves the title of the tapped one", () => {
    const node = makeAskNode({ answer: { kind: "buttons", choices: [{ id: "gold", title: "Gold" }, { id: "silver", title: "Silver" }] }, saveTo: "tier" });

    const asked = handleAsk(node, stateAt(node), handlerCtx(undefined));
    const result = handleAsk(node, stateAt(node), handlerCtx(tapped("ask:silver", "Silver")));

    expect(asked.messages[0]).toMatchObject({ kind: "buttons", buttons: [{ id: "ask:gold", title: "Gold" }, { id: "ask:silver", title: "Silver" }] });
    expect(result).toMatchObject({ kind: "advance", via: "answered" });
    expect(result.state.fields.tier).toBe("Silver");
  });

  it("accepts a typed option title and re-sends the buttons after an unknown one", () => {
    const node = makeAskNode({ answer: { kind: "buttons", choices: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] }, saveTo: "ok" });

    const byTitle = handleAsk(node, stateAt(node), handlerCtx(typed("YES")));
    const unknown = handleAsk(node, stateAt(node), handlerCtx(typed("maybe")));

    expect(byTitle.state.fields.ok).toBe("Yes");
    expect(unknown.messages.map((message) => message.kind)).toEqual(["text", "buttons"]);
  });

  it("checks numbers against their range", () => {
    const node = makeAskNode({ answer: { kind: "free_text", check: { kind: "number", min: 1, max: 10 } }, saveTo: "qty" });

    const inRange = handleAsk(node, stateAt(node), handlerCtx(typed("7")));
    const outOfRange = handleAsk(node, stateAt(node), handlerCtx(typed("70")));

    expect(inRange.state.fields.qty).toBe("7");
    expect(outOfRange.messages).toEqual([{ kind: "text", text: "Sorry, I didn't get that. Please type a number from 1 to 10." }]);
  });

  it("saves dates as YYYY-MM-DD", () => {
    const node = makeAskNode({ answer: { kind: "free_text", check: { kind: "date" } }, saveTo: "when" });

    const result = handleAsk(node, stateAt(node), handlerCtx(typed("14/03/2025")));

    expect(result.state.fields.when).toBe("2025-03-14");
  });
});
