import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { grants, ROLE_LABELS, SECTIONS } from "@/lib/auth/roles";
import { AppNav } from "@/components/shell/app-nav";
import { Badge } from "@/components/ui/badge";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const items = SECTIONS.filter((section) => grants(actor.role, section.role));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
          <Link href="/flows" className="flex items-center gap-2 font-semibold text-slate-900">
            <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">
              ✦
            </span>
            Threadline
          </Link>
          <AppNav items={items} />
          <div className="ml-auto flex items-center gap-3">
            <div className="text-right leading-tight">
              <div className="text-sm font-medium text-slate-900" data-testid="current-user">
                {actor.name}
              </div>
              <div className="text-xs text-slate-500">{actor.email}</div>
            </div>
            <span data-testid="current-role">
              <Badge tone="green">{ROLE_LABELS[actor.role]}</Badge>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
