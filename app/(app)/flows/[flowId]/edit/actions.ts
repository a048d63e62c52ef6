"use server";

import { z } from "zod";
import { withRole } from "@/lib/auth/with-role";
import { saveDraft } from "@/db/queries/flows";
import { flowIdSchema } from "../../flow-input-schemas";

const saveDraftInputSchema = z.object({
  flowId: flowIdSchema,
  /** The revision the editor loaded or last saved; a save against an older one is a conflict. */
  revision: z.number().int().min(1),
  /** Parsed with flowDocumentSchema in the data layer, which reports problems in plain words. */
  document: z.unknown(),
});

/** Autosave: the whole draft with the revision it started from (optimistic concurrency in saveDraft). */
export const saveDraftAction = withRole("editor", saveDraftInputSchema, async (input, actor) => saveDraft(actor, input));
