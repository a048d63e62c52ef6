"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { deleteFlowAction, duplicateFlowAction, renameFlowAction } from "./actions";
import { flowNameSchema } from "./flow-input-schemas";

type Failure = { ok: false; error: { message: string } };

/** Rename, duplicate and delete for one row of the flows list (editors and admins only). */
export function FlowRowActions({ flowId, name }: { flowId: string; name: string }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const [newName, setNewName] = useState(name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run<T>(action: () => Promise<{ ok: true; value: T } | Failure>, then: (value: T) => void) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) then(result.value);
      else setError(result.error.message);
    });
  }

  function rename() {
    const parsed = flowNameSchema.safeParse(newName);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message);
      return;
    }
    setNameError(undefined);
    run(
      () => renameFlowAction({ flowId, name: parsed.data }),
      () => setDialog(null),
    );
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <Button
        variant="ghost"
        onClick={() => {
          setNewName(name);
          setError(null);
          setDialog("rename");
        }}
        aria-label={`Rename ${name}`}
      >
        Rename
      </Button>
      <Button
        variant="ghost"
        disabled={pending}
        aria-label={`Duplicate ${name}`}
        onClick={() => run(() => duplicateFlowAction({ flowId }), () => router.refresh())}
      >
        Duplicate
      </Button>
      <Button
        variant="ghost"
        className="text-red-700"
        aria-label={`Delete ${name}`}
        onClick={() => {
          setError(null);
          setDialog("delete");
        }}
      >
        Delete
      </Button>
      {error && dialog === null ? (
        <p role="alert" className="basis-full text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}

      <ModalDialog open={dialog === "rename"} onOpenChange={(open) => setDialog(open ? "rename" : null)} title={`Rename “${name}”`}>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            rename();
          }}
        >
          <TextField label="New name" value={newName} onChange={(event) => setNewName(event.target.value)} error={nameError} autoFocus />
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              Rename
            </Button>
          </div>
        </form>
      </ModalDialog>

      <ModalDialog
        open={dialog === "delete"}
        onOpenChange={(open) => setDialog(open ? "delete" : null)}
        title={`Delete “${name}”?`}
        description="The flow leaves this list. Its published versions stay in the history, and conversations already running on it finish normally."
      >
        {error ? (
          <p role="alert" className="mb-4 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDialog(null)}>
            Keep it
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => run(() => deleteFlowAction({ flowId }), () => setDialog(null))}>
            Delete flow
          </Button>
        </div>
      </ModalDialog>
    </div>
  );
}
