"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import { flowNodeSchema, nodeSchemaByType, type FlowNode } from "@/lib/flow/flow-node";
import type { Issue } from "@/lib/flow/validate-flow";
import { catalogEntry, nodeDisplayName } from "@/lib/flow/node-catalog";
import { useEditor } from "../editor-store-context";
import { SchemaField, type FormContext } from "./schema-form";
import { errorsByPath, focusFieldPath } from "./form-errors";
import { previewMessages } from "./preview-messages";
import { WhatsAppPreview } from "./whatsapp-preview";
import { typingKey } from "./typing-key";

type Props = {
  node: FlowNode;
  issues: readonly Issue[];
  context: Pick<FormContext, "fieldKeys" | "handoffNodes" | "allNodes">;
};

/**
 * The form for one step. Edits are checked against the node's schema as they are typed; only a value that
 * parses reaches the draft, so the canvas and autosave always hold a well-formed flow.
 */
export const NodeInspector = memo(function NodeInspector({ node, issues, context }: Props) {
  const readOnly = useEditor((state) => state.readOnly);
  const updateNodeData = useEditor((state) => state.updateNodeData);
  const updateNodeBase = useEditor((state) => state.updateNodeBase);
  const deleteElements = useEditor((state) => state.deleteElements);
  const focusRequest = useEditor((state) => state.focusRequest);
  const rootRef = useRef<HTMLDivElement>(null);

  // The text being typed, which may not parse yet; reset when the draft changes from elsewhere (undo, paste).
  const [draft, setDraft] = useState<unknown>(node.data);
  const [ownData, setOwnData] = useState<FlowNode["data"]>(node.data);
  if (node.data !== ownData) {
    setOwnData(node.data);
    setDraft(node.data);
  }

  const candidate = useMemo(() => flowNodeSchema.safeParse({ ...node, data: draft }), [node, draft]);
  const errors = useMemo(
    () => errorsByPath(candidate.success ? [] : candidate.error.issues, 1, issues),
    [candidate, issues],
  );
  const previewNode = candidate.success ? candidate.data : node;

  function change(next: unknown) {
    setDraft(next);
    const parsed = flowNodeSchema.safeParse({ ...node, data: next });
    if (!parsed.success) return;
    setOwnData(parsed.data.data);
    updateNodeData(node.id, parsed.data.data, typingKey(`data:${node.id}`, node.data, parsed.data.data));
  }

  useEffect(() => {
    if (!focusRequest || focusRequest.nodeId !== node.id || !rootRef.current) return;
    if (focusRequest.field) focusFieldPath(rootRef.current, focusRequest.field);
    else rootRef.current.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }, [focusRequest, node.id]);

  const entry = catalogEntry(node.type);
  const answerKind = node.type === "ask" ? node.data.answer.kind : undefined;
  const ctx: FormContext = {
    ...context,
    readOnly,
    errorsAt: (path) => errors.get(path) ?? [],
    limits: {
      isInteractive: answerKind === "buttons" || answerKind === "list" || node.type === "categorize" || node.type === "schedule",
      categoriesAsButtons: node.type === "categorize" && node.data.display === "buttons",
    },
  };
  const general = issues.filter((issue) => issue.field === undefined || issue.code === "schema");

  return (
    <div ref={rootRef} className="flex flex-col gap-4" aria-label={`Settings of ${nodeDisplayName(node)}`} role="form">
      <header>
        <p className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <span aria-hidden>{entry.icon}</span> {entry.label}
        </p>
        <p className="mt-1 text-xs text-slate-600">{entry.description}</p>
      </header>

      {issues.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-2.5 text-xs" role="status">
          <p className="font-semibold text-amber-900">
            {issues.length} {issues.length === 1 ? "thing needs" : "things need"} attention before publishing
          </p>
          {general.length > 0 ? (
            <ul className="mt-1 list-disc pl-4 text-amber-900">
              {general.map((issue, index) => (
                <li key={index}>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Step name
        <input
          value={node.title ?? ""}
          placeholder={entry.label}
          disabled={readOnly}
          data-field-path="title"
          onChange={(event) => updateNodeBase(node.id, { title: event.target.value.slice(0, 80) })}
          className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50"
        />
      </label>

      <SchemaField schema={nodeSchemaByType[node.type].shape.data} value={draft} onChange={change} path={[]} ctx={ctx} />

      {node.type === "start" ? null : (
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="mt-1"
            checked={node.sensitive === true}
            disabled={readOnly}
            onChange={(event) => updateNodeBase(node.id, { sensitive: event.target.checked })}
          />
          <span>
            Only for verified customers
            <span className="block text-xs text-slate-500">Unverified customers are handed to an agent instead.</span>
          </span>
        </label>
      )}

      <WhatsAppPreview messages={previewMessages(previewNode)} />

      {readOnly || node.type === "start" ? null : (
        <button
          type="button"
          onClick={() => deleteElements([node.id], [])}
          className="self-start rounded-md border border-red-200 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
        >
          Delete this step
        </button>
      )}
    </div>
  );
}, isSameForm);

/** Moving a step changes only its position, which the form does not show: skip those re-renders. */
function isSameForm(before: Props, after: Props): boolean {
  return (
    before.node.id === after.node.id &&
    before.node.data === after.node.data &&
    before.node.title === after.node.title &&
    before.node.sensitive === after.node.sensitive &&
    before.issues === after.issues &&
    before.context === after.context
  );
}
