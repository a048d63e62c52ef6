"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** A read-only value with a Copy button, e.g. the webhook URL to paste into Meta's dashboard. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        />
        <Button
          variant="secondary"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            navigator.clipboard.writeText(value).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            );
          }}
        >
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-500">
        {copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: select the text and copy it by hand." : ""}
      </p>
    </div>
  );
}
