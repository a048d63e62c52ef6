import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt } from "../testing/handler-context";
import { handleSetField } from "./handle-set-field";

describe("handleSetField", () => {
  it("sets a field from a template of other fields", () => {
    const node = makeNode("set_field", { field: "greeting", value: "{{customer_name}} ({{tier}})" });

    const result = handleSetField(node, stateAt(node, {}, { customer_name: "Ana", tier: "gold" }), handlerCtx(undefined));

    expect(result.state.fields.greeting).toBe("Ana (gold)");
  });
});
