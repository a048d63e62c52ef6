"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** A small labelled select with a button that acts on the choice, or says what to pick first. */
export function SelectAndAct({
  label,
  placeholder,
  options,
  actionLabel,
  missingChoice,
  disabled,
  onAct,
  onMissingChoice,
}: {
  label: string;
  placeholder: string;
  options: readonly { value: string; label: string }[];
  actionLabel: string;
  /** Shown through `onMissingChoice` when the button is pressed with nothing chosen. */
  missingChoice: string;
  disabled: boolean;
  onAct: (value: string) => void;
  onMissingChoice: (message: string) => void;
}) {
  const [value, setValue] = useState("");
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="flex gap-2">
        <select id={id} value={value} onChange={(event) => setValue(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Button variant="secondary" disabled={disabled} onClick={() => (value ? onAct(value) : onMissingChoice(missingChoice))}>
          {actionLabel}
        </Button>
      </div>
    </div>
  );
}
