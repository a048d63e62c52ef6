import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { listFlows } from "@/db/queries/flows";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Flows" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function FlowsPage() {
  const actor = await requirePageRole("tester");
  const flows = await listFlows(actor);
  return (
    <>
      <PageHeader
        title="Flows"
        description="Each flow is a conversation your WhatsApp number runs. Publish a flow to make it live."
      />
      {flows.length === 0 ? (
        <EmptyState icon="🧭" title="No flows yet">
          Flows you create appear here, with the version that is live on WhatsApp.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Live version</th>
                <th scope="col" className="px-4 py-3 font-medium">Published</th>
                <th scope="col" className="px-4 py-3 font-medium">Draft</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {flows.map((flow) => (
                <tr key={flow.id}>
                  <td className="px-4 py-3">
                    <div className="font-medium text-slate-900">{flow.name}</div>
                    {flow.description ? <div className="text-xs text-slate-500">{flow.description}</div> : null}
                  </td>
                  <td className="px-4 py-3">
                    {flow.liveVersionNumber === null ? (
                      <Badge>Not published</Badge>
                    ) : (
                      <Badge tone="green">Version {flow.liveVersionNumber}</Badge>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    {flow.publishedAt ? dateFormat.format(flow.publishedAt) : "—"}
                  </td>
                  <td className="px-4 py-3">
                    {flow.hasUnpublishedChanges ? <Badge tone="amber">Unpublished changes</Badge> : <span className="text-slate-500">Up to date</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
