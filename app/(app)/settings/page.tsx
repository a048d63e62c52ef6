import { redirect } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";

export default async function SettingsPage() {
  await requirePageRole("admin");
  redirect("/settings/users");
}
