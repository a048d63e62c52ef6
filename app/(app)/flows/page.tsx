import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { grants } from "@/lib/auth/roles";
import { listFlows } from "@/db/queries/flows";
import { templates } from "@/lib/flow/templates";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { NewFlowDialog } from "./new-flow-dialog";
import { FlowRowActions } from "./flow-row-actions";

export const metadata: Metadata = { title: "Flows" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function FlowsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePageRole("viewer");
  const { q } = await searchParams;
  const search = typeof q === "string" ? q : "";
  const flows = await listFlows(actor, search);
  const canEdit = grants(actor.role, "editor");
  const templateChoices = templates.map(({ id, name, description }) => ({ id, name, description }));
  return (
    <>
      <PageHeader
        title="Flows"
        description="Each flow is a conversation your WhatsApp number runs. Publish a flow to make it live."
        actions={canEdit ? <NewFlowDialog templates={templateChoices} /> : undefined}
      />
      <form role="search" className="mb-4 flex max-w-md gap-2" action="/flows">
        <label htmlFor="flow-search" className="sr-only">
          Search flows
        </label>
        <input
          id="flow-search"
          type="search"
          name="q"
          defaultValue={search}
          placeholder="Search flows by name"
          className="flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      {flows.length === 0 ? (
        search === "" ? (
          <EmptyState icon="🧭" title="No flows yet">
            {canEdit ? "Create one with “New flow”: start blank or from a template for a common support need." : "Flows your team creates appear here."}
          </EmptyState>
        ) : (
          <EmptyState icon="🔍" title={`No flow matches “${search}”`}>
            <Link href="/flows" className="text-brand-700 underline">
              Show all flows
            </Link>
          </EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Live version</th>
                <th scope="col" className="px-4 py-3 font-medium">Published</th>
                <th scope="col" className="px-4 py-3 font-medium">Draft</th>
                {canEdit ? (
                  <th scope="col" className="px-4 py-3 text-right font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {flows.map((flow) => (
                <tr key={flow.id} data-testid="flow-row">
                  <td className="px-4 py-3">
                    <Link href={`/flows/${flow.id}/edit`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {flow.name}
                    </Link>
                    {flow.description ? <div className="text-xs text-slate-500">{flow.description}</div> : null}
                  </td>
                  <td className="px-4 py-3">
                    {flow.liveVersionNumber === null ? <Badge>Not published</Badge> : <Badge tone="green">Version {flow.liveVersionNumber}</Badge>}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{flow.publishedAt ? dateFormat.format(flow.publishedAt) : "—"}</td>
                  <td className="px-4 py-3">
                    {flow.hasUnpublishedChanges ? <Badge tone="amber">Unpublished changes</Badge> : <span className="text-slate-500">Up to date</span>}
                  </td>
                  {canEdit ? (
                    <td className="px-4 py-3">
                      <FlowRowActions flowId={flow.id} name={flow.name} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
