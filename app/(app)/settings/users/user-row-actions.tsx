"use client";

import { useState, useTransition } from "react";
import { changeUserRoleAction, setUserActiveAction } from "./actions";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";

type Props = { userId: string; name: string; role: Role; active: boolean; isSelf: boolean };

export function UserRowActions({ userId, name, role, active, isSelf }: Props) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<{ ok: true } | { ok: false; error: { code: string; message?: string } }>) {
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error.message ?? "That change could not be saved."));
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${userId}`}
        value={role}
        disabled={pending || !active}
        onChange={(event) => {
          const next = event.target.value as Role;
          run(() => changeUserRoleAction({ userId, role: next }));
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      {isSelf ? null : (
        <Button
          variant={active ? "danger" : "secondary"}
          disabled={pending}
          onClick={() => {
            if (active && !window.confirm(`Deactivate ${name}? They will be signed out and can no longer sign in.`)) return;
            run(() => setUserActiveAction({ userId, active: !active }));
          }}
        >
          {active ? "Deactivate" : "Reactivate"}
        </Button>
      )}
      {error ? (
        <p role="alert" className="basis-full text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
