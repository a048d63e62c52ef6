"use server";

import { revalidatePath } from "next/cache";
import { withRole } from "@/lib/auth/with-role";
import { createFlow, deleteFlow, duplicateFlow, renameFlow } from "@/db/queries/flows";
import { createFlowInputSchema, flowRefInputSchema, renameFlowInputSchema } from "./flow-input-schemas";

async function refreshed<T>(result: T): Promise<T> {
  revalidatePath("/flows");
  return result;
}

export const createFlowAction = withRole("editor", createFlowInputSchema, async (input, actor) => refreshed(await createFlow(actor, input)));

export const renameFlowAction = withRole("editor", renameFlowInputSchema, async (input, actor) => refreshed(await renameFlow(actor, input)));

export const duplicateFlowAction = withRole("editor", flowRefInputSchema, async (input, actor) => refreshed(await duplicateFlow(actor, input)));

export const deleteFlowAction = withRole("editor", flowRefInputSchema, async (input, actor) => refreshed(await deleteFlow(actor, input)));
