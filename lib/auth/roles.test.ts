import { describe, expect, it } from "vitest";
import { ForbiddenError, grants, HOME_SECTIONS, requireRole, ROLES, SECTIONS, type Role } from "./roles";

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

  it("lets every role view flows read-only, agents included", () => {
    expect(ROLES.filter((role) => grants(role, "viewer"))).toEqual(ROLES);
  });

  it("shows agents the Flows section but not the simulator or analytics", () => {
    const agentSections = SECTIONS.filter((section) => grants("agent", section.role)).map((section) => section.label);

    expect(agentSections).toEqual(["Flows", "Inbox"]);
  });

  it("lands each role on a section it may open, and agents on the inbox", () => {
    const opens = (role: Role) => SECTIONS.some((section) => section.href === HOME_SECTIONS[role] && grants(role, section.role));

    expect(ROLES.every(opens)).toBe(true);
    expect(HOME_SECTIONS.agent).toBe("/inbox");
  });

  it("throws from the data layer when the role is missing", () => {
    const tester = { userId: "u", email: "t@x", name: "T", role: "tester" as const };

    expect(() => requireRole(tester, "admin")).toThrow(ForbiddenError);
    expect(() => requireRole(tester, "tester")).not.toThrow();
  });
});
