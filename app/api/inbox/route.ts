import { withRouteRole } from "@/lib/auth/with-role";
import { listInbox, listInboxQueues } from "@/db/queries/inbox";
import { inboxViewSchema } from "@/lib/analytics/inbox-input";

export const dynamic = "force-dynamic";

/** The inbox list and queue counts; the page polls this every few seconds to stay live without a reload. */
export const GET = withRouteRole("agent", async (request, actor) => {
  const params = new URL(request.url).searchParams;
  const view = inboxViewSchema.catch("open").parse(params.get("view") ?? undefined);
  const queue = params.get("queue")?.trim() || undefined;
  const [items, queues] = await Promise.all([listInbox(actor, { view, queue }), listInboxQueues(actor)]);
  return Response.json({ items, queues }, { headers: { "cache-control": "no-store" } });
});
