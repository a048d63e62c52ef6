"use client";

import { useState } from "react";
import { parseFlowJson, type Problem } from "@/lib/flow/flow-json";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

type Pending = { kind: "problems"; fileName: string; problems: Problem[] } | { kind: "confirm"; fileName: string; document: FlowDocument };

/** Reads a flow file; problems are listed, and a good file replaces the draft only after the manager confirms. */
export function ImportButton({ onImport }: { onImport: (document: FlowDocument) => void }) {
  const [pending, setPending] = useState<Pending | null>(null);

  async function read(file: File) {
    const parsed = parseFlowJson(await file.text());
    setPending(parsed.ok ? { kind: "confirm", fileName: file.name, document: parsed.value } : { kind: "problems", fileName: file.name, problems: parsed.error });
  }

  return (
    <>
      <label className="inline-flex cursor-pointer items-center rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
        Import
        <input
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Import a flow file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void read(file);
          }}
        />
      </label>
      <ModalDialog
        open={pending?.kind === "problems"}
        onOpenChange={(open) => (open ? undefined : setPending(null))}
        title="This file can't be imported"
        description={pending ? `${pending.fileName} has these problems. Nothing was changed.` : undefined}
        wide
      >
        {pending?.kind === "problems" ? (
          <ul className="flex max-h-80 list-disc flex-col gap-1 overflow-y-auto pl-5 text-sm text-red-800" data-testid="import-problems">
            {pending.problems.map((problem, index) => (
              <li key={index}>
                {problem.message}
                {problem.path ? <span className="ml-1 font-mono text-xs text-slate-500">({problem.path})</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" onClick={() => setPending(null)}>
            Close
          </Button>
        </div>
      </ModalDialog>
      <ModalDialog
        open={pending?.kind === "confirm"}
        onOpenChange={(open) => (open ? undefined : setPending(null))}
        title="Replace the draft?"
        description={
          pending?.kind === "confirm"
            ? `“${pending.document.name}” from ${pending.fileName} has ${pending.document.nodes.length} steps. It replaces everything on the canvas; you can undo it.`
            : undefined
        }
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setPending(null)}>
            Cancel
          </Button>
          <Button
            onClick={() => {
              if (pending?.kind === "confirm") onImport(pending.document);
              setPending(null);
            }}
          >
            Replace draft
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
