"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { flowSettingsSchema, type FlowSettings } from "@/lib/flow/flow-document";
import type { Issue } from "@/lib/flow/validate-flow";
import { useEditor } from "../editor-store-context";
import { SchemaField, type FormContext } from "./schema-form";
import { errorsByPath, focusFieldPath } from "./form-errors";
import { typingKey } from "./typing-key";

type Props = { issues: readonly Issue[]; context: Pick<FormContext, "fieldKeys" | "handoffNodes" | "allNodes"> };

/** Flow-wide settings: fields, minimum-context checklists per topic, escalation rules and the default handoff. */
export function SettingsPanel({ issues, context }: Props) {
  const readOnly = useEditor((state) => state.readOnly);
  const settings = useEditor((state) => state.document.settings);
  const name = useEditor((state) => state.document.name);
  const description = useEditor((state) => state.document.description);
  const updateSettings = useEditor((state) => state.updateSettings);
  const updateFlowMeta = useEditor((state) => state.updateFlowMeta);
  const focusRequest = useEditor((state) => state.focusRequest);
  const rootRef = useRef<HTMLDivElement>(null);

  const [draft, setDraft] = useState<unknown>(settings);
  const [own, setOwn] = useState<FlowSettings>(settings);
  if (settings !== own) {
    setOwn(settings);
    setDraft(settings);
  }
  const [nameDraft, setNameDraft] = useState(name);
  const [ownName, setOwnName] = useState(name);
  if (name !== ownName) {
    setOwnName(name);
    setNameDraft(name);
  }

  const parsed = useMemo(() => flowSettingsSchema.safeParse(draft), [draft]);
  const settingsIssues = useMemo(() => issues.filter((issue) => issue.nodeId === undefined), [issues]);
  const errors = useMemo(
    () =>
      errorsByPath(
        parsed.success ? [] : parsed.error.issues.map((issue) => ({ ...issue, path: ["settings", ...issue.path] })),
        0,
        settingsIssues,
      ),
    [parsed, settingsIssues],
  );

  function change(next: unknown) {
    setDraft(next);
    const result = flowSettingsSchema.safeParse(next);
    if (!result.success) return;
    setOwn(result.data);
    updateSettings(result.data, typingKey("settings", settings, result.data));
  }

  useEffect(() => {
    if (!focusRequest || focusRequest.nodeId !== null || !focusRequest.field || !rootRef.current) return;
    focusFieldPath(rootRef.current, focusRequest.field);
  }, [focusRequest]);

  const ctx: FormContext = {
    ...context,
    readOnly,
    errorsAt: (path) => errors.get(path) ?? [],
    limits: { isInteractive: false, categoriesAsButtons: false },
  };
  const nameError = nameDraft.trim() === "" ? "Give the flow a name" : undefined;

  return (
    <div ref={rootRef} className="flex flex-col gap-4" role="form" aria-label="Flow settings">
      <header>
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">⚙️ Flow settings</p>
        <p className="mt-1 text-xs text-slate-600">
          What the flow remembers about a customer, what must be known before a hand-off, and when a person takes over.
        </p>
      </header>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Flow name
        <input
          value={nameDraft}
          disabled={readOnly}
          data-field-path="name"
          aria-invalid={nameError ? true : undefined}
          onChange={(event) => {
            setNameDraft(event.target.value);
            const next = event.target.value.trim();
            if (next !== "" && next.length <= 120) {
              setOwnName(next);
              updateFlowMeta({ name: next });
            }
          }}
          className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal disabled:bg-slate-50"
        />
        {nameError ? <span className="text-xs font-normal text-red-700">{nameError}</span> : null}
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Description
        <textarea
          value={description}
          disabled={readOnly}
          rows={2}
          onChange={(event) => updateFlowMeta({ description: event.target.value.slice(0, 1000) })}
          className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal disabled:bg-slate-50"
        />
      </label>
      <SchemaField schema={flowSettingsSchema} value={draft} onChange={change} path={["settings"]} ctx={ctx} />
    </div>
  );
}
