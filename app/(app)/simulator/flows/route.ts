import { z } from "zod";
import { withRouteRole } from "@/lib/auth/with-role";
import { importFlowWithVersions } from "@/db/queries/simulator";
import { flowDocumentSchema } from "@/lib/flow/flow-document";

export const dynamic = "force-dynamic";

const importSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** Published in order as versions 1, 2, …; the last is also the draft. */
  documents: z.array(flowDocumentSchema).min(1).max(20),
});

/** Imports a flow with a version history, e.g. fixtures for simulator replays. Editors and admins only. */
export const POST = withRouteRole("editor", async (request, actor) => {
  const body: unknown = await request.json().catch(() => null);
  const input = importSchema.safeParse(body);
  if (!input.success) {
    return Response.json({ error: "invalid", fields: z.flattenError(input.error).fieldErrors }, { status: 400 });
  }
  const imported = await importFlowWithVersions(actor, input.data);
  return Response.json(imported, { status: 201 });
});
