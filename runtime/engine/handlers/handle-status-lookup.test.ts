import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { answered, handlerCtx, stateAt, typed } from "../testing/handler-context";
import { handleStatusLookup } from "./handle-status-lookup";

const texts = {
  prompt: "Your order number?",
  foundText: "Order {{order_id}} is {{status}}.",
  notFoundText: "No order {{order_id}}.",
  errorText: "Lookup is down.",
};
const staticNode = makeNode(
  "status_lookup",
  { ...texts, referencePattern: "^[A-Z]{2}-\\d{5}$", referenceHint: "Like AB-12345.", source: { kind: "static", records: [] }, maxAttempts: 2 },
  { id: "lookup" },
);
const httpNode = makeNode(
  "status_lookup",
  { ...texts, source: { kind: "http", urlTemplate: "https://shop.example/orders/{{reference}}?p={{customer_phone}}", mapping: [{ field: "status", path: "order.status" }] } },
  { id: "lookup" },
);

describe("handleStatusLookup", () => {
  it("asks for the reference", () => {
    const result = handleStatusLookup(staticNode, stateAt(staticNode), handlerCtx(undefined));

    expect(result).toMatchObject({ kind: "wait", messages: [{ kind: "text", text: "Your order number?" }] });
  });

  it("finds a reference inside free text, even in lower case, and asks for the lookup", () => {
    const result = handleStatusLookup(staticNode, stateAt(staticNode), handlerCtx(typed("hi, it's ab-12345 thanks")));

    expect(result.kind).toBe("await_effect");
    expect(result.state.fields.order_id).toBe("AB-12345");
    expect(result).toMatchObject({ effect: { kind: "lookup", reference: "AB-12345", source: { kind: "static" } } });
  });

  it("puts the URL-encoded reference into an http lookup's address", () => {
    const result = handleStatusLookup(httpNode, stateAt(httpNode, {}, { customer_phone: "+44 77" }), handlerCtx(typed("A/B 1")));

    expect(result).toMatchObject({
      effect: { kind: "lookup", source: { kind: "http", url: "https://shop.example/orders/A%2FB%201?p=%2B44%2077", timeoutMs: 3000 } },
    });
  });

  it("shows the format hint after a reference that does not fit, then gives up as not found", () => {
    const first = handleStatusLookup(staticNode, stateAt(staticNode), handlerCtx(typed("12345")));
    const second = handleStatusLookup(staticNode, first.state, handlerCtx(typed("no idea")));

    expect(first).toMatchObject({ kind: "wait", messages: [{ kind: "text", text: "Like AB-12345." }] });
    expect(second).toMatchObject({ kind: "advance", via: "not_found" });
    expect(second.events.map((event) => event.type)).toEqual(["validation.failed"]);
  });

  it("copies the record into fields and answers from it when found", () => {
    const waiting = stateAt(staticNode, { phase: "looking_up" }, { order_id: "AB-12345" });

    const result = handleStatusLookup(staticNode, waiting, handlerCtx(answered({ kind: "lookup", outcome: "found", values: { status: "shipped", "Bad Key": "x" } })));

    expect(result).toMatchObject({ kind: "advance", via: "found", messages: [{ kind: "text", text: "Order AB-12345 is shipped." }] });
    expect(result.state.fields).not.toHaveProperty("Bad Key");
  });

  it("leaves by not_found and by error with their texts", () => {
    const waiting = stateAt(staticNode, { phase: "looking_up" }, { order_id: "AB-1" });

    const missing = handleStatusLookup(staticNode, waiting, handlerCtx(answered({ kind: "lookup", outcome: "not_found", values: {} })));
    const failed = handleStatusLookup(staticNode, waiting, handlerCtx(answered({ kind: "failure", reason: "timeout" })));

    expect(missing).toMatchObject({ via: "not_found", messages: [{ text: "No order AB-1." }] });
    expect(failed).toMatchObject({ via: "error", messages: [{ text: "Lookup is down." }] });
  });
});
