/** The one-line outcome of a form: an alert for errors, a polite status for success. */
export function FormMessage({ message }: { message: { tone: "error" | "success"; text: string } | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={`rounded-md px-3 py-2 text-sm ${
        message.tone === "error" ? "border border-red-200 bg-red-50 text-red-800" : "border border-brand-100 bg-brand-50 text-brand-800"
      }`}
    >
      {message.text}
    </p>
  );
}
