import { z } from "zod";

export const ROLES = ["admin", "editor", "tester", "agent"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What a page, action or query may require: what a role may do, or "viewer", looking at flows read-only (the list,
 * the canvas and the version history). "viewer" is nobody's role; every role includes it.
 */
export type Grant = Role | "viewer";

/**
 * What each role may do, as data. Admin ⊇ editor ⊇ tester; agents work the inbox and look at flows read-only
 * (testers and agents see a read-only canvas); admins can do everything.
 */
const GRANTS: Record<Role, readonly Grant[]> = {
  admin: ["admin", "editor", "tester", "agent", "viewer"],
  editor: ["editor", "tester", "viewer"],
  tester: ["tester", "viewer"],
  agent: ["agent", "viewer"],
};

/** Whether a user with `role` may do what `required` stands for. */
export function grants(role: Role, required: Grant): boolean {
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
  agent: "Answers handed-off conversations in the inbox; sees flows read-only",
};

/** The sections of the app and the role each needs; the navigation and the pages both read this. */
export const SECTIONS = [
  { href: "/flows", label: "Flows", role: "viewer" },
  { href: "/simulator", label: "Simulator", role: "tester" },
  { href: "/inbox", label: "Inbox", role: "agent" },
  { href: "/analytics", label: "Analytics", role: "tester" },
  { href: "/settings", label: "Settings", role: "admin" },
] as const satisfies readonly { href: string; label: string; role: Grant }[];

/** Where each role lands after signing in: its own work, so agents start in the inbox, not on the flows they view. */
export const HOME_SECTIONS: Record<Role, (typeof SECTIONS)[number]["href"]> = {
  admin: "/flows",
  editor: "/flows",
  tester: "/flows",
  agent: "/inbox",
};

/** The signed-in person as the data layer sees them. */
export type Actor = { userId: string; email: string; name: string; role: Role };

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** For the data layer: reaching a mutation without the role is a bug in the caller, so it throws. */
export function requireRole(actor: Actor, required: Grant): void {
  if (!grants(actor.role, required)) {
    throw new ForbiddenError(`${actor.role} may not do what needs ${required}`);
  }
}
