import { z } from "zod";
import { withRouteRole } from "@/lib/auth/with-role";
import { rollbackTo } from "@/db/queries/versions";
import { assertNever } from "@/lib/result";

const bodySchema = z.object({ versionId: z.uuid() });
const flowIdSchema = z.uuid();

/** POST {versionId}: admins only (editors get 403), the same rollback as the version history page. */
export const POST = withRouteRole<{ flowId: string }>("admin", async (request, actor, { params }) => {
  const flowId = flowIdSchema.safeParse((await params).flowId);
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!flowId.success || !body.success) {
    return Response.json({ error: "invalid", message: "Send JSON {\"versionId\": \"<uuid>\"} to /api/flows/<flow id>/rollback." }, { status: 400 });
  }
  const result = await rollbackTo(actor, { flowId: flowId.data, versionId: body.data.versionId });
  if (result.ok) return Response.json(result.value);
  switch (result.error.code) {
    case "not-found":
      return Response.json({ error: "not_found", message: result.error.message }, { status: 404 });
    case "already-live":
      return Response.json({ error: "already_live", message: result.error.message }, { status: 409 });
    default:
      return assertNever(result.error);
  }
});
