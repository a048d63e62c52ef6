"use client";

import { memo } from "react";
import { useDraggable } from "@dnd-kit/core";
import { NODE_TYPES, type NodeType } from "@/lib/flow/flow-node";
import { catalogEntry, NODE_GROUPS } from "@/lib/flow/node-catalog";

export type PaletteDragData = { nodeType: NodeType };

/** The steps a manager can add, grouped as the product talks about them; every item also has a button. */
export const Palette = memo(function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  return (
    <nav aria-label="Steps you can add" className="flex h-full flex-col overflow-y-auto p-3">
      <h2 className="text-sm font-semibold text-slate-900">Add a step</h2>
      <p className="mt-0.5 text-xs text-slate-500">Drag onto the canvas, or use “Add”.</p>
      {NODE_GROUPS.map((group) => (
        <section key={group} aria-label={group} className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{group}</h3>
          <ul className="mt-2 flex flex-col gap-2">
            {NODE_TYPES.filter((type) => type !== "start" && catalogEntry(type).group === group).map((type) => (
              <PaletteItem key={type} type={type} onAdd={onAdd} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});

function PaletteItem({ type, onAdd }: { type: NodeType; onAdd: (type: NodeType) => void }) {
  const entry = catalogEntry(type);
  const data: PaletteDragData = { nodeType: type };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `palette-${type}`, data });
  return (
    <li
      className={`rounded-lg border border-slate-200 bg-white p-2 shadow-xs ${isDragging ? "opacity-50" : ""}`}
      data-testid={`palette-${type}`}
    >
      <div className="flex items-start gap-2">
        <div
          ref={setNodeRef}
          {...listeners}
          {...attributes}
          aria-label={`Drag ${entry.label} onto the canvas`}
          className="min-w-0 flex-1 cursor-grab touch-none"
        >
          <div className="flex items-center gap-1.5 text-sm font-medium text-slate-900">
            <span aria-hidden>{entry.icon}</span>
            {entry.label}
          </div>
          <p className="mt-0.5 text-xs leading-snug text-slate-600">{entry.description}</p>
        </div>
        <button
          type="button"
          onClick={() => onAdd(type)}
          className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
          aria-label={`Add ${entry.label} to the canvas`}
        >
          Add
        </button>
      </div>
    </li>
  );
}
