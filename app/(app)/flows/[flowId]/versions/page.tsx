import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { grants } from "@/lib/auth/roles";
import { getFlowVersionsOverview } from "@/db/queries/versions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { RestoreDraftButton } from "@/components/versions/restore-draft-button";
import { RollbackDialog } from "@/components/versions/rollback-dialog";
import { PublishDialog } from "@/components/versions/publish-dialog";
import { publishFlowAction } from "../publish-actions";

export const metadata: Metadata = { title: "Version history" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function VersionsPage({ params }: { params: Promise<{ flowId: string }> }) {
  const actor = await requirePageRole("viewer");
  const { flowId } = await params;
  const overview = await getFlowVersionsOverview(actor, flowId);
  if (!overview) notFound();
  const { flow, versions } = overview;
  const canEdit = grants(actor.role, "editor");
  const canRollBack = grants(actor.role, "admin");
  const live = versions.find((version) => version.isLive);

  return (
    <>
      <PageHeader
        title={`${flow.name} · version history`}
        description="Every publish is kept as an immutable version. New conversations use the live one; running conversations stay on the version they started on."
        actions={
          <>
            <Link href={`/flows/${flow.id}/edit`} className={buttonClass("secondary")}>
              Open the editor
            </Link>
            {canEdit ? <PublishDialog flowId={flow.id} publish={publishFlowAction} /> : null}
          </>
        }
      />
      {versions.length === 0 ? (
        <EmptyState icon="🗂️" title="Not published yet">
          Publish the flow from the editor to create version 1. Customers only reach published versions.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          <p className="text-sm text-slate-600">
            {live ? `Version ${live.number} is live.` : "No version is live."}{" "}
            {flow.draftMatchesLive ? "The draft has no unpublished changes." : "The draft has changes that are not published yet."}
          </p>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Versions of {flow.name}, newest first</caption>
              <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">Version</th>
                  <th scope="col" className="px-4 py-3 font-medium">Published</th>
                  <th scope="col" className="px-4 py-3 font-medium">Note</th>
                  <th scope="col" className="px-4 py-3 font-medium">Conversations</th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">Actions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {versions.map((version, index) => {
                  const previous = versions[index + 1];
                  return (
                    <tr key={version.id} aria-label={`Version ${version.number}`}>
                      <th scope="row" className="px-4 py-3 font-semibold whitespace-nowrap">
                        v{version.number} {version.isLive ? <Badge tone="green">Live</Badge> : null}
                      </th>
                      <td className="px-4 py-3 text-slate-600">
                        <div>{dateFormat.format(version.createdAt)} UTC</div>
                        <div className="text-xs">by {version.authorName ?? "the system"}</div>
                      </td>
                      <td className="max-w-xs px-4 py-3 text-slate-700">{version.note || <span className="text-slate-400">No note</span>}</td>
                      <td className="px-4 py-3 text-slate-600" data-testid={`conversations-v${version.number}`}>
                        {version.conversationsStarted} started · {version.conversationsOpen} still open
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex flex-wrap items-start justify-end gap-2">
                          <Link href={`/flows/${flow.id}/versions/${version.id}`} className={buttonClass("ghost")}>
                            View v{version.number}
                          </Link>
                          {previous ? (
                            <Link
                              href={`/flows/${flow.id}/versions/compare?from=${previous.id}&to=${version.id}`}
                              className={buttonClass("ghost")}
                            >
                              Changes since v{previous.number}
                            </Link>
                          ) : null}
                          {canEdit ? <RestoreDraftButton flowId={flow.id} versionId={version.id} number={version.number} /> : null}
                          {canRollBack ? (
                            <RollbackDialog flowId={flow.id} versionId={version.id} number={version.number} isLive={version.isLive} />
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {versions.length > 1 ? (
            <form
              action={`/flows/${flow.id}/versions/compare`}
              method="get"
              aria-label="Compare two versions"
              className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
            >
              <VersionSelect name="from" label="Compare version" versions={versions} defaultValue={versions[1]?.id} />
              <VersionSelect name="to" label="with version" versions={versions} defaultValue={versions[0]?.id} />
              <button type="submit" className={buttonClass("primary")}>
                Show changes
              </button>
            </form>
          ) : null}
        </div>
      )}
    </>
  );
}

function VersionSelect({
  name,
  label,
  versions,
  defaultValue,
}: {
  name: string;
  label: string;
  versions: { id: string; number: number; isLive: boolean }[];
  defaultValue: string | undefined;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`compare-${name}`} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={`compare-${name}`} name={name} defaultValue={defaultValue} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            v{version.number}
            {version.isLive ? " (live)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
