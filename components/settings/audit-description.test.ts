import { describe, expect, it } from "vitest";
import { AUDIT_KINDS, describeAuditEntry, isAuditKind } from "./audit-description";

const entry = (action: string, data: unknown, actorName: string | null = "Ann") => ({ action, data, actorName, actorEmail: null, address: null });

describe("describeAuditEntry", () => {
  it("describes a publish with its version, flow and note", () => {
    expect(describeAuditEntry(entry("flow.published", { flowName: "Desk", number: 3, note: "new greeting" }))).toBe(
      "Ann published version 3 of “Desk”: new greeting",
    );
  });

  it("describes a rollback with the version that was live before", () => {
    expect(describeAuditEntry(entry("flow.rolled_back", { flowName: "Desk", number: 1, fromNumber: 2 }))).toBe(
      "Ann rolled “Desk” back to version 1 (version 2 was live)",
    );
  });

  it("names channel fields in words and never shows secret values", () => {
    const text = describeAuditEntry(entry("channel.updated", { name: "Support", changed: ["accessToken", "flowId"], reactivated: true }));

    expect(text).toBe("Ann changed the WhatsApp number “Support”: access token, flow; sending resumed");
  });

  it("describes a failed sign-in without an actor", () => {
    expect(describeAuditEntry({ ...entry("sign_in.failed", { email: "x@y.z" }, null), address: "10.0.0.1" })).toBe(
      "Failed sign-in as x@y.z from 10.0.0.1",
    );
  });

  it("falls back to the action in words for an action it does not know", () => {
    expect(describeAuditEntry(entry("handoff.claimed", {}))).toBe("Ann: handoff claimed");
  });

  it("accepts only the kinds it defines", () => {
    expect(isAuditKind("rollbacks")).toBe(true);
    expect(isAuditKind("toString")).toBe(false);
    expect(AUDIT_KINDS.people.actions).toContain("user.role_changed");
  });
});
