"use client";

import { Button } from "@/components/ui/button";
import type { SimulatorStep, SimulatorView } from "./simulator-view";
import { nodeName } from "./path-decorations";

function describeInput(step: SimulatorStep): string {
  if (step.input.kind === "timeout") return "Inactivity timeout";
  const input = step.input.input;
  switch (input.kind) {
    case "text":
      return step.usesCode ? "Typed the one-time code" : `Typed “${input.text}”`;
    case "choice":
      return `Tapped “${input.title}”`;
    case "media":
      return `Sent ${input.filename ?? input.mediaType} (${input.mimeType})`;
    case "location":
      return "Shared a location";
    case "unsupported":
      return `Sent a ${input.type}`;
    default: {
      const never: never = input;
      return never;
    }
  }
}

/** Every step: what the customer did, each engine step (input, node, outputs, events) and how long it took. */
export function TracePanel({ view, busy, onRewind }: { view: SimulatorView; busy: boolean; onRewind: (step: number) => void }) {
  const document = view.flow.document;
  return (
    <section aria-labelledby="sim-trace" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="sim-trace" className="text-sm font-semibold text-slate-900">
        Trace
      </h2>
      {view.steps.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">Each customer message will appear here with what the flow did.</p>
      ) : (
        <ol className="mt-2 space-y-2" data-testid="trace">
          {view.steps.map((step) => (
            <li key={step.index} className="rounded-lg border border-slate-100 bg-slate-50/60 p-2">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
                  <span className="font-mono text-xs text-slate-500">#{step.index}</span>
                  <span className="font-medium text-slate-900">{describeInput(step)}</span>
                  <span className="text-slate-500">→ {nodeName(document, step.nodeAfter)}</span>
                  <span className="ml-auto text-xs text-slate-500">{step.turnMs} ms</span>
                </summary>
                <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3 text-xs">
                  {step.engine.map((entry, index) => (
                    <li key={index}>
                      <p className="text-slate-800">
                        <span className="font-medium">{entry.input}</span> · {nodeName(document, entry.nodeBefore)} → {nodeName(document, entry.nodeAfter)} ({entry.status}) ·{" "}
                        {entry.ms} ms in the engine
                      </p>
                      {entry.outputs.length ? (
                        <ul className="mt-0.5 list-disc pl-4 text-slate-700">
                          {entry.outputs.map((output, at) => (
                            <li key={at} className="whitespace-pre-wrap">
                              {output}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {entry.events.length ? (
                        <p className="mt-0.5 font-mono text-[11px] text-slate-500">
                          {entry.events.map((event) => `${event.type}${event.nodeId ? `@${event.nodeId}` : ""}${event.port ? `:${event.port}` : ""}`).join(" · ")}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </details>
              <Button variant="ghost" className="mt-1 px-2 py-1 text-xs" disabled={busy} onClick={() => onRewind(step.index)}>
                Go back to before step {step.index}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
