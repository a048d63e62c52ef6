"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryDeadLetterAction } from "./actions";

export function RetryButton({ outboxId }: { outboxId: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await retryDeadLetterAction({ outboxId });
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {pending ? "Retrying…" : "Retry"}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
