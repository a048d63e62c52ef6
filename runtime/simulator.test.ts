import { describe, expect, it } from "vitest";
import { conversationCaseSchema } from "@/lib/flow/conversation-case";
import { completeSupportDeskTemplate } from "@/lib/flow/templates";
import type { SimulatorStep, SimulatorView } from "@/components/simulator/simulator-view";
import { caseFromSession } from "./simulator";

function step(index: number, input: SimulatorStep["input"], replies: string[], status: string, extra: Partial<SimulatorStep> = {}): SimulatorStep {
  return {
    index,
    at: `2026-03-02T09:0${index}:00.000Z`,
    input,
    turnMs: 5,
    outcome: "processed",
    nodeAfter: null,
    engine: [{ input: "", nodeBefore: null, nodeAfter: "x", status, outputs: [], events: [], ms: 1 }],
    triggers: [],
    replies,
    ...extra,
  };
}

function viewWith(steps: SimulatorStep[]): SimulatorView {
  return {
    sessionId: "s",
    flow: { id: "f", name: "Desk", document: completeSupportDeskTemplate.build(), versionLabel: "Version 1", choice: { kind: "live" } },
    customer: { name: "Dana", phone: "+15550009999", fields: { tier: "gold" } },
    draftChanged: false,
    lines: [],
    notices: [],
    conversation: null,
    conversationStatus: "handoff",
    handoff: null,
    steps,
    sensitiveFields: [],
  };
}

describe("caseFromSession", () => {
  it("writes a flows-as-code case: typed code as {{otp}}, uploads, timeouts, and the replies as expectations", () => {
    const view = viewWith([
      step(1, { kind: "customer", input: { kind: "text", text: "hi" } }, ["Hello"], "active"),
      step(2, { kind: "customer", input: { kind: "text", text: "123456" } }, ["Thanks, you're verified."], "active", { usesCode: true }),
      step(3, { kind: "customer", input: { kind: "media", mediaType: "document", mimeType: "application/pdf", mediaId: "m", sizeBytes: 4, filename: "r.pdf" } }, [], "waiting_effect"),
      step(4, { kind: "timeout" }, ["We'll pass you to a person."], "handoff"),
    ]);

    const testCase = caseFromSession(view, "Address change");

    expect(conversationCaseSchema.safeParse(testCase).success).toBe(true);
    expect(testCase).toMatchObject({
      name: "Address change",
      customer: { phone: "+15550009999", name: "Dana", fields: { tier: "gold" } },
      now: "2026-03-02T09:01:00.000Z",
      expectOutcome: "handoff",
      steps: [
        { send: "hi", expect: { replies: ["Hello"], status: "active" } },
        { send: "{{otp}}" },
        { upload: { mediaType: "document", mimeType: "application/pdf", sizeBytes: 4, filename: "r.pdf" }, expect: { replies: [], status: "active" } },
        { timeout: true, expect: { status: "handoff" } },
      ],
    });
  });

  it("keeps only the text before a booking reference, which differs on every run", () => {
    const view = viewWith([
      step(1, { kind: "customer", input: { kind: "choice", id: "appointment:slot:tue", title: "Tue 10:00" } }, ["You're booked for Tue 10:00. Your reference is BK-DEA8C74A."], "ended"),
    ]);

    const [first] = caseFromSession(view, "Booking").steps;

    expect(first).toMatchObject({ choose: "Tue 10:00", expect: { replies: ["You're booked for Tue 10:00. Your reference is"] } });
  });
});
