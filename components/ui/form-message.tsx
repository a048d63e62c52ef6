export type FormOutcome = { tone: "error" | "success" | "info"; text: string };

const TONES: Record<FormOutcome["tone"], string> = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-brand-100 bg-brand-50 text-brand-800",
  info: "border-slate-200 bg-slate-50 text-slate-700",
};

/** The one-line outcome of a form: an alert for errors, a polite status otherwise. */
export function FormMessage({ message, className = "" }: { message: FormOutcome | null; className?: string }) {
  if (!message) return null;
  return (
    <p role={message.tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${TONES[message.tone]} ${className}`}>
      {message.text}
    </p>
  );
}
