import { describe, expect, it } from "vitest";
import { makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt } from "../testing/handler-context";
import { handleEscalationTrigger } from "./handle-escalation-trigger";

describe("handleEscalationTrigger", () => {
  const node = makeNode("escalation_trigger", {
    reason: "Cancellation",
    rules: [{ kind: "keyword", phrases: ["cancel my account"] }, { kind: "high_value", when: { field: "tier", operator: "equals", value: "gold" } }],
  }, { id: "check" });

  it("escalates with its reason when a rule holds on the last customer message", () => {
    const state = { ...stateAt(node), recent: [{ from: "customer" as const, text: "Please CANCEL my account." }] };

    const result = handleEscalationTrigger(node, state, handlerCtx(undefined));

    expect(result).toMatchObject({ via: "escalate", state: { escalation: { reason: "Cancellation", kind: "keyword", triggerId: "check" } } });
  });

  it("escalates on a field rule and continues when nothing holds", () => {
    expect(handleEscalationTrigger(node, stateAt(node, {}, { tier: "GOLD" }), handlerCtx(undefined))).toMatchObject({ via: "escalate" });
    expect(handleEscalationTrigger(node, stateAt(node, {}, { tier: "bronze" }), handlerCtx(undefined))).toMatchObject({ via: "continue" });
  });
});
