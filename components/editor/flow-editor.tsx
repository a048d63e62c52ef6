"use client";

import "@xyflow/react/dist/style.css";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { NodeType } from "@/lib/flow/flow-node";
import { catalogEntry, nodeDisplayName } from "@/lib/flow/node-catalog";
import { exportFlowJson } from "@/lib/flow/flow-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { createEditorStore } from "./editor-store";
import { EditorStoreProvider, useEditor, useEditorStoreApi } from "./editor-store-context";
import { CANVAS_DROP_ID, EditorCanvas } from "./editor-canvas";
import { Palette, type PaletteDragData } from "./palette";
import { useFlowIssues } from "./use-flow-issues";
import { conflictCopyKey, useAutosave, type SaveStatus } from "./use-autosave";
import { NodeInspector } from "./inspector/node-inspector";
import { SettingsPanel } from "./inspector/settings-panel";
import { ValidationPanel } from "./validation-panel";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { ImportButton } from "./import-dialog";
import { PublishDialog, type PublishAction } from "@/components/versions/publish-dialog";
import { layoutFlow } from "./auto-layout";
import type { SaveDraftAction } from "./editor-actions";

export type FlowEditorProps = {
  flowId: string;
  revision: number;
  document: FlowDocument;
  readOnly: boolean;
  liveVersionNumber: number | null;
  saveDraft: SaveDraftAction;
  publish: PublishAction;
};

/** The builder: palette, canvas and inspector around one store; the page hands in the draft and the server actions. */
export function FlowEditor(props: FlowEditorProps) {
  const [store] = useState(() => createEditorStore(props.document, { readOnly: props.readOnly }));
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout {...props} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

/**
 * The copy a conflict left behind, read once per page load: the banner is for after the reload, not for the
 * session that just lost the conflict.
 */
const keptCopies = new Map<string, string | null>();
function keptCopyAtLoad(flowId: string): string | null {
  if (!keptCopies.has(flowId)) keptCopies.set(flowId, window.localStorage.getItem(conflictCopyKey(flowId)));
  return keptCopies.get(flowId) ?? null;
}

/** Of the kept copy, only the steps that differ from the reloaded draft: pasting the rest would duplicate them. */
function onlyChangedSteps(copy: string, current: FlowDocument): string {
  let value: unknown;
  try {
    value = JSON.parse(copy);
  } catch {
    return copy;
  }
  if (typeof value !== "object" || value === null || !("nodes" in value) || !Array.isArray(value.nodes)) return copy;
  const same = new Set(current.nodes.map((node) => JSON.stringify(node)));
  const changed: unknown[] = value.nodes.filter((node: unknown) => !same.has(JSON.stringify(node)));
  return JSON.stringify({ ...value, nodes: changed });
}

function subscribeToStorage(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

const isEditableTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

function EditorLayout({ flowId, revision, readOnly, liveVersionNumber: initialLive, saveDraft, publish }: FlowEditorProps) {
  const store = useEditorStoreApi();
  // While a drag is in progress the frame around the canvas keeps the pre-drag draft: positions are the canvas's
  // business, and re-rendering the toolbar, palette and inspector on every frame made drags stutter.
  const document = useEditor((state) => state.dragOrigin ?? state.document);
  const selectedNodeIds = useEditor((state) => state.selectedNodeIds);
  const panel = useEditor((state) => state.panel);
  const showPanel = useEditor((state) => state.showPanel);
  const issues = useFlowIssues(document);
  const { status, saveNow } = useAutosave(store, { flowId, revision, save: saveDraft, enabled: !readOnly });
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [snapToGrid, setSnapToGrid] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [liveVersion, setLiveVersion] = useState(initialLive);
  const [draggingType, setDraggingType] = useState<NodeType | null>(null);
  const [isCopyDismissed, setCopyDismissed] = useState(false);
  // localStorage exists only in the browser; the server renders no banner.
  const storedCopy = useSyncExternalStore(
    subscribeToStorage,
    () => keptCopyAtLoad(flowId),
    () => null,
  );
  const keptCopy = readOnly || isCopyDismissed ? null : storedCopy;

  const addAtCentre = useCallback(
    (type: NodeType) => {
      const canvas = window.document.querySelector("[data-testid=editor-canvas]")?.getBoundingClientRect();
      const centre = canvas ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 } : { x: 400, y: 300 };
      const position = screenToFlowPosition(centre);
      const { document: current, measured } = store.getState();
      store.getState().addNode(type, freeSpotNear({ x: position.x - 120, y: position.y - 60 }, current.nodes, measured));
    },
    [screenToFlowPosition, store],
  );

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor));
  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as PaletteDragData | undefined;
    setDraggingType(data?.nodeType ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDraggingType(null);
    const data = event.active.data.current as PaletteDragData | undefined;
    if (!data || event.over?.id !== CANVAS_DROP_ID) return;
    const start = event.activatorEvent;
    const rect = event.active.rect.current.translated;
    // The pointer's drop point when there is one; a keyboard drag drops where the dragged card ended up.
    const point =
      start instanceof MouseEvent || (typeof PointerEvent !== "undefined" && start instanceof PointerEvent)
        ? { x: start.clientX + event.delta.x, y: start.clientY + event.delta.y }
        : rect
          ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
          : null;
    if (!point) return;
    const position = screenToFlowPosition(point);
    store.getState().addNode(data.nodeType, { x: Math.round(position.x - 20), y: Math.round(position.y - 18) });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isEditableTarget(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "z") {
        event.preventDefault();
        if (event.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (mod && key === "y") {
        event.preventDefault();
        store.getState().redo();
      } else if (mod && key === "a") {
        event.preventDefault();
        store.getState().selectAll();
      } else if (event.key === "?") {
        setHelpOpen(true);
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target)) return;
      const text = store.getState().copySelection();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
      if (event.type === "cut") store.getState().deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target) || readOnly) return;
      const text = event.clipboardData?.getData("text/plain");
      if (text && store.getState().paste(text)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    window.document.addEventListener("copy", onCopy);
    window.document.addEventListener("cut", onCopy);
    window.document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.document.removeEventListener("copy", onCopy);
      window.document.removeEventListener("cut", onCopy);
      window.document.removeEventListener("paste", onPaste);
    };
  }, [store, readOnly]);

  const selectedNode = useMemo(
    () => (selectedNodeIds.length === 1 ? document.nodes.find((node) => node.id === selectedNodeIds[0]) : undefined),
    [document.nodes, selectedNodeIds],
  );
  // Keyed on names and types only, so moving a step does not re-render the inspector.
  const nodeOptionsKey = document.nodes.map((node) => `${node.id}\u0000${node.type}\u0000${nodeDisplayName(node)}`).join("\u0001");
  const fields = document.settings.fields;
  const formContext = useMemo(() => {
    const options = nodeOptionsKey === "" ? [] : nodeOptionsKey.split("\u0001").map((entry) => entry.split("\u0000"));
    return {
      fieldKeys: fields.map((field) => field.key),
      handoffNodes: options.filter(([, type]) => type === "handoff").map(([id = "", , label = ""]) => ({ id, label })),
      allNodes: options.map(([id = "", , label = ""]) => ({ id, label })),
    };
  }, [nodeOptionsKey, fields]);
  const selectedNodeId = selectedNode?.id;
  const nodeIssues = useMemo(
    () => (selectedNodeId === undefined ? [] : issues.report.issues.filter((issue) => issue.nodeId === selectedNodeId)),
    [issues.report.issues, selectedNodeId],
  );

  async function tidyUp() {
    const positions = await layoutFlow(store.getState().document, store.getState().measured);
    store.getState().setPositions(positions);
    window.requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 300, maxZoom: 1 }));
  }

  function exportFile() {
    const blob = new Blob([exportFlowJson(store.getState().document)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = window.document.createElement("a");
    link.href = url;
    link.download = `${document.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "flow"}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  async function saveBeforePublishing(): Promise<string | null> {
    return (await saveNow()) ? null : "The latest changes could not be saved, so nothing was published. Check the message at the top.";
  }

  const errorCount = issues.errors.length;
  const publishBlockedReason =
    errorCount > 0 ? `Fix ${errorCount} ${errorCount === 1 ? "problem" : "problems"} before publishing` : status.kind === "conflict" ? "Reload first: someone else changed this flow" : undefined;

  return (
    <div className="relative left-1/2 -mt-6 flex h-[calc(100vh-5.5rem)] w-[calc(100vw-1rem)] -translate-x-1/2 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2" role="toolbar" aria-label="Flow editor">
        <Link href="/flows" className="text-sm text-slate-600 hover:text-slate-900">
          ← Flows
        </Link>
        <h1 className="max-w-72 truncate text-base font-semibold text-slate-900">{document.name}</h1>
        {liveVersion === null ? <Badge>Not published</Badge> : <Badge tone="green">Version {liveVersion} live</Badge>}
        {readOnly ? <Badge tone="blue">View only</Badge> : <SaveIndicator status={status} />}
        <div className="ml-auto flex flex-wrap items-center gap-1">
          {readOnly ? null : (
            <>
              <ToolbarButton label="Undo" shortcut="Ctrl+Z" onClick={() => store.getState().undo()} disabledWhen={(s) => s.past.length === 0} />
              <ToolbarButton label="Redo" shortcut="Shift+Ctrl+Z" onClick={() => store.getState().redo()} disabledWhen={(s) => s.future.length === 0} />
              <Button variant="ghost" onClick={() => void tidyUp()} title="Arrange the steps neatly from left to right">
                Tidy up
              </Button>
              <label className="flex items-center gap-1.5 px-2 text-sm text-slate-700">
                <input type="checkbox" checked={snapToGrid} onChange={(event) => setSnapToGrid(event.target.checked)} />
                Snap to grid
              </label>
            </>
          )}
          <Button variant="ghost" onClick={() => void fitView({ padding: 0.15, duration: 300, maxZoom: 1 })}>
            Fit view
          </Button>
          <Button variant="ghost" onClick={exportFile}>
            Export
          </Button>
          {readOnly ? null : <ImportButton onImport={(imported) => store.getState().replaceDocument(imported)} />}
          <Link href={`/flows/${flowId}/versions`} className="rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            Versions
          </Link>
          <Button variant="ghost" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </Button>
          {readOnly ? null : (
            <PublishDialog
              flowId={flowId}
              publish={publish}
              disabledReason={publishBlockedReason}
              beforePublish={saveBeforePublishing}
              onPublished={(version) => setLiveVersion(version.number)}
            />
          )}
        </div>
      </div>

      {status.kind === "conflict" ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          <span className="flex-1">{status.message}</span>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      ) : null}
      {status.kind === "error" ? (
        <div role="alert" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <span>{status.message}</span>
          {status.problems.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {status.problems.slice(0, 5).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          <Button variant="secondary" className="ml-3" onClick={() => void saveNow()}>
            Try again
          </Button>
        </div>
      ) : null}
      {keptCopy !== null ? (
        <div role="status" className="flex flex-wrap items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
          <span className="flex-1">Your unsaved steps from before the reload are kept. Paste them onto the canvas to bring your change back.</span>
          <Button
            variant="secondary"
            onClick={() => {
              store.getState().paste(onlyChangedSteps(keptCopy, store.getState().document));
              window.localStorage.removeItem(conflictCopyKey(flowId));
              setCopyDismissed(true);
            }}
          >
            Paste my steps
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              window.localStorage.removeItem(conflictCopyKey(flowId));
              setCopyDismissed(true);
            }}
          >
            Discard
          </Button>
        </div>
      ) : null}

      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDraggingType(null)}>
        <div className="flex min-h-0 flex-1">
          {readOnly ? null : (
            <aside className="w-64 shrink-0 border-r border-slate-200 bg-slate-50">
              <Palette onAdd={addAtCentre} />
            </aside>
          )}
          <main className="relative min-w-0 flex-1" aria-label="Canvas">
            <EditorCanvas issues={issues.byNode} snapToGrid={snapToGrid} />
          </main>
          <aside className="flex w-96 shrink-0 flex-col border-l border-slate-200 bg-white" aria-label="Inspector">
            <div role="tablist" aria-label="Inspector sections" className="flex border-b border-slate-200 text-sm">
              <PanelTab id="node" label="Step" current={panel} onSelect={showPanel} />
              <PanelTab id="settings" label="Flow settings" current={panel} onSelect={showPanel} />
              <PanelTab
                id="problems"
                label={`Problems${issues.report.issues.length > 0 ? ` (${issues.report.issues.length})` : ""}`}
                current={panel}
                onSelect={showPanel}
                tone={errorCount > 0 ? "red" : undefined}
              />
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto" role="tabpanel">
              {panel === "problems" ? (
                <ValidationPanel errors={issues.errors} warnings={issues.warnings} />
              ) : panel === "settings" ? (
                <div className="p-3">
                  <SettingsPanel issues={issues.report.issues} context={formContext} />
                </div>
              ) : selectedNode ? (
                <div className="p-3">
                  <NodeInspector key={selectedNode.id} node={selectedNode} issues={nodeIssues} context={formContext} />
                </div>
              ) : (
                <p className="p-4 text-sm text-slate-600">
                  {selectedNodeIds.length > 1
                    ? `${selectedNodeIds.length} steps selected. Press Delete to remove them, or Ctrl+C to copy them.`
                    : readOnly
                      ? "Select a step to see how it is set up."
                      : "Select a step to edit it, or drag one in from the left. Connect steps by dragging from an outcome dot to the next step."}
                </p>
              )}
            </div>
          </aside>
        </div>
        <DragOverlay dropAnimation={null}>
          {draggingType ? (
            <div className="w-56 rounded-lg border border-brand-600 bg-white p-2 text-sm font-medium shadow-lg">
              <span aria-hidden>{catalogEntry(draggingType).icon}</span> {catalogEntry(draggingType).label}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}

const NEW_NODE_SIZE = { width: 240, height: 150 };

/** The nearest place to `wanted` where a new card does not cover an existing one (searched outwards in rings). */
function freeSpotNear(
  wanted: { x: number; y: number },
  nodes: FlowDocument["nodes"],
  measured: Readonly<Record<string, { width: number; height: number }>>,
): { x: number; y: number } {
  const overlaps = (x: number, y: number) =>
    nodes.some((node) => {
      const size = measured[node.id] ?? NEW_NODE_SIZE;
      return x < node.position.x + size.width + 20 && x + NEW_NODE_SIZE.width + 20 > node.position.x && y < node.position.y + size.height + 20 && y + NEW_NODE_SIZE.height + 20 > node.position.y;
    });
  const step = 40;
  for (let ring = 0; ring < 30; ring += 1) {
    for (let dx = -ring; dx <= ring; dx += 1) {
      for (let dy = -ring; dy <= ring; dy += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = Math.round(wanted.x + dx * step);
        const y = Math.round(wanted.y + dy * step);
        if (!overlaps(x, y)) return { x, y };
      }
    }
  }
  return { x: Math.round(wanted.x), y: Math.round(wanted.y) };
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.kind === "saved"
      ? "All changes saved"
      : status.kind === "saving"
        ? "Saving…"
        : status.kind === "unsaved"
          ? "Unsaved changes"
          : status.kind === "conflict"
            ? "Not saved: someone else changed this flow"
            : "Couldn't save";
  const tone = status.kind === "saved" ? "text-slate-500" : status.kind === "error" || status.kind === "conflict" ? "text-red-700" : "text-amber-700";
  return (
    <span className={`text-xs ${tone}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}

function ToolbarButton({
  label,
  shortcut,
  onClick,
  disabledWhen,
}: {
  label: string;
  shortcut: string;
  onClick: () => void;
  disabledWhen: (state: { past: readonly unknown[]; future: readonly unknown[] }) => boolean;
}) {
  const disabled = useEditor(disabledWhen);
  return (
    <Button variant="ghost" onClick={onClick} disabled={disabled} title={`${label} (${shortcut})`}>
      {label}
    </Button>
  );
}

function PanelTab<T extends string>({ id, label, current, onSelect, tone }: { id: T; label: string; current: string; onSelect: (id: T) => void; tone?: "red" }) {
  const isCurrent = id === current;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={isCurrent}
      onClick={() => onSelect(id)}
      className={`flex-1 px-3 py-2 font-medium ${isCurrent ? "border-b-2 border-brand-600 text-slate-900" : "text-slate-500 hover:text-slate-800"} ${tone === "red" ? "text-red-700" : ""}`}
    >
      {label}
    </button>
  );
}
