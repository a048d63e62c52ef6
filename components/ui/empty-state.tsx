import type { ReactNode } from "react";

export function EmptyState({ icon, title, children }: { icon: string; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <span aria-hidden className="text-4xl">
        {icon}
      </span>
      <h2 className="mt-3 text-lg font-semibold text-slate-900">{title}</h2>
      <div className="mt-1 max-w-md text-sm text-slate-600">{children}</div>
    </div>
  );
}
