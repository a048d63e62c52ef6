import type { SelectHTMLAttributes } from "react";
import { FormField } from "./form-field";

/** A labelled select with its hint or error linked for screen readers, like TextField. */
export function SelectField({
  label,
  error,
  hint,
  className,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FormField label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...control} {...props}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
