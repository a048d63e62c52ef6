"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { createFlowAction } from "./actions";
import { flowNameSchema } from "./flow-input-schemas";

export type TemplateChoice = { id: string; name: string; description: string };

const BLANK = "blank";

/** "New flow": a name and a starting point (blank, one of the pattern templates, or the complete desk). */
export function NewFlowDialog({ templates }: { templates: readonly TemplateChoice[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [startFrom, setStartFrom] = useState(BLANK);
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function pick(choice: string) {
    setStartFrom(choice);
    const template = templates.find((t) => t.id === choice);
    // Suggest the template's name until the manager types one of their own.
    if (template && (name === "" || templates.some((t) => t.name === name))) setName(template.name);
  }

  function submit() {
    const parsedName = flowNameSchema.safeParse(name);
    if (!parsedName.success) {
      setNameError(parsedName.error.issues[0]?.message);
      return;
    }
    setNameError(undefined);
    startTransition(async () => {
      const result = await createFlowAction({ name: parsedName.data, ...(startFrom === BLANK ? {} : { templateId: startFrom }) });
      if (result.ok) {
        router.push(`/flows/${result.value.id}/edit`);
        return;
      }
      setFormError(result.error.message);
    });
  }

  const options: TemplateChoice[] = [
    { id: BLANK, name: "Blank flow", description: "Start with only a Start step and build it yourself." },
    ...templates,
  ];

  return (
    <>
      <Button onClick={() => setOpen(true)}>New flow</Button>
      <ModalDialog open={open} onOpenChange={setOpen} title="New flow" description="Name it and pick a starting point. You can change everything later." wide>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          className="flex flex-col gap-4"
          noValidate
        >
          <TextField label="Flow name" value={name} onChange={(event) => setName(event.target.value)} error={nameError} autoFocus />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Start from</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {options.map((option) => (
                <label
                  key={option.id}
                  className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${
                    startFrom === option.id ? "border-brand-600 bg-brand-50" : "border-slate-200 hover:bg-slate-50"
                  }`}
                >
                  <input type="radio" name="start-from" value={option.id} checked={startFrom === option.id} onChange={() => pick(option.id)} className="mt-1" />
                  <span>
                    <span className="block font-medium text-slate-900">{option.name}</span>
                    <span className="block text-xs text-slate-600">{option.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {formError ? (
            <p role="alert" className="text-sm text-red-700">
              {formError}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create flow"}
            </Button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
