"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { publishFlowAction } from "@/app/(app)/flows/[flowId]/publish-actions";
import type { Issue } from "@/lib/flow/validate-flow";
import { assertNever } from "@/lib/result";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

type Outcome =
  | { kind: "published"; number: number }
  | { kind: "nothing-new"; message: string }
  | { kind: "invalid"; message: string; issues: Issue[] }
  | { kind: "error"; message: string };

/**
 * The Publish button and its dialog, for the editor to mount. The draft must be saved before publishing: the
 * server publishes what it has stored, after validating it again.
 */
export function PublishDialog({
  flowId,
  disabledReason,
  onPublished,
  beforePublish,
}: {
  flowId: string;
  /** When set, the button is disabled and this says why (e.g. "Fix 2 errors first"). */
  disabledReason?: string;
  onPublished?: (version: { number: number }) => void;
  /** E.g. flush the autosave; publishing waits for it. */
  beforePublish?: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function publish() {
    startTransition(async () => {
      await beforePublish?.();
      const result = await publishFlowAction({ flowId, note });
      if (result.ok) {
        setOutcome({ kind: "published", number: result.value.number });
        setNote("");
        onPublished?.({ number: result.value.number });
        router.refresh();
        return;
      }
      const error = result.error;
      switch (error.code) {
        case "nothing-new":
          setOutcome({ kind: "nothing-new", message: error.message });
          return;
        case "invalid-flow":
          setOutcome({ kind: "invalid", message: error.message, issues: error.issues });
          return;
        case "invalid":
          setOutcome({ kind: "error", message: error.fields.note?.[0] ?? error.message });
          return;
        case "not-found":
        case "forbidden":
        case "unauthenticated":
          setOutcome({ kind: "error", message: error.message });
          return;
        default:
          assertNever(error);
      }
    });
  }

  return (
    <>
      <Button
        onClick={() => {
          setOutcome(null);
          setOpen(true);
        }}
        disabled={disabledReason !== undefined}
        title={disabledReason}
      >
        Publish
      </Button>
      {disabledReason ? <span className="sr-only">{disabledReason}</span> : null}
      <ModalDialog
        open={open}
        onOpenChange={setOpen}
        title="Publish this flow"
        description="Customers who start a conversation from now on get this version. Conversations already running stay on theirs."
      >
        {outcome?.kind === "published" ? (
          <div className="flex flex-col gap-4">
            <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
              Published as version {outcome.number}. It is live now.
            </p>
            <div className="flex justify-end gap-2">
              <a className="text-sm font-medium text-brand-700 underline" href={`/flows/${flowId}/versions`}>
                See version history
              </a>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Close
              </Button>
            </div>
          </div>
        ) : (
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              publish();
            }}
          >
            <div className="flex flex-col gap-1">
              <label htmlFor={`publish-note-${flowId}`} className="text-sm font-medium text-slate-700">
                What changed? (optional)
              </label>
              <textarea
                id={`publish-note-${flowId}`}
                value={note}
                maxLength={500}
                rows={3}
                onChange={(event) => setNote(event.target.value)}
                className="rounded-md border border-slate-300 px-3 py-2 text-sm"
                placeholder="e.g. Shorter greeting, new billing category"
              />
            </div>
            {outcome?.kind === "nothing-new" ? (
              <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
                {outcome.message}
              </p>
            ) : null}
            {outcome?.kind === "error" ? (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                {outcome.message}
              </p>
            ) : null}
            {outcome?.kind === "invalid" ? (
              <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                <p className="font-medium">{outcome.message}</p>
                <ul className="mt-1 list-disc pl-5">
                  {outcome.issues.slice(0, 10).map((issue, index) => (
                    <li key={`${issue.code}-${issue.nodeId ?? ""}-${index}`}>{issue.message}</li>
                  ))}
                </ul>
                {outcome.issues.length > 10 ? <p className="mt-1">…and {outcome.issues.length - 10} more.</p> : null}
              </div>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Publishing…" : "Publish now"}
              </Button>
            </div>
          </form>
        )}
      </ModalDialog>
    </>
  );
}
