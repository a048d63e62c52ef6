import type { InputHTMLAttributes } from "react";
import { FormField } from "./form-field";

/** A labelled input with its hint or error linked for screen readers. */
export function TextField({
  label,
  error,
  hint,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <FormField label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...control} {...props} />}
    </FormField>
  );
}
