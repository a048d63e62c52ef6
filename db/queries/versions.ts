import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { flows, flowVersions, type FlowVersion } from "../schema";
import type { DbOrTx } from "../index";
import { canonicalJson } from "@/lib/flow/canonical-json";
import type { FlowDocument } from "@/lib/flow/flow-document";

export function hashFlowDocument(document: FlowDocument): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}

/**
 * Snapshots a document as the flow's next immutable version and makes it live. Joins the caller's transaction,
 * which must hold the flow row locked.
 */
export async function insertLiveVersion(
  tx: DbOrTx,
  input: { flowId: string; document: FlowDocument; authorId: string | null; note: string },
): Promise<FlowVersion> {
  const [version] = await tx
    .insert(flowVersions)
    .values({
      flowId: input.flowId,
      number: sql`(select last_version_number + 1 from flows where id = ${input.flowId})`,
      document: input.document,
      contentHash: hashFlowDocument(input.document),
      authorId: input.authorId,
      note: input.note,
    })
    .returning();
  if (!version) throw new Error("insert returned no version");
  await tx
    .update(flows)
    .set({ liveVersionId: version.id, lastVersionNumber: version.number })
    .where(eq(flows.id, input.flowId));
  return version;
}
