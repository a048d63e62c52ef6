import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { HOME_SECTIONS } from "@/lib/auth/roles";

/** Everyone lands on their role's own section (agents on the inbox). */
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  redirect(HOME_SECTIONS[actor.role]);
}
