import { describe, expect, it } from "vitest";
import { makeFlow, makeNode } from "@/lib/flow/test-builders";
import { handlerCtx, stateAt } from "../testing/handler-context";
import { handleHandoff } from "./handle-handoff";

const hours = { timeZone: "Europe/London", days: [1, 2, 3, 4, 5], openHour: 9, closeHour: 17, closedText: "We're closed; {{queue}} answers from 9:00." };
const node = makeNode("handoff", { queue: "Billing", eta: "5 minutes", priority: "high", hours }, { id: "agent" });
const flow = makeFlow([node], [], {
  fields: [{ key: "email", label: "Email", sensitive: true }],
  checklists: [{ id: "c1", intent: "billing", label: "Billing", requirements: [["email", "customer_phone"], ["invoice_id"]] }],
});

describe("handleHandoff", () => {
  it("confirms with queue and ETA inside hours and hands over a full packet", () => {
    const state = {
      ...stateAt(node, {}, { email: "a@b.co" }),
      intent: "billing",
      escalation: { reason: "Angry", kind: "negative_sentiment" as const, triggerId: "t1" },
      recent: [{ from: "customer" as const, text: "this is terrible" }],
    };

    const result = handleHandoff(node, state, handlerCtx(undefined, { flow, engine: { now: "2026-03-02T10:00:00Z" } }));

    expect(result).toMatchObject({ kind: "handoff", messages: [{ text: "I'm connecting you to our Billing team. You'll get a reply here within 5 minutes." }] });
    expect(result).toMatchObject({
      effect: {
        kind: "create_handoff",
        packet: {
          queue: "Billing",
          priority: "high",
          reason: "Angry",
          escalationKind: "negative_sentiment",
          triggerId: "t1",
          sensitiveFields: ["email"],
          checklist: [{ checklistId: "c1", collected: ["Email or customer_phone"], missing: ["invoice_id"], complete: false }],
          summary: "this is terrible",
          outsideHours: false,
        },
      },
    });
    expect(result.events).toMatchObject([{ type: "conversation.escalated", data: { reason: "Angry", kind: "negative_sentiment" } }]);
  });

  it("shows the closed text outside working hours in the team's time zone", () => {
    const saturday = "2026-03-07T12:00:00Z";

    const result = handleHandoff(node, stateAt(node), handlerCtx(undefined, { flow, engine: { now: saturday } }));

    expect(result).toMatchObject({ messages: [{ text: "We're closed; Billing answers from 9:00." }], effect: { packet: { outsideHours: true } } });
  });

  it("records the flow itself as the reason when nothing escalated", () => {
    const result = handleHandoff(node, stateAt(node), handlerCtx(undefined, { flow }));

    expect(result.state.escalation).toMatchObject({ kind: "flow_route" });
  });
});
