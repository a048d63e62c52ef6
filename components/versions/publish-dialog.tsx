"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Issue } from "@/lib/flow/validate-flow";
import { assertNever, type Result } from "@/lib/result";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { FormMessage } from "@/components/ui/form-message";

type PublishFailure =
  | { code: "nothing-new"; message: string }
  | { code: "invalid-flow"; message: string; issues: Issue[] }
  | { code: "invalid"; message: string; fields: Record<string, string[] | undefined> }
  | { code: "not-found" | "forbidden" | "unauthenticated"; message: string };

/** The publish server action as this dialog sees it; pages hand it in, so components never import app/. */
export type PublishAction = (input: { flowId: string; note: string }) => Promise<Result<{ number: number }, PublishFailure>>;

type Outcome =
  | { kind: "published"; number: number }
  | { kind: "nothing-new"; message: string }
  | { kind: "invalid"; message: string; issues: Issue[] }
  | { kind: "error"; message: string };

function outcomeOf(failure: PublishFailure): Outcome {
  switch (failure.code) {
    case "nothing-new":
      return { kind: "nothing-new", message: failure.message };
    case "invalid-flow":
      return { kind: "invalid", message: failure.message, issues: failure.issues };
    case "invalid":
      return { kind: "error", message: failure.fields.note?.[0] ?? failure.message };
    case "not-found":
    case "forbidden":
    case "unauthenticated":
      return { kind: "error", message: failure.message };
    default:
      return assertNever(failure);
  }
}

/**
 * The Publish button and its dialog, on the editor's toolbar and the version history page. The server publishes
 * the draft it has stored, after validating it again, so the editor saves first (`beforePublish`).
 */
export function PublishDialog({
  flowId,
  publish,
  disabledReason,
  beforePublish,
  onPublished,
}: {
  flowId: string;
  publish: PublishAction;
  /** When set, the button is disabled and this says why beside it (e.g. "Fix 2 problems before publishing"). */
  disabledReason?: string | undefined;
  /** Runs first, e.g. flushing the autosave; a message it resolves to stops the publish and is shown. */
  beforePublish?: () => Promise<string | null>;
  onPublished?: (version: { number: number }) => void;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const id = useId();

  async function attempt(): Promise<Outcome> {
    const stopped = (await beforePublish?.()) ?? null;
    if (stopped !== null) return { kind: "error", message: stopped };
    const result = await publish({ flowId, note });
    return result.ok ? { kind: "published", number: result.value.number } : outcomeOf(result.error);
  }

  function submit() {
    startTransition(async () => {
      const next = await attempt().catch((): Outcome => ({ kind: "error", message: "Couldn't reach the server. Check your connection and try again." }));
      setOutcome(next);
      if (next.kind !== "published") return;
      setNote("");
      onPublished?.({ number: next.number });
      router.refresh();
    });
  }

  return (
    <>
      <span className="flex items-center gap-2">
        {disabledReason ? (
          <span id={`${id}-blocked`} className="text-xs text-red-700">
            {disabledReason}
          </span>
        ) : null}
        <Button
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
          disabled={disabledReason !== undefined}
          aria-describedby={disabledReason ? `${id}-blocked` : undefined}
        >
          Publish
        </Button>
      </span>
      <ModalDialog
        open={open}
        onOpenChange={setOpen}
        title="Publish this flow"
        description="Customers who start a conversation from now on get this version. Conversations already running stay on theirs."
      >
        {outcome?.kind === "published" ? (
          <div className="flex flex-col gap-4">
            <FormMessage message={{ tone: "success", text: `Published as version ${outcome.number}. It is live now.` }} />
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
              submit();
            }}
          >
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-note`} className="text-sm font-medium text-slate-700">
                What changed? (optional)
              </label>
              <textarea
                id={`${id}-note`}
                value={note}
                maxLength={500}
                rows={3}
                onChange={(event) => setNote(event.target.value)}
                className="rounded-md border border-slate-300 px-3 py-2 text-sm"
                placeholder="e.g. Shorter greeting, new billing category"
              />
            </div>
            {outcome?.kind === "nothing-new" ? <FormMessage message={{ tone: "info", text: outcome.message }} /> : null}
            {outcome?.kind === "error" ? <FormMessage message={{ tone: "error", text: outcome.message }} /> : null}
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
