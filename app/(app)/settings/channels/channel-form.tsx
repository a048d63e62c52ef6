"use client";

import { useState, useTransition } from "react";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { FormMessage, type FormOutcome } from "@/components/ui/form-message";
import { createChannelAction, updateChannelAction } from "./actions";
import { createChannelInputSchema, updateChannelInputSchema } from "./channel-input";
import { z } from "zod";
import { assertNever } from "@/lib/result";

type Errors = Partial<Record<string, string[] | undefined>>;

export type ChannelFormValues = {
  channelId: string;
  name: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifyToken: string;
  graphUrl: string;
  flowId: string | null;
};

/**
 * Adds a WhatsApp number, or edits one. Secrets are write-only: an existing one shows as "set" and is only sent
 * when the admin types a new one.
 */
export function ChannelForm({
  flows,
  channel,
  suggestedVerifyToken,
}: {
  flows: { id: string; name: string }[];
  channel?: ChannelFormValues;
  suggestedVerifyToken?: string;
}) {
  const editing = channel !== undefined;
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<FormOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const [changeSecret, setChangeSecret] = useState(!editing);
  const [changeToken, setChangeToken] = useState(!editing);
  const formName = editing ? `Settings of ${channel.name}` : "Add a WhatsApp number";

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === "string" ? value : undefined;
    };
    const raw = {
      name: text("name"),
      phoneNumberId: text("phoneNumberId"),
      displayPhoneNumber: text("displayPhoneNumber") ?? "",
      verifyToken: text("verifyToken"),
      graphUrl: text("graphUrl"),
      flowId: text("flowId") ?? "",
      appSecret: text("appSecret"),
      accessToken: text("accessToken"),
      ...(editing ? { channelId: channel.channelId } : {}),
    };
    const problems = fieldProblems(raw, editing);
    if (problems) {
      setErrors(problems);
      setMessage({ tone: "error", text: "Some fields need attention." });
      return;
    }
    startTransition(async () => {
      const result = editing ? await updateChannelAction(raw) : await createChannelAction(raw);
      if (result.ok) {
        setErrors({});
        setMessage({ tone: "success", text: editing ? "Saved." : "Number added. Copy its webhook URL into Meta's dashboard." });
        if (editing) {
          setChangeSecret(false);
          setChangeToken(false);
        } else form.reset();
        return;
      }
      const error = result.error;
      switch (error.code) {
        case "invalid":
          setErrors(error.fields);
          setMessage({ tone: "error", text: error.message });
          return;
        case "phone-number-taken":
          setErrors({ phoneNumberId: [error.message] });
          setMessage(null);
          return;
        case "unknown-flow":
          setErrors({ flowId: [error.message] });
          setMessage(null);
          return;
        case "not-found":
        case "forbidden":
        case "unauthenticated":
          setMessage({ tone: "error", text: error.message });
          return;
        default:
          assertNever(error);
      }
    });
  }

  const first = (key: string) => errors[key]?.[0];
  return (
    <form
      aria-label={formName}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="grid gap-4 sm:grid-cols-2"
    >
      <TextField label="Name" name="name" defaultValue={channel?.name} autoComplete="off" error={first("name")} />
      <SelectField
        label="Flow it runs"
        name="flowId"
        defaultValue={channel?.flowId ?? ""}
        error={first("flowId")}
        hint="New conversations on this number start the flow's live version."
        options={[{ value: "", label: "No flow (messages are stored, not answered)" }, ...flows.map((flow) => ({ value: flow.id, label: flow.name }))]}
      />
      <TextField
        label="Phone number ID"
        name="phoneNumberId"
        defaultValue={channel?.phoneNumberId}
        inputMode="numeric"
        autoComplete="off"
        hint="From WhatsApp Manager → Phone numbers; not the phone number itself."
        error={first("phoneNumberId")}
      />
      <TextField
        label="Display number"
        name="displayPhoneNumber"
        defaultValue={channel?.displayPhoneNumber}
        autoComplete="off"
        hint="What customers see, e.g. +1 555 000 0001."
        error={first("displayPhoneNumber")}
      />
      <TextField
        label="Verify token"
        name="verifyToken"
        defaultValue={channel?.verifyToken ?? suggestedVerifyToken}
        autoComplete="off"
        hint="Any secret phrase; paste the same one into Meta's webhook settings."
        error={first("verifyToken")}
      />
      <TextField
        label="Graph API address"
        name="graphUrl"
        defaultValue={channel?.graphUrl ?? "https://graph.facebook.com"}
        autoComplete="off"
        hint="Leave as https://graph.facebook.com unless you test against a fake."
        error={first("graphUrl")}
      />
      <SecretField
        label="App secret"
        name="appSecret"
        editing={changeSecret}
        onChange={() => setChangeSecret(true)}
        hint="Used to check that webhooks really come from Meta."
        error={first("appSecret")}
      />
      <SecretField
        label="Access token"
        name="accessToken"
        editing={changeToken}
        onChange={() => setChangeToken(true)}
        hint="Used to send replies. A new token makes a refused number active again."
        error={first("accessToken")}
      />
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormMessage message={message} />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : editing ? "Save changes" : "Add number"}
          </Button>
        </div>
      </div>
    </form>
  );
}

function fieldProblems(raw: unknown, editing: boolean): Errors | null {
  if (editing) {
    const checked = updateChannelInputSchema.safeParse(raw);
    return checked.success ? null : z.flattenError(checked.error).fieldErrors;
  }
  const checked = createChannelInputSchema.safeParse(raw);
  return checked.success ? null : z.flattenError(checked.error).fieldErrors;
}

function SecretField({
  label,
  name,
  editing,
  onChange,
  hint,
  error,
}: {
  label: string;
  name: string;
  editing: boolean;
  onChange: () => void;
  hint: string;
  error: string | undefined;
}) {
  if (editing) {
    return <TextField label={label} name={name} type="password" autoComplete="new-password" hint={hint} error={error} />;
  }
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <p className="flex items-center gap-2 py-2 text-sm text-slate-700">
        <span>Set</span>
        <span aria-hidden>·</span>
        <button type="button" className="font-medium text-brand-700 underline" onClick={onChange} aria-label={`Change ${label.toLowerCase()}`}>
          change
        </button>
      </p>
      <p className="text-xs text-slate-500">Never shown again once saved.</p>
    </div>
  );
}
