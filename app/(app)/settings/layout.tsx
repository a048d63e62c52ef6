import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";
import { SettingsNav } from "@/components/settings/settings-nav";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePageRole("admin");
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <aside className="md:w-48">
        <h2 className="mb-2 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Settings</h2>
        <SettingsNav />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
