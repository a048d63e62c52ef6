import { describe, expect, it } from "vitest";
import { flowNodeSchema, type FlowNode } from "./flow-node";
import { createDefaultNode } from "./node-catalog";
import { fieldReferences, fieldsPossiblySetBy, fieldsSetOnPort, humanizeFieldKey, knownFields, placeholdersIn } from "./field-analysis";
import { flowSettingsSchema } from "./flow-document";

const at = { x: 0, y: 0 };
const node = (input: unknown): FlowNode => flowNodeSchema.parse(input);

describe("fieldsSetOnPort", () => {
  it("sets an ask's field only when it was answered", () => {
    const ask = createDefaultNode("ask", "a", at);

    expect(fieldsSetOnPort(ask, "answered")).toEqual(["email"]);
    expect(fieldsSetOnPort(ask, "gave_up")).toEqual([]);
  });

  it("sets the intent on every category port but not on unclear", () => {
    const categorize = createDefaultNode("categorize", "c", at);

    expect(fieldsSetOnPort(categorize, "category:billing")).toEqual(["intent"]);
    expect(fieldsSetOnPort(categorize, "unclear")).toEqual([]);
  });

  it("sets the reference and the values every record has when a lookup finds one", () => {
    const lookup = node({
      id: "s",
      type: "status_lookup",
      position: at,
      data: {
        prompt: "Order?",
        source: { kind: "static", records: [{ reference: "A", values: { status: "x", carrier: "y" } }, { reference: "B", values: { status: "z" } }] },
        foundText: "{{status}}",
        notFoundText: "no",
        errorText: "err",
      },
    });

    expect(fieldsSetOnPort(lookup, "found")).toEqual(["order_id", "status"]);
    expect(fieldsSetOnPort(lookup, "not_found")).toEqual([]);
    expect(fieldsSetOnPort(lookup, "error")).toEqual(["order_id"]);
    expect(fieldsPossiblySetBy(lookup)).toEqual(["order_id", "status", "carrier"]);
  });

  it("sets verified, steps tried, bookings, documents and set-field values on the right ports", () => {
    expect(fieldsSetOnPort(createDefaultNode("verify_identity", "v", at), "verified")).toEqual(["verified"]);
    expect(fieldsSetOnPort(createDefaultNode("verify_identity", "v", at), "failed")).toEqual([]);
    expect(fieldsSetOnPort(createDefaultNode("troubleshoot", "t", at), "unresolved")).toEqual(["steps_tried"]);
    expect(fieldsSetOnPort(createDefaultNode("schedule", "s", at), "rescheduled")).toEqual(["appointment_id", "appointment_slot"]);
    expect(fieldsSetOnPort(createDefaultNode("schedule", "s", at), "cancelled")).toEqual([]);
    expect(fieldsSetOnPort(createDefaultNode("collect_documents", "d", at), "complete")).toEqual(["receipt"]);
    expect(fieldsSetOnPort(createDefaultNode("set_field", "f", at), "next")).toEqual(["tag"]);
    expect(fieldsSetOnPort(createDefaultNode("start", "st", at), "next")).toEqual(["first_message"]);
  });

  it("leaves optional document items out of what a complete collection guarantees", () => {
    const docs = node({
      id: "d",
      type: "collect_documents",
      position: at,
      data: {
        items: [
          { id: "a", label: "A", instructions: "Send A", kind: "text", saveTo: "a" },
          { id: "b", label: "B", instructions: "Send B", kind: "text", saveTo: "b", required: false },
        ],
      },
    });

    expect(fieldsSetOnPort(docs, "complete")).toEqual(["a"]);
    expect(fieldsSetOnPort(docs, "incomplete")).toEqual(["missing_documents"]);
    expect(fieldsPossiblySetBy(docs)).toEqual(["a", "b", "missing_documents"]);
  });

  it("treats an is-set condition as proof on its own port only", () => {
    const condition = node({
      id: "c",
      type: "condition",
      position: at,
      data: { rules: [{ id: "has", label: "Has", when: { field: "order_id", operator: "is_set" } }] },
    });

    expect(fieldsSetOnPort(condition, "rule:has")).toEqual(["order_id"]);
    expect(fieldsSetOnPort(condition, "else")).toEqual([]);
    expect(fieldsPossiblySetBy(condition)).toEqual([]);
  });
});

describe("field references", () => {
  it("finds placeholders with their input path and splits out malformed ones", () => {
    expect(placeholdersIn("Hi {{ customer_name }}, {{Order Id}} {{x}}")).toEqual({ fields: ["customer_name", "x"], malformed: ["{{Order Id}}"] });
  });

  it("lists the texts and comparisons a node reads", () => {
    const condition = node({
      id: "c",
      type: "condition",
      position: at,
      data: { rules: [{ id: "vip", label: "VIP", when: { field: "tier", operator: "equals", value: "vip" } }] },
    });
    const lookup = createDefaultNode("status_lookup", "s", at);

    expect(fieldReferences(condition)).toEqual([{ field: "tier", at: "rules.0.when.field", kind: "comparison" }]);
    expect(fieldReferences(lookup)).toEqual([
      { field: "order_id", at: "foundText", kind: "template" },
      { field: "status", at: "foundText", kind: "template" },
    ]);
  });

  it("knows built-in, declared and collected fields", () => {
    const settings = flowSettingsSchema.parse({ fields: [{ key: "tier", label: "Tier" }] });

    const known = knownFields(settings, [createDefaultNode("ask", "a", at)]);

    expect([...known]).toEqual(expect.arrayContaining(["first_message", "customer_phone", "customer_name", "intent", "verified", "queue", "eta", "tier", "email"]));
    expect(known.has("order_id")).toBe(false);
  });

  it("turns a key into words", () => {
    expect(humanizeFieldKey("order_id")).toBe("Order id");
  });
});
