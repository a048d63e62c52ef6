import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt } from "../testing/handler-context";
import { handleStart } from "./handle-start";

describe("handleStart", () => {
  it("greets with fields filled in, or says nothing when the greeting is empty", () => {
    const greeting = makeNode("start", { greeting: "Hi {{customer_name}}" });
    const silent = makeNode("start", {});

    expect(handleStart(greeting, stateAt(greeting, {}, { customer_name: "Ana" }), handlerCtx(undefined))).toMatchObject({
      kind: "advance",
      via: "next",
      messages: [{ text: "Hi Ana" }],
    });
    expect(handleStart(silent, stateAt(silent), handlerCtx(undefined)).messages).toEqual([]);
  });
});
