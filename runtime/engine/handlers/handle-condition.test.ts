import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt } from "../testing/handler-context";
import { handleCondition } from "./handle-condition";

describe("handleCondition", () => {
  const node = makeNode("condition", {
    rules: [
      { id: "vip", label: "VIP", when: { field: "spend", operator: "greater_than", value: "1000" } },
      { id: "gold", label: "Gold", when: { field: "tier", operator: "one_of", value: "gold, platinum" } },
    ],
  });

  it("takes the first rule that holds", () => {
    expect(handleCondition(node, stateAt(node, {}, { spend: "1,500", tier: "gold" }), handlerCtx(undefined))).toMatchObject({ via: "rule:vip" });
    expect(handleCondition(node, stateAt(node, {}, { spend: "10", tier: "Platinum" }), handlerCtx(undefined))).toMatchObject({ via: "rule:gold" });
  });

  it("takes else when no rule holds", () => {
    expect(handleCondition(node, stateAt(node), handlerCtx(undefined))).toMatchObject({ via: "else" });
  });
});
