"use client";

import { useState, useTransition } from "react";
import { restoreAsDraftAction } from "@/app/(app)/flows/[flowId]/versions/actions";
import { Button } from "@/components/ui/button";

/** Copies a version into the draft; the editor then shows it and publishing makes it a new version. */
export function RestoreDraftButton({ flowId, versionId, number }: { flowId: string; versionId: string; number: number }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Replace the current draft with version ${number}? Unpublished changes in the draft will be lost.`)) return;
          startTransition(async () => {
            const result = await restoreAsDraftAction({ flowId, versionId });
            setMessage(
              result.ok
                ? { tone: "success", text: `The draft is now a copy of version ${result.value.number}.` }
                : { tone: "error", text: result.error.message },
            );
          });
        }}
      >
        Restore as draft
      </Button>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={`text-xs ${message.tone === "error" ? "text-red-700" : "text-brand-800"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
