import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { getVersionDocuments } from "@/db/queries/versions";
import { diffFlows } from "@/lib/flow/diff-flows";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DiffList } from "@/components/versions/diff-list";
import { DiffCanvas } from "@/components/versions/diff-canvas";

export const metadata: Metadata = { title: "Compare versions" };

export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ flowId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole("viewer");
  const { flowId } = await params;
  const query = await searchParams;
  const fromId = typeof query.from === "string" ? query.from : "";
  const toId = typeof query.to === "string" ? query.to : "";
  const documents = await getVersionDocuments(actor, flowId, [fromId, toId]);
  const from = documents.find((version) => version.id === fromId);
  const to = documents.find((version) => version.id === toId);
  const back = (
    <Link href={`/flows/${flowId}/versions`} className={buttonClass("secondary")}>
      Back to version history
    </Link>
  );
  if (documents.length === 0) notFound();
  if (!from || !to) {
    return (
      <>
        <PageHeader title="Compare versions" actions={back} />
        <EmptyState icon="🔍" title="Pick two versions">
          One of the versions to compare could not be found. Go back to the version history and pick two.
        </EmptyState>
      </>
    );
  }
  const diff = diffFlows(from.document, to.document);
  return (
    <>
      <PageHeader
        title={`Changes from v${from.number} to v${to.number}`}
        description="Green: added · red: removed · amber: changed. Read-only: comparing changes nothing."
        actions={back}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
        <DiffCanvas before={from.document} after={to.document} label={`Changes from version ${from.number} to ${to.number}`} />
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <DiffList diff={diff} fromLabel={`v${from.number}`} toLabel={`v${to.number}`} />
        </div>
      </div>
    </>
  );
}
