import { z } from "zod";
import { withRouteRole } from "@/lib/auth/with-role";
import { getInboxConversation } from "@/db/queries/inbox";

export const dynamic = "force-dynamic";

/** One handed-off conversation, polled by the open conversation view for new messages and status. */
export async function GET(request: Request, context: { params: Promise<{ handoffId: string }> }) {
  const { handoffId } = await context.params;
  return withRouteRole("agent", async (_request, actor) => {
    const id = z.uuid().safeParse(handoffId);
    const conversation = id.success ? await getInboxConversation(actor, id.data) : null;
    if (!conversation) return Response.json({ error: "not-found", message: "This conversation is not in your inbox." }, { status: 404 });
    return Response.json({ conversation }, { headers: { "cache-control": "no-store" } });
  })(request);
}
