"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withRole } from "@/lib/auth/with-role";
import { publishDraft } from "@/db/queries/versions";

const publishInputSchema = z.object({
  flowId: z.uuid("Unknown flow"),
  note: z.string().trim().max(500, "Keep the note under 500 characters").default(""),
});

/** Publishes the flow's saved draft; the server validates it again and refuses a draft equal to the live version. */
export const publishFlowAction = withRole("editor", publishInputSchema, async (input, actor) => {
  const result = await publishDraft(actor, input);
  if (result.ok) {
    revalidatePath("/flows");
    revalidatePath(`/flows/${input.flowId}/versions`);
  }
  return result;
});
