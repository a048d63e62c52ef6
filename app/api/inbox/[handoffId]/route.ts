import { z } from "zod";
import { withRouteRole } from "@/lib/auth/with-role";
import { getInboxConversation } from "@/db/queries/inbox";

export const dynamic = "force-dynamic";

/** One handed-off conversation, polled by the open conversation view for new messages and status. */
export const GET = withRouteRole<{ handoffId: string }>("agent", async (_request, actor, { params }) => {
  const id = z.uuid().safeParse((await params).handoffId);
  const conversation = id.success ? await getInboxConversation(actor, id.data) : null;
  if (!conversation) return Response.json({ error: "not-found", message: "This conversation is not in your inbox." }, { status: 404 });
  return Response.json({ conversation }, { headers: { "cache-control": "no-store" } });
});
