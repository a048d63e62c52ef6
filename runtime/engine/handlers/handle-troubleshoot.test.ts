import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt, tapped, typed } from "../testing/handler-context";
import { handleTroubleshoot } from "./handle-troubleshoot";

const node = makeNode(
  "troubleshoot",
  {
    intro: "Let's try a few things.",
    steps: [
      { id: "restart", title: "Restart", instructions: "Turn it off and on." },
      { id: "cable", title: "Cable", instructions: "Check the cable." },
    ],
  },
  { id: "fix" },
);

describe("handleTroubleshoot", () => {
  it("sends the intro and the first step with yes/no buttons", () => {
    const result = handleTroubleshoot(node, stateAt(node), handlerCtx(undefined));

    expect(result.kind).toBe("wait");
    expect(result.messages[0]).toEqual({ kind: "text", text: "Let's try a few things." });
    expect(result.messages[1]).toMatchObject({
      kind: "buttons",
      body: "*Restart*\nTurn it off and on.\n\nDid this fix it?",
      buttons: [{ id: "fix:yes", title: "Yes, fixed" }, { id: "fix:no", title: "No, still broken" }],
    });
  });

  it("moves to the next step after no and records the step tried", () => {
    const result = handleTroubleshoot(node, stateAt(node, { phase: "step", index: 0 }), handlerCtx(tapped("fix:no", "No, still broken")));

    expect(result.kind).toBe("wait");
    expect(result.state.scratch.index).toBe(1);
    expect(result.state.fields.steps_tried).toBe("Restart");
  });

  it("leaves by resolved when a step fixes it", () => {
    const result = handleTroubleshoot(node, stateAt(node, { phase: "step", index: 1 }), handlerCtx(typed("yes")));

    expect(result).toMatchObject({ kind: "advance", via: "resolved" });
  });

  it("leaves by unresolved with every step tried when the list is exhausted", () => {
    const afterFirst = handleTroubleshoot(node, stateAt(node, { phase: "step", index: 0 }), handlerCtx(typed("no")));
    const result = handleTroubleshoot(node, afterFirst.state, handlerCtx(typed("nope")));

    expect(result).toMatchObject({ kind: "advance", via: "unresolved" });
    expect(result.state.stepsTried).toEqual(["Restart", "Cable"]);
    expect(result.state.fields.steps_tried).toBe("Restart; Cable");
  });

  it("re-sends the step when the answer is neither yes nor no", () => {
    const result = handleTroubleshoot(node, stateAt(node, { phase: "step", index: 0 }), handlerCtx(typed("what cable?")));

    expect(result.kind).toBe("wait");
    expect(result.events.map((event) => event.type)).toEqual(["validation.failed"]);
    expect(result.messages.map((message) => message.kind)).toEqual(["text", "buttons"]);
  });
});
