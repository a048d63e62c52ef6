import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { getVersionDocuments } from "@/db/queries/versions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { VersionCanvas } from "@/components/versions/version-canvas";

export const metadata: Metadata = { title: "Version" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function VersionPage({ params }: { params: Promise<{ flowId: string; versionId: string }> }) {
  const actor = await requirePageRole("viewer");
  const { flowId, versionId } = await params;
  const [version] = await getVersionDocuments(actor, flowId, [versionId]);
  if (!version) notFound();
  return (
    <>
      <PageHeader
        title={`${version.document.name} · version ${version.number}`}
        description={`Published ${dateFormat.format(version.createdAt)} UTC${version.note ? ` — ${version.note}` : ""}. Read-only: versions never change.`}
        actions={
          <Link href={`/flows/${flowId}/versions`} className={buttonClass("secondary")}>
            Back to version history
          </Link>
        }
      />
      {version.isLive ? (
        <p className="mb-3">
          <Badge tone="green">Live</Badge>
        </p>
      ) : null}
      <VersionCanvas document={version.document} label={`Flow of version ${version.number}`} />
    </>
  );
}
