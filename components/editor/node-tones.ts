import type { NodeDecoration } from "@/components/flow-canvas/flow-canvas-props";

type Tone = NodeDecoration["tone"];

/** Ring and badge colours per decoration tone; the minimap uses the plain colour. */
export const TONE_STYLES: Record<Tone, { ring: string; badge: string; color: string }> = {
  current: { ring: "ring-4 ring-sky-500", badge: "bg-sky-600 text-white", color: "#0284c7" },
  visited: { ring: "ring-2 ring-sky-300", badge: "bg-sky-100 text-sky-800", color: "#7dd3fc" },
  added: { ring: "ring-2 ring-emerald-500", badge: "bg-emerald-100 text-emerald-800", color: "#10b981" },
  removed: { ring: "ring-2 ring-red-500 opacity-70", badge: "bg-red-100 text-red-800", color: "#ef4444" },
  changed: { ring: "ring-2 ring-amber-500", badge: "bg-amber-100 text-amber-800", color: "#f59e0b" },
  neutral: { ring: "ring-1 ring-slate-300", badge: "bg-slate-100 text-slate-700", color: "#94a3b8" },
  good: { ring: "ring-2 ring-emerald-500", badge: "bg-emerald-100 text-emerald-800", color: "#10b981" },
  warning: { ring: "ring-2 ring-amber-500", badge: "bg-amber-100 text-amber-800", color: "#f59e0b" },
  bad: { ring: "ring-2 ring-red-500", badge: "bg-red-100 text-red-800", color: "#ef4444" },
};
