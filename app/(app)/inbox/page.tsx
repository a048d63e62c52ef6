import type { Metadata } from "next";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/session";
import { getInboxConversation, listInbox, listInboxQueues } from "@/db/queries/inbox";
import { inboxViewSchema } from "@/lib/analytics/inbox-input";
import { PageHeader } from "@/components/ui/page-header";
import { InboxScreen } from "@/components/inbox/inbox-screen";
import { assignAction, claimAction, markReadAction, replyAction, resolveAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({
  view: inboxViewSchema.catch("open"),
  queue: z.string().trim().min(1).max(200).optional().catch(undefined),
  id: z.uuid().optional().catch(undefined),
});

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("agent");
  const renderedAt = new Date().getTime();
  const search = searchSchema.parse(await searchParams);
  const [items, queues, conversation] = await Promise.all([
    listInbox(actor, { view: search.view, queue: search.queue }),
    listInboxQueues(actor),
    search.id ? getInboxConversation(actor, search.id) : Promise.resolve(null),
  ]);
  return (
    <>
      <PageHeader title="Inbox" description="Conversations handed over to your team, with everything the bot collected." />
      <InboxScreen
        initialView={search.view}
        initialQueue={search.queue ?? null}
        initialSelectedId={search.id ?? null}
        initialList={{ items, queues }}
        initialConversation={conversation}
        actions={{ claim: claimAction, assign: assignAction, reply: replyAction, resolve: resolveAction, markRead: markReadAction }}
        actorId={actor.userId}
        renderedAt={renderedAt}
      />
    </>
  );
}
