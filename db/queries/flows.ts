import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { flows, flowVersions } from "../schema";
import { getDb } from "../index";
import { requireRole, type Actor } from "@/lib/auth/roles";
import { hashFlowDocument } from "./versions";
import { flowDocumentSchema } from "@/lib/flow/flow-document";

export type FlowListItem = {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  liveVersionNumber: number | null;
  publishedAt: Date | null;
  hasUnpublishedChanges: boolean;
};

export async function listFlows(actor: Actor, search = ""): Promise<FlowListItem[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  const rows = await db
    .select({
      id: flows.id,
      name: flows.name,
      description: flows.description,
      draft: flows.draft,
      updatedAt: flows.updatedAt,
      liveVersionNumber: flowVersions.number,
      publishedAt: flowVersions.createdAt,
      liveHash: flowVersions.contentHash,
    })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.liveVersionId))
    .where(and(isNull(flows.deletedAt)))
    .orderBy(desc(flows.updatedAt));
  const needle = search.trim().toLowerCase();
  return rows
    .filter((row) => needle === "" || row.name.toLowerCase().includes(needle))
    .map(({ draft, liveHash, ...row }) => {
      const parsed = flowDocumentSchema.safeParse(draft);
      return {
        ...row,
        hasUnpublishedChanges: liveHash === null || !parsed.success || hashFlowDocument(parsed.data) !== liveHash,
      };
    });
}
