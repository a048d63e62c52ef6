"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

/** Asks for an optional note and publishes; the caller saves the draft first and reports the outcome. */
export function PublishDialog({
  open,
  onOpenChange,
  onPublish,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPublish: (note: string) => Promise<string | null>;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title="Publish this flow" description="Customers who start a conversation from now on get this version. Conversations already running finish on the version they started.">
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void onPublish(note).then((failure) => {
            setBusy(false);
            setError(failure);
            if (failure === null) {
              setNote("");
              onOpenChange(false);
            }
          });
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          What changed? (optional)
          <textarea value={note} maxLength={500} rows={3} onChange={(event) => setNote(event.target.value)} className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal" />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
