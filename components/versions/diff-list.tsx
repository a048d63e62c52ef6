import type { FieldChange, FlowDiff } from "@/lib/flow/diff-flows";
import { describeDiff } from "@/lib/flow/diff-flows";

/** A diff as a readable list: steps and connections added, removed and changed, with the settings that changed. */
export function DiffList({ diff, fromLabel, toLabel }: { diff: FlowDiff; fromLabel: string; toLabel: string }) {
  const { nodes, connections } = diff;
  return (
    <div className="flex flex-col gap-4 text-sm" data-testid="diff-list">
      <p className="font-medium text-slate-800">
        From {fromLabel} to {toLabel}: {describeDiff(diff)}
      </p>
      {diff.same ? null : (
        <>
          <Section title="Steps added" tone="added" items={nodes.added.map((node) => ({ key: node.id, text: node.name }))} />
          <Section title="Steps removed" tone="removed" items={nodes.removed.map((node) => ({ key: node.id, text: node.name }))} />
          {nodes.changed.length > 0 ? (
            <section aria-label="Steps changed">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-amber-800 uppercase">Steps changed</h3>
              <ul className="flex flex-col gap-2">
                {nodes.changed.map((node) => (
                  <li key={node.id} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
                    <p className="font-medium text-amber-900">{node.name}</p>
                    <Changes changes={node.changes} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <Section
            title="Connections added"
            tone="added"
            items={connections.added.map((edge) => ({ key: edge.edgeId, text: edge.description }))}
          />
          <Section
            title="Connections removed"
            tone="removed"
            items={connections.removed.map((edge) => ({ key: edge.edgeId, text: edge.description }))}
          />
          <Section
            title="Connections changed"
            tone="changed"
            items={connections.changed.map((edge) => ({ key: edge.edgeId, text: edge.description }))}
          />
          {diff.flow.length > 0 ? (
            <section aria-label="Flow settings changed">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-amber-800 uppercase">Flow settings changed</h3>
              <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
                <Changes changes={diff.flow} />
              </div>
            </section>
          ) : null}
        </>
      )}
      {nodes.movedOnly.length > 0 ? (
        <p className="text-xs text-slate-500">
          {nodes.movedOnly.length === 1 ? "1 step was" : `${nodes.movedOnly.length} steps were`} only moved on the canvas.
        </p>
      ) : null}
    </div>
  );
}

const TONE_CLASSES = {
  added: { heading: "text-emerald-800", item: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  removed: { heading: "text-red-800", item: "border-red-200 bg-red-50 text-red-900 line-through decoration-red-400" },
  changed: { heading: "text-amber-800", item: "border-amber-200 bg-amber-50 text-amber-900" },
} as const;

function Section({ title, tone, items }: { title: string; tone: keyof typeof TONE_CLASSES; items: { key: string; text: string }[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3 className={`mb-1 text-xs font-semibold tracking-wide uppercase ${TONE_CLASSES[tone].heading}`}>{title}</h3>
      <ul className="flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.key} className={`rounded-md border px-3 py-1.5 ${TONE_CLASSES[tone].item}`}>
            {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Changes({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="mt-1 flex flex-col gap-1 text-slate-700">
      {changes.map((change) => (
        <li key={change.path}>
          <span className="font-medium">{change.label}</span>
          {change.before !== undefined || change.after !== undefined ? ": " : null}
          {change.before !== undefined ? <del className="text-red-700">{change.before}</del> : null}
          {change.before !== undefined && change.after !== undefined ? " → " : null}
          {change.after !== undefined ? <ins className="text-emerald-800 no-underline">{change.after}</ins> : null}
        </li>
      ))}
    </ul>
  );
}
