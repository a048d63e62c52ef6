import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";
import { AppNav } from "@/components/shell/app-nav";

const SETTINGS_SECTIONS = [
  { href: "/settings/users", label: "People" },
  { href: "/settings/channels", label: "Channels" },
  { href: "/settings/audit", label: "Audit log" },
] as const;

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePageRole("admin");
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <aside className="md:w-48">
        <h2 className="mb-2 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Settings</h2>
        <AppNav items={SETTINGS_SECTIONS} label="Settings" stacked />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
