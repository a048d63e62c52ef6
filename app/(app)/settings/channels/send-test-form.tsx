"use client";

import { useState, useTransition } from "react";
import { z } from "zod";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";
import { FormMessage, type FormOutcome } from "@/components/ui/form-message";
import { sendTestMessageAction } from "./actions";
import { sendTestInputSchema } from "./channel-input";

/** Queues a text to a phone number through the outbox, the same way replies are sent. */
export function SendTestForm({ channelId, channelName }: { channelId: string; channelName: string }) {
  const [errors, setErrors] = useState<Partial<Record<string, string[] | undefined>>>({});
  const [message, setMessage] = useState<FormOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const field = (key: string) => {
      const value = data.get(key);
      return typeof value === "string" ? value : "";
    };
    const raw = { channelId, to: field("to"), text: field("text") };
    const checked = sendTestInputSchema.safeParse(raw);
    if (!checked.success) {
      setErrors(z.flattenError(checked.error).fieldErrors);
      setMessage(null);
      return;
    }
    startTransition(async () => {
      const result = await sendTestMessageAction(raw);
      if (result.ok) {
        setErrors({});
        setMessage({ tone: "success", text: `Test message queued to +${checked.data.to}. It is sent within seconds.` });
        return;
      }
      if (result.error.code === "invalid") setErrors(result.error.fields);
      setMessage({ tone: "error", text: result.error.message });
    });
  }

  return (
    <form
      aria-label={`Send a test message from ${channelName}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="flex flex-col gap-3"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="To phone number" name="to" type="tel" autoComplete="off" placeholder="+44 7700 900123" error={errors.to?.[0]} />
        <TextField label="Message" name="text" defaultValue="This is a test message from Threadline." error={errors.text?.[0]} />
      </div>
      <p className="text-xs text-slate-500">
        WhatsApp only delivers free text to people who wrote to this number in the last 24 hours.
      </p>
      <FormMessage message={message} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send test message"}
        </Button>
      </div>
    </form>
  );
}
