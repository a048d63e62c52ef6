import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { getActiveUserById } from "@/db/queries/users";
import { grants, type Actor, type Grant } from "./roles";

/** The signed-in person, re-read from the database so role changes and deactivation apply at once. */
export async function getActor(): Promise<Actor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getActiveUserById(userId);
  return user ? { userId: user.id, email: user.email, name: user.name, role: user.role } : null;
}

/** For pages: anonymous visitors go to sign-in; a role that may not see the page gets the 403 page. */
export async function requirePageRole(role: Grant): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!grants(actor.role, role)) forbidden();
  return actor;
}
