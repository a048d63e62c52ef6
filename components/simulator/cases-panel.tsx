"use client";

import { useCallback, useEffect, useId, useState, useTransition } from "react";
import { parseConversationCases, type ConversationCase } from "@/lib/flow/conversation-case";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult, FlowOption } from "./flow-option";
import type { ReplayReport, VersionChoice } from "./simulator-view";
import { choiceOptions, decodeChoice } from "./version-choice";

export type SavedCase = { id: string; name: string; createdAt: string; content: unknown };

export type CaseActions = {
  saveCase: (input: { sessionId: string; name: string }) => Promise<ActionResult<{ caseId: string; content: unknown }>>;
  listCases: (input: { flowId: string }) => Promise<ActionResult<SavedCase[]>>;
  deleteCase: (input: { caseId: string }) => Promise<ActionResult<boolean>>;
  replay: (input: { flowId: string; choice: VersionChoice; testCase: ConversationCase }) => Promise<ActionResult<ReplayReport>>;
};

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function download(name: string, content: unknown) {
  const blob = new Blob([JSON.stringify(content, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name.replace(/[^\w-]+/g, "-").toLowerCase() || "case"}.conversation.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Save the conversation as a test case (flows-as-code format) and replay saved cases against any version. */
export function CasesPanel({ sessionId, flow, actions }: { sessionId: string; flow: FlowOption | undefined; actions: CaseActions }) {
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const [cases, setCases] = useState<SavedCase[]>([]);
  const [choice, setChoice] = useState(choiceOptions(flow)[0]?.value ?? "draft");
  const [report, setReport] = useState<ReplayReport | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const versionId = useId();
  const fileId = useId();
  const flowId = flow?.id;
  const { listCases } = actions;

  const reload = useCallback(async () => {
    if (!flowId) return;
    const listed = await listCases({ flowId });
    if (listed.ok) setCases(listed.value);
  }, [flowId, listCases]);

  useEffect(() => {
    startTransition(reload);
  }, [reload]);

  const save = () => {
    if (name.trim() === "") {
      setNameError("Name the test case");
      return;
    }
    setNameError(undefined);
    startTransition(async () => {
      const saved = await actions.saveCase({ sessionId, name: name.trim() });
      if (!saved.ok) {
        setMessage({ tone: "error", text: saved.error.message });
        return;
      }
      setMessage({ tone: "ok", text: `Saved “${name.trim()}”.` });
      setName("");
      await reload();
    });
  };

  const replay = (testCase: ConversationCase) => {
    if (!flowId) return;
    startTransition(async () => {
      const result = await actions.replay({ flowId, choice: decodeChoice(choice), testCase });
      if (result.ok) {
        setReport(result.value);
        setMessage(null);
      } else setMessage({ tone: "error", text: result.error.message });
    });
  };

  const replaySaved = (saved: SavedCase) => {
    const parsed = parseConversationCases(JSON.stringify(saved.content));
    const [first] = parsed.ok ? parsed.value : [];
    if (first) replay(first);
    else setMessage({ tone: "error", text: `“${saved.name}” cannot be read by this release.` });
  };

  const replayFile = async (file: File) => {
    const parsed = parseConversationCases(await file.text());
    if (!parsed.ok) {
      setMessage({ tone: "error", text: `That file is not a conversation case: ${parsed.error.map((problem) => `${problem.path || "file"}: ${problem.message}`).join("; ")}` });
      return;
    }
    const [first] = parsed.value;
    if (first) replay(first);
  };

  return (
    <section aria-labelledby="sim-cases" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="sim-cases" className="text-sm font-semibold text-slate-900">
        Test cases
      </h2>
      <form
        className="mt-2 flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <TextField label="Test case name" value={name} onChange={(event) => setName(event.target.value)} error={nameError} className="flex-1" />
        <Button type="submit" variant="secondary" disabled={pending}>
          Save as test case
        </Button>
      </form>

      <div className="mt-4 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={versionId} className="text-xs font-medium text-slate-700">
            Replay against
          </label>
          <select id={versionId} className={selectClass} value={choice} onChange={(event) => setChoice(event.target.value)}>
            {choiceOptions(flow).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={fileId} className="cursor-pointer rounded-md border border-dashed border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          Replay a case file…
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void replayFile(file);
            event.target.value = "";
          }}
        />
      </div>

      {cases.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No saved cases for this flow yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="Saved test cases">
          {cases.map((saved) => (
            <li key={saved.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <span className="flex-1 font-medium text-slate-900">{saved.name}</span>
              <Button variant="secondary" className="px-2 py-1 text-xs" disabled={pending} onClick={() => replaySaved(saved)} aria-label={`Replay ${saved.name}`}>
                Replay
              </Button>
              <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => download(saved.name, saved.content)} aria-label={`Download ${saved.name}`}>
                Download
              </Button>
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs text-red-700"
                disabled={pending}
                aria-label={`Delete ${saved.name}`}
                onClick={() =>
                  startTransition(async () => {
                    await actions.deleteCase({ caseId: saved.id });
                    await reload();
                  })
                }
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}

      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={`mt-3 text-sm ${message.tone === "error" ? "text-red-700" : "text-brand-800"}`}>
          {message.text}
        </p>
      ) : null}

      {report ? <ReplayTable report={report} /> : null}
    </section>
  );
}

function ReplayTable({ report }: { report: ReplayReport }) {
  const failed = report.steps.filter((step) => step.failures.length > 0).length;
  return (
    <div className="mt-4" data-testid="replay-report">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={report.passed ? "green" : "red"}>{report.passed ? "Passed" : "Differs"}</Badge>
        <span className="font-medium text-slate-900">{report.name}</span>
        <span className="text-slate-500">
          on {report.versionLabel} · {report.steps.length - failed} of {report.steps.length} steps match
        </span>
      </p>
      {report.outcomeFailure ? <p className="mt-1 text-sm text-red-700">{report.outcomeFailure}</p> : null}
      <table className="mt-2 w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-2 font-medium">Step</th>
            <th className="py-1 pr-2 font-medium">Customer</th>
            <th className="py-1 pr-2 font-medium">Bot replied</th>
            <th className="py-1 font-medium">Result</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {report.steps.map((step) => (
            <tr key={step.index} className={step.failures.length ? "bg-red-50/60" : ""}>
              <td className="py-1 pr-2 font-mono">{step.index}</td>
              <td className="py-1 pr-2">{step.said}</td>
              <td className="py-1 pr-2 whitespace-pre-wrap">{step.replies.join("\n—\n") || "(nothing)"}</td>
              <td className="py-1">
                {step.failures.length === 0 ? (
                  <span className="text-brand-800">✓ Same</span>
                ) : (
                  <ul className="text-red-800">
                    {step.failures.map((failure, index) => (
                      <li key={index}>✗ {failure}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
