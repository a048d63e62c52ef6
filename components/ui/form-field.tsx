import { useId, type ReactNode } from "react";

/** What a field's control takes from its FormField: the id the label names and the links to its hint or error. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

/**
 * A label above one control, with a hint or an error below it that screen readers hear with the control.
 * TextField and SelectField are built on it. An error takes the hint's place, so only what shows is linked.
 */
export function FormField({
  label,
  hint,
  error,
  className = "",
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        className: `rounded-md border bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${
          error ? "border-red-400" : "border-slate-300"
        }`,
      })}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
