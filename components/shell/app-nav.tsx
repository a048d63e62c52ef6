"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Links to sections, the current one marked; `label` names the landmark ("Main", "Settings"). */
export function AppNav({
  items,
  label = "Main",
  stacked = false,
}: {
  items: readonly { href: string; label: string }[];
  label?: string;
  /** Stacked beside the page on wide screens, as section navigation. */
  stacked?: boolean;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={`flex gap-1 ${stacked ? "md:flex-col" : ""}`}>
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${
              active ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
