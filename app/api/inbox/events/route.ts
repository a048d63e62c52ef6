import { withRouteRole } from "@/lib/auth/with-role";
import { inboxEventStream } from "@/runtime/inbox-event-stream";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for open inbox pages: a small "changed" event after each commit that touches the inbox, so the
 * page fetches /api/inbox again at once instead of waiting for its slow fallback poll. It carries no conversation
 * data; what the page then fetches is filtered for the actor as usual.
 */
export const GET = withRouteRole("agent", async (request) => inboxEventStream(request.signal));
