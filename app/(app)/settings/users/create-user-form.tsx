"use client";

import { useState, useTransition } from "react";
import { createUserAction } from "./actions";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import { FormMessage, type FormOutcome } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

type FieldErrors = Partial<Record<"name" | "email" | "role" | "password", string[]>>;

export function CreateUserForm() {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormOutcome | null>(null);
  const [role, setRole] = useState<Role>("editor");

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = { name: data.get("name"), email: data.get("email"), role: data.get("role"), password: data.get("password") };
    startTransition(async () => {
      const result = await createUserAction(input);
      if (result.ok) {
        setErrors({});
        setMessage({ tone: "success", text: `${result.value.name} can now sign in as ${ROLE_LABELS[result.value.role]}.` });
        form.reset();
        setRole("editor");
        return;
      }
      const error = result.error;
      if (error.code === "invalid") {
        setErrors(error.fields);
        setMessage({ tone: "error", text: error.message });
      } else if (error.code === "email-taken") {
        setErrors({ email: ["Someone already uses this email."] });
        setMessage(null);
      } else {
        setMessage({ tone: "error", text: "message" in error ? error.message : "Could not create the user." });
      }
    });
  }

  return (
    <form
      aria-label="Add a person"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-base font-semibold sm:col-span-2">Add a person</h2>
      <FormMessage message={message} className="sm:col-span-2" />
      <TextField label="Name" name="name" autoComplete="off" error={errors.name?.[0]} />
      <TextField label="Email" name="email" type="email" autoComplete="off" error={errors.email?.[0]} />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        hint={ROLE_DESCRIPTIONS[role]}
        error={errors.role?.[0]}
        options={ROLES.map((option) => ({ value: option, label: ROLE_LABELS[option] }))}
      />
      <TextField
        label="Temporary password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Share it with them privately."
        error={errors.password?.[0]}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add person"}
        </Button>
      </div>
    </form>
  );
}
