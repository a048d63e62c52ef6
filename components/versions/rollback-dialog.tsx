"use client";

import { useState, useTransition } from "react";
import { previewRollbackAction, rollbackAction, type RollbackPreview } from "@/app/(app)/flows/[flowId]/versions/actions";
import { Button } from "@/components/ui/button";
import { DiffList } from "./diff-list";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { FormMessage, type FormOutcome } from "@/components/ui/form-message";

/** Admins only: shows what new conversations will get compared with the live version, then moves the live pointer. */
export function RollbackDialog({ flowId, versionId, number, isLive }: { flowId: string; versionId: string; number: number; isLive: boolean }) {
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<RollbackPreview | null>(null);
  const [message, setMessage] = useState<FormOutcome | null>(null);
  const [loading, startLoading] = useTransition();
  const [pending, startRollback] = useTransition();

  function show() {
    setOpen(true);
    setMessage(null);
    setPreview(null);
    startLoading(async () => {
      const result = await previewRollbackAction({ flowId, versionId });
      if (result.ok) setPreview(result.value);
      else setMessage({ tone: "error", text: result.error.message });
    });
  }

  function confirm() {
    startRollback(async () => {
      const result = await rollbackAction({ flowId, versionId });
      setMessage(
        result.ok
          ? { tone: "success", text: `Version ${result.value.number} is live again. New conversations use it from now on.` }
          : { tone: "error", text: result.error.message },
      );
    });
  }

  const done = message?.tone === "success";
  return (
    <>
      {/* Stays mounted once the version is live, so the dialog can show its outcome after the page refreshes. */}
      {isLive ? null : (
        <Button variant="danger" onClick={show}>
          Roll back to v{number}
        </Button>
      )}
      <ModalDialog
        open={open}
        onOpenChange={setOpen}
        wide
        title={`Roll back to version ${number}?`}
        description="New conversations will use this version at once. Conversations already running stay on the version they started on until they end."
      >
        <div className="flex flex-col gap-4">
          {loading ? <p className="text-sm text-slate-600">Working out what changes…</p> : null}
          {preview?.diff ? (
            <DiffList diff={preview.diff} fromLabel={`live version ${preview.liveNumber ?? "?"}`} toLabel={`version ${preview.targetNumber}`} />
          ) : null}
          <FormMessage message={message} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {done ? "Close" : "Cancel"}
            </Button>
            {done ? null : (
              <Button variant="danger" onClick={confirm} disabled={pending || loading}>
                {pending ? "Rolling back…" : `Make version ${number} live`}
              </Button>
            )}
          </div>
        </div>
      </ModalDialog>
    </>
  );
}
