"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { FlowCanvas } from "@/components/flow-canvas/flow-canvas";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { PhoneChat, type ChatInput } from "./phone-chat";
import { ContextPanel } from "./context-panel";
import { TracePanel } from "./trace-panel";
import { CasesPanel, type CaseActions } from "./cases-panel";
import { pathDecorations } from "./path-decorations";
import type { ActionResult, FlowOption } from "./flow-option";
import type { SimulatorView } from "./simulator-view";

type SessionInput = { sessionId: string };

export type WorkspaceActions = CaseActions & {
  send: (input: SessionInput & { input: ChatInput }) => Promise<ActionResult<SimulatorView>>;
  timeout: (input: SessionInput) => Promise<ActionResult<SimulatorView>>;
  restart: (input: SessionInput) => Promise<ActionResult<{ sessionId: string }>>;
  rewind: (input: SessionInput & { toStep: number }) => Promise<ActionResult<{ sessionId: string }>>;
  refresh: (input: SessionInput) => Promise<ActionResult<SimulatorView>>;
};

const PENDING_OUTBOX = new Set(["pending", "sending"]);

/** The simulator once a session runs: the phone on the left; canvas, context, trace and test cases beside it. */
export function SimulatorWorkspace({ initialView, flows, actions }: { initialView: SimulatorView; flows: FlowOption[]; actions: WorkspaceActions }) {
  const router = useRouter();
  const [view, setView] = useState(initialView);
  const [error, setError] = useState<string | null>(null);
  const [showJson, setShowJson] = useState(false);
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const sessionId = view.sessionId;
  const { refresh } = actions;

  const apply = (result: ActionResult<SimulatorView>) => {
    if (result.ok) {
      setView(result.value);
      setError(null);
    } else setError(result.error.message);
  };

  const run = (work: () => Promise<void>) => startTransition(work);
  const send = (input: ChatInput) => run(async () => apply(await actions.send({ sessionId, input })));
  const upload = (file: File) =>
    run(async () => {
      const form = new FormData();
      form.set("sessionId", sessionId);
      form.set("file", file);
      const response = await fetch("/simulator/upload", { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as { view?: SimulatorView; message?: string } | null;
      if (response.ok && body?.view) apply({ ok: true, value: body.view });
      else setError(body?.message ?? "The file could not be sent. Try again.");
    });
  const moveTo = (result: ActionResult<{ sessionId: string }>) => {
    if (result.ok) router.push(`/simulator?session=${result.value.sessionId}`);
    else setError(result.error.message);
  };

  // The outbox sender marks simulator rows sent moments after the commit; look again until it has.
  const waiting = view.lines.some((line) => line.from !== "customer" && line.status !== null && PENDING_OUTBOX.has(line.status));
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      void refresh({ sessionId }).then((result) => result.ok && setView(result.value));
    }, 700);
    return () => clearTimeout(timer);
  }, [waiting, refresh, sessionId]);

  const conversation = view.conversation;
  const decorations = useMemo(
    () => pathDecorations(view.flow.document, conversation?.path ?? [], conversation?.nodeId ?? null),
    [view.flow.document, conversation?.path, conversation?.nodeId],
  );
  const flow = flows.find((candidate) => candidate.id === view.flow.id);
  const customerFields = Object.entries(view.customer.fields);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Simulator</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span className="font-medium text-slate-900">{view.flow.name}</span>
            <Badge tone="blue">{view.flow.versionLabel}</Badge>
            <span>
              as {view.customer.name || "an unnamed customer"} ({view.customer.phone})
              {customerFields.length ? ` · ${customerFields.map(([key, value]) => `${key} = ${value}`).join(", ")}` : ""}
            </span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={busy} onClick={() => run(async () => moveTo(await actions.restart({ sessionId })))}>
            Restart
          </Button>
          <Button
            variant="secondary"
            disabled={busy || view.conversationStatus !== "active"}
            onClick={() => run(async () => apply(await actions.timeout({ sessionId })))}
            title="As if the customer went quiet for the flow's inactivity limit"
          >
            Simulate timeout
          </Button>
          <Button variant="secondary" aria-pressed={showJson} onClick={() => setShowJson(!showJson)}>
            {showJson ? "Hide JSON" : "Show JSON"}
          </Button>
          <Button variant="ghost" onClick={() => router.push(`/simulator?flow=${view.flow.id}`)}>
            New session
          </Button>
        </div>
      </div>

      {view.draftChanged ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The draft changed since this session started. This chat still runs the draft as it was.
          <Button variant="secondary" className="px-2 py-1 text-xs" disabled={busy} onClick={() => run(async () => moveTo(await actions.restart({ sessionId })))}>
            Restart with the latest draft
          </Button>
        </div>
      ) : null}

      <div className="flex flex-col gap-6 xl:flex-row xl:items-start">
        <PhoneChat view={view} showJson={showJson} busy={busy} error={error} onSend={send} onUpload={upload} />
        <div className="min-w-0 flex-1 space-y-4">
          <FlowCanvas
            document={view.flow.document}
            nodeDecorations={decorations.nodeDecorations}
            highlightedEdgeIds={decorations.highlightedEdgeIds}
            selectedNodeId={selectedNodeId}
            onSelectNode={setSelectedNodeId}
            height="26rem"
            label={`Flow of ${view.flow.versionLabel}, with the path taken`}
          />
          <ContextPanel view={view} />
          <TracePanel view={view} busy={busy} onRewind={(toStep) => run(async () => moveTo(await actions.rewind({ sessionId, toStep })))} />
          <CasesPanel sessionId={sessionId} flow={flow} actions={actions} />
        </div>
      </div>
    </div>
  );
}
