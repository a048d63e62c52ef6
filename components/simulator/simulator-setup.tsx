"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { startSimulationSchema } from "./simulator-input";
import type { ActionResult, FlowOption } from "./flow-option";
import { choiceOptions, decodeChoice } from "./version-choice";

type StartInput = z.input<typeof startSimulationSchema>;
type FieldRow = { key: string; value: string };

const selectClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100";

/** Step 1: which flow and version to talk to, and who the simulated customer is. */
export function SimulatorSetup({
  flows,
  initialFlowId,
  start,
}: {
  flows: FlowOption[];
  initialFlowId: string | null;
  start: (input: StartInput) => Promise<ActionResult<{ sessionId: string }>>;
}) {
  const router = useRouter();
  const ids = { flow: useId(), version: useId() };
  const [flowId, setFlowId] = useState(flows.find((flow) => flow.id === initialFlowId)?.id ?? flows[0]?.id ?? "");
  const flow = flows.find((candidate) => candidate.id === flowId);
  const options = choiceOptions(flow);
  const [choice, setChoice] = useState(options[0]?.value ?? "draft");
  const [name, setName] = useState("Sam Customer");
  const [phone, setPhone] = useState("+15550100100");
  const [fields, setFields] = useState<FieldRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const pickFlow = (id: string) => {
    setFlowId(id);
    setChoice(choiceOptions(flows.find((candidate) => candidate.id === id))[0]?.value ?? "draft");
  };

  const submit = () => {
    const input: StartInput = { flowId, choice: decodeChoice(choice), customer: { name, phone, fields } };
    const parsed = startSimulationSchema.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join(".")] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    setFailure(null);
    startTransition(async () => {
      const result = await start(parsed.data);
      if (result.ok) router.push(`/simulator?session=${result.value.sessionId}`);
      else setFailure(result.error.message);
    });
  };

  return (
    <form
      className="max-w-2xl space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-xs"
      aria-label="Start a simulated conversation"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.flow} className="text-sm font-medium text-slate-700">
            Flow
          </label>
          <select id={ids.flow} className={selectClass} value={flowId} onChange={(event) => pickFlow(event.target.value)}>
            {flows.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          {errors.flowId ? <p className="text-xs text-red-700">{errors.flowId}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.version} className="text-sm font-medium text-slate-700">
            Version
          </label>
          <select id={ids.version} className={selectClass} value={choice} onChange={(event) => setChoice(event.target.value)}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Customer name" value={name} onChange={(event) => setName(event.target.value)} error={errors["customer.name"]} />
        <TextField
          label="Customer phone"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={errors["customer.phone"]}
          hint="Any number: nothing is sent to a real phone."
          inputMode="tel"
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Extra customer fields</legend>
        <p className="text-xs text-slate-500">Known before the chat starts, as if from your CRM — for example tier = vip to try the VIP rule.</p>
        {fields.map((row, index) => (
          <div key={index} className="flex items-start gap-2">
            <TextField
              label={`Field ${index + 1} name`}
              value={row.key}
              placeholder="tier"
              onChange={(event) => setFields(fields.map((item, at) => (at === index ? { ...item, key: event.target.value } : item)))}
              error={errors[`customer.fields.${index}.key`]}
              className="flex-1"
            />
            <TextField
              label={`Field ${index + 1} value`}
              value={row.value}
              placeholder="vip"
              onChange={(event) => setFields(fields.map((item, at) => (at === index ? { ...item, value: event.target.value } : item)))}
              error={errors[`customer.fields.${index}.value`]}
              className="flex-1"
            />
            <Button variant="ghost" className="mt-6" aria-label={`Remove field ${index + 1}`} onClick={() => setFields(fields.filter((_, at) => at !== index))}>
              ✕
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setFields([...fields, { key: "", value: "" }])} disabled={fields.length >= 20}>
          Add a field
        </Button>
      </fieldset>

      {failure ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure}
        </p>
      ) : null}
      <Button type="submit" disabled={pending || !flowId}>
        {pending ? "Starting…" : "Start"}
      </Button>
    </form>
  );
}
