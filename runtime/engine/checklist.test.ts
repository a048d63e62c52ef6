import { describe, expect, it } from "vitest";
import { makeFlow } from "@/lib/flow/test-builders";
import { checklistForFlow } from "./checklist";

const flow = makeFlow([], [], {
  fields: [{ key: "email", label: "Email" }, { key: "device", label: "Device" }],
  checklists: [
    { id: "login", intent: "login", label: "Login problem", requirements: [["email", "customer_phone"], ["device"], ["verified"]] },
    { id: "other", intent: "billing", label: "Billing", requirements: [["email"]] },
  ],
});

describe("checklistForFlow", () => {
  it("names collected and missing requirements for the current intent only", () => {
    const status = checklistForFlow(flow, "login", { customer_phone: "+1555", device: "  ", verified: "false" });

    expect(status).toEqual([
      { checklistId: "login", intent: "login", label: "Login problem", collected: ["Email or customer_phone"], missing: ["Device", "verified"], complete: false },
    ]);
  });

  it("is complete once each requirement has one of its fields", () => {
    const status = checklistForFlow(flow, "login", { email: "a@b.co", device: "iPhone", verified: "true" });

    expect(status[0]?.complete).toBe(true);
  });

  it("is empty without an intent or for an intent without a checklist", () => {
    expect(checklistForFlow(flow, null, {})).toEqual([]);
    expect(checklistForFlow(flow, "delivery", {})).toEqual([]);
  });
});
