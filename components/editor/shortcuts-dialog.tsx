"use client";

import { ModalDialog } from "@/components/ui/modal-dialog";

const SHORTCUTS: readonly [string, string][] = [
  ["Ctrl/⌘ + Z", "Undo"],
  ["Shift + Ctrl/⌘ + Z, or Ctrl + Y", "Redo"],
  ["Ctrl/⌘ + C, Ctrl/⌘ + V", "Copy and paste steps (also into another flow)"],
  ["Ctrl/⌘ + X", "Cut steps"],
  ["Ctrl/⌘ + A", "Select every step"],
  ["Delete or Backspace", "Delete the selected steps or connections"],
  ["Shift + drag on the canvas", "Select several steps"],
  ["Ctrl/⌘ or Shift + click", "Add a step to the selection"],
  ["Tab, then Enter", "Move between steps and select one"],
  ["?", "Show this help"],
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Connect steps by dragging from an outcome dot on the right of a step to another step.">
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs font-normal text-slate-700">
                {keys}
              </th>
              <td className="py-1.5 text-slate-700">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
