import { describe, expect, it } from "vitest";
import { ForbiddenError, grants, requireRole } from "./roles";

describe("roles", () => {
  it("lets admins do everything and keeps agents apart from building", () => {
    expect(grants("admin", "agent")).toBe(true);
    expect(grants("admin", "editor")).toBe(true);
    expect(grants("editor", "tester")).toBe(true);
    expect(grants("editor", "admin")).toBe(false);
    expect(grants("tester", "editor")).toBe(false);
    expect(grants("agent", "tester")).toBe(false);
    expect(grants("tester", "agent")).toBe(false);
  });

  it("throws from the data layer when the role is missing", () => {
    const tester = { userId: "u", email: "t@x", name: "T", role: "tester" as const };

    expect(() => requireRole(tester, "admin")).toThrow(ForbiddenError);
    expect(() => requireRole(tester, "tester")).not.toThrow();
  });
});
