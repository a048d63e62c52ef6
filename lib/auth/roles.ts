import { z } from "zod";

export const ROLES = ["admin", "editor", "tester", "agent"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What each role may do, as data. Admin ⊇ editor ⊇ tester; agents work the inbox only; admins can do everything.
 */
const GRANTS: Record<Role, readonly Role[]> = {
  admin: ["admin", "editor", "tester", "agent"],
  editor: ["editor", "tester"],
  tester: ["tester"],
  agent: ["agent"],
};

/** Whether a user with `role` may do what `required` may do. */
export function grants(role: Role, required: Role): boolean {
  return GRANTS[role].includes(required);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  editor: "Editor",
  tester: "Tester",
  agent: "Agent",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including users, channels, rollbacks and the audit log",
  editor: "Builds and publishes flows, uses the simulator",
  tester: "Tries flows in the simulator; sees flows read-only",
  agent: "Answers handed-off conversations in the inbox",
};

/** The sections of the app and the role each needs; the navigation and the pages both read this. */
export const SECTIONS = [
  { href: "/flows", label: "Flows", role: "tester" },
  { href: "/simulator", label: "Simulator", role: "tester" },
  { href: "/inbox", label: "Inbox", role: "agent" },
  { href: "/analytics", label: "Analytics", role: "tester" },
  { href: "/settings", label: "Settings", role: "admin" },
] as const satisfies readonly { href: string; label: string; role: Role }[];

/** The signed-in person as the data layer sees them. */
export type Actor = { userId: string; email: string; name: string; role: Role };

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** For the data layer: reaching a mutation without the role is a bug in the caller, so it throws. */
export function requireRole(actor: Actor, required: Role): void {
  if (!grants(actor.role, required)) {
    throw new ForbiddenError(`${actor.role} may not do what needs ${required}`);
  }
}
