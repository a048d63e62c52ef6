import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt, tapped, typed } from "../testing/handler-context";
import { handleEnd } from "./handle-end";

const plain = makeNode("end", { text: "Bye {{customer_name}}!" }, { id: "bye" });
const rated = makeNode("end", { text: "Bye!", csat: { enabled: true } }, { id: "bye" });

describe("handleEnd", () => {
  it("says goodbye, counts the conversation resolved and ends", () => {
    const result = handleEnd(plain, stateAt(plain, {}, { customer_name: "Ana" }), handlerCtx(undefined));

    expect(result).toMatchObject({ kind: "end", messages: [{ text: "Bye Ana!" }], events: [{ type: "conversation.resolved" }] });
  });

  it("does not count an unresolved ending as resolved", () => {
    const node = makeNode("end", { text: "", resolved: false });

    const result = handleEnd(node, stateAt(node), handlerCtx(undefined));

    expect(result).toMatchObject({ kind: "end", messages: [], events: [] });
  });

  it("asks for a 1–5 rating as a list and records it", () => {
    const asked = handleEnd(rated, stateAt(rated), handlerCtx(undefined));
    const byTap = handleEnd(rated, asked.state, handlerCtx(tapped("bye:csat-4", "4 – Good")));
    const byText = handleEnd(rated, asked.state, handlerCtx(typed("5/5")));
    const byStars = handleEnd(rated, asked.state, handlerCtx(typed("⭐⭐⭐")));

    expect(asked.kind).toBe("wait");
    expect(asked.messages[1]).toMatchObject({ kind: "list", sections: [{ rows: [{ id: "bye:csat-1" }, {}, {}, {}, { id: "bye:csat-5" }] }] });
    expect(byTap).toMatchObject({ kind: "end", events: [{ type: "csat.recorded", data: { score: 4 } }] });
    expect(byText.events[0]?.data?.score).toBe(5);
    expect(byStars.events[0]?.data?.score).toBe(3);
  });

  it("ends without a rating when the answer is not one", () => {
    const result = handleEnd(rated, stateAt(rated, { phase: "csat" }), handlerCtx(typed("I have another question")));

    expect(result).toMatchObject({ kind: "end", events: [] });
  });
});
