import { describe, expect, it } from "vitest";
import { makeFlow, makeNode } from "@/lib/flow/test-builders";
import { mapLookupResponse, resolveStaticLookup } from "./lookup-resolution";

const lookup = makeNode(
  "status_lookup",
  { prompt: "Ref?", foundText: "F", notFoundText: "N", errorText: "E", source: { kind: "static", records: [{ reference: "AB-1", values: { status: "shipped" } }] } },
  { id: "look" },
);
const flow = makeFlow([lookup], []);
const effect = (reference: string, nodeId = "look") => ({ kind: "lookup" as const, id: "e1", nodeId, reference, source: { kind: "static" as const } });

describe("resolveStaticLookup", () => {
  it("finds a record regardless of case and spaces", () => {
    expect(resolveStaticLookup(flow, effect(" ab-1 "))).toEqual({ kind: "lookup", outcome: "found", values: { status: "shipped" } });
  });

  it("answers not found for an unknown reference and an error for an unknown node", () => {
    expect(resolveStaticLookup(flow, effect("ZZ-9"))).toMatchObject({ kind: "lookup", outcome: "not_found" });
    expect(resolveStaticLookup(flow, effect("AB-1", "nope"))).toMatchObject({ kind: "failure", reason: "error" });
  });
});

describe("mapLookupResponse", () => {
  it("copies scalar values found at dotted paths, array indexes included", () => {
    const json = { order: { status: "shipped", items: [{ qty: 2 }], paid: true, meta: { a: 1 } } };

    const values = mapLookupResponse(json, [
      { field: "status", path: "order.status" },
      { field: "qty", path: "order.items.0.qty" },
      { field: "paid", path: "order.paid" },
      { field: "meta", path: "order.meta" },
      { field: "missing", path: "order.nope.deeper" },
    ]);

    expect(values).toEqual({ status: "shipped", qty: "2", paid: "true" });
  });
});
