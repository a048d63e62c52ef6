import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completeSupportDeskTemplate } from "@/lib/flow/templates";
import { conversationCaseSchema, parseConversationCases } from "@/lib/flow/conversation-case";
import { createLanguageUnderstanding } from "@/runtime/nlu";
import { runConversationCase } from "./run-conversation-case";

const nlu = createLanguageUnderstanding();
const flow = completeSupportDeskTemplate.build();

describe("runConversationCase", () => {
  it("passes the checked-in conversations of the Complete support desk", async () => {
    const cases = parseConversationCases(readFileSync("e2e/fixtures/conversations/complete-support-desk.json", "utf8"));
    if (!cases.ok) throw new Error(JSON.stringify(cases.error));

    const reports = await Promise.all(cases.value.map((testCase) => runConversationCase(flow, testCase, { nlu })));

    expect(reports.map((report) => [report.name, report.passed, report.steps.flatMap((step) => step.failures)])).toEqual(
      cases.value.map((testCase) => [testCase.name, true, []]),
    );
  });

  it("reports a reply that differs, the field that is wrong and the outcome that was not reached", async () => {
    const testCase = conversationCaseSchema.parse({
      name: "wrong expectations",
      steps: [
        { send: "hi" },
        { send: "wheres my parcel", expect: { replies: ["tracking code please"], fields: { order_id: "AB-1" } } },
      ],
      expectOutcome: "ended",
    });

    const report = await runConversationCase(flow, testCase, { nlu });

    expect(report.passed).toBe(false);
    expect(report.steps[1]?.failures).toEqual([
      expect.stringContaining("reply 1: expected to contain “tracking code please”"),
      "field order_id: expected “AB-1”, got “(not set)”",
    ]);
    expect(report.outcomeFailure).toBe("expected the conversation to end ended, it is active");
  });

  it("types the last one-time code where a script says {{otp}}", async () => {
    const { accountVerificationTemplate } = await import("@/lib/flow/templates/account-verification-template");
    const verification = accountVerificationTemplate.build();
    const otpNode = verification.nodes.find((node) => node.type === "verify_identity" && node.data.method.kind === "otp");
    if (!otpNode) return expect(otpNode).toBeDefined();
    const testCase = conversationCaseSchema.parse({
      name: "otp",
      customer: { phone: "+15550100100" },
      steps: [{ send: "hi" }, { send: "{{otp}}" }],
    });

    const report = await runConversationCase(verification, testCase, { nlu });

    expect(report.transcript.some((line) => line.from === "customer" && /^\d{4,8}$/.test(line.text))).toBe(true);
  });
});

describe("parseConversationCases", () => {
  it("lists problems with their JSON paths instead of throwing", () => {
    const result = parseConversationCases('{"name":"x","steps":[{"send":1}]}');

    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error.map((problem) => problem.path)).toContain("[0].steps[0]");
  });

  it("reports invalid JSON with a position", () => {
    const result = parseConversationCases('{"name": }');

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error[0]?.message).toMatch(/line 1/i);
  });
});
