"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { agentReplySchema } from "@/lib/analytics/inbox-input";
import { replyWindowExplanation } from "@/lib/analytics/reply-window";
import type { InboxConversation } from "@/lib/analytics/inbox-types";
import { actionMessage, type InboxActions } from "./action-result";
import { FormMessage, type FormOutcome } from "@/components/ui/form-message";

type Mode = "text" | "template";

/** Free text inside WhatsApp's 24-hour window; outside it, only an approved template, with the reason in words. */
export function ReplyComposer({
  conversation,
  reply,
  onSent,
}: {
  conversation: InboxConversation;
  reply: InboxActions["reply"];
  onSent: () => void;
}) {
  const windowOpen = conversation.window.open;
  const [mode, setMode] = useState<Mode>(windowOpen ? "text" : "template");
  const [text, setText] = useState("");
  const [template, setTemplate] = useState({ name: "", language: "en", parameters: "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<FormOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const textId = useId();
  const effectiveMode: Mode = windowOpen ? mode : "template";

  function send() {
    const draft =
      effectiveMode === "text"
        ? { kind: "text" as const, text }
        : {
            kind: "template" as const,
            name: template.name,
            language: template.language,
            parameters: template.parameters.split("\n").map((line) => line.trim()).filter(Boolean),
          };
    const parsed = agentReplySchema.safeParse(draft);
    if (!parsed.success) {
      const fields: Record<string, string | undefined> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "text")] ??= issue.message;
      setErrors(fields);
      setMessage(null);
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await reply({ handoffId: conversation.item.handoffId, message: parsed.data });
      if (!result.ok) {
        setMessage({ tone: "error", text: actionMessage(result) });
        return;
      }
      setText("");
      setTemplate((current) => ({ ...current, parameters: "" }));
      setMessage({ tone: "success", text: "Sent. It is on its way to the customer." });
      onSent();
    });
  }

  return (
    <form
      aria-label="Reply to the customer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">Reply</h3>
        {windowOpen ? (
          <div role="group" aria-label="Reply type" className="flex gap-1 text-xs">
            {(["text", "template"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={mode === option}
                onClick={() => setMode(option)}
                className={`rounded-md px-2 py-1 ${mode === option ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {option === "text" ? "Message" : "Template"}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <p className={`text-xs ${windowOpen ? "text-slate-500" : "rounded-md border border-amber-200 bg-amber-50 p-2 text-amber-900"}`} data-testid="reply-window">
        {windowOpen
          ? `You can reply freely until ${new Date(conversation.window.closesAt ?? 0).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}.`
          : replyWindowExplanation({ open: false, reason: conversation.window.reason ?? "expired" })}
      </p>
      <FormMessage message={message} />
      {effectiveMode === "text" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={textId} className="text-sm font-medium text-slate-700">
            Message
          </label>
          <textarea
            id={textId}
            value={text}
            rows={3}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) send();
            }}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? `${textId}-error` : `${textId}-hint`}
            className={`rounded-md border bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${errors.text ? "border-red-400" : "border-slate-300"}`}
          />
          {errors.text ? (
            <p id={`${textId}-error`} className="text-xs text-red-700">
              {errors.text}
            </p>
          ) : (
            <p id={`${textId}-hint`} className="text-xs text-slate-500">
              Ctrl+Enter sends.
            </p>
          )}
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Template name"
            value={template.name}
            onChange={(event) => setTemplate({ ...template, name: event.target.value })}
            hint="Exactly as approved in WhatsApp Manager, e.g. order_update"
            error={errors.name}
          />
          <TextField
            label="Language"
            value={template.language}
            onChange={(event) => setTemplate({ ...template, language: event.target.value })}
            hint="e.g. en or en_US"
            error={errors.language}
          />
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor={`${textId}-params`} className="text-sm font-medium text-slate-700">
              Parameters, one per line
            </label>
            <textarea
              id={`${textId}-params`}
              rows={2}
              value={template.parameters}
              onChange={(event) => setTemplate({ ...template, parameters: event.target.value })}
              aria-describedby={errors.parameters ? `${textId}-params-error` : undefined}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            />
            {errors.parameters ? (
              <p id={`${textId}-params-error`} className="text-xs text-red-700">
                {errors.parameters}
              </p>
            ) : null}
          </div>
        </div>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : effectiveMode === "text" ? "Send reply" : "Send template"}
        </Button>
      </div>
    </form>
  );
}
