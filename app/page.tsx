import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { grants, SECTIONS } from "@/lib/auth/roles";

/** Everyone lands on the first section their role may use (agents on the inbox). */
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const first = SECTIONS.find((section) => grants(actor.role, section.role));
  redirect(first?.href ?? "/login");
}
