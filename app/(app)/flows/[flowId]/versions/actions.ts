"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withRole } from "@/lib/auth/with-role";
import { getLiveVersionIdOf, getVersionDocuments, restoreVersionAsDraft, rollbackTo } from "@/db/queries/versions";
import { diffFlows, type FlowDiff } from "@/lib/flow/diff-flows";
import { err, ok, type Result } from "@/lib/result";

const versionInputSchema = z.object({ flowId: z.uuid("Unknown flow"), versionId: z.uuid("Unknown version") });

function refresh(flowId: string): void {
  revalidatePath("/flows");
  revalidatePath(`/flows/${flowId}/versions`);
}

export const restoreAsDraftAction = withRole("editor", versionInputSchema, async (input, actor) => {
  const result = await restoreVersionAsDraft(actor, input);
  if (result.ok) refresh(input.flowId);
  return result;
});

export const rollbackAction = withRole("admin", versionInputSchema, async (input, actor) => {
  const result = await rollbackTo(actor, input);
  if (result.ok) refresh(input.flowId);
  return result;
});

export type RollbackPreview = { liveNumber: number | null; targetNumber: number; diff: FlowDiff | null };

/** What a rollback would change for new conversations: the diff from the live version to the chosen one. */
export const previewRollbackAction = withRole(
  "admin",
  versionInputSchema,
  async (input, actor): Promise<Result<RollbackPreview, { code: "not-found"; message: string }>> => {
    const liveId = await getLiveVersionIdOf(actor, input.flowId);
    const documents = await getVersionDocuments(actor, input.flowId, liveId ? [liveId, input.versionId] : [input.versionId]);
    const target = documents.find((version) => version.id === input.versionId);
    if (!target) return err({ code: "not-found", message: "That version could not be found." });
    const live = documents.find((version) => version.id === liveId);
    return ok({
      liveNumber: live?.number ?? null,
      targetNumber: target.number,
      diff: live ? diffFlows(live.document, target.document) : null,
    });
  },
);
