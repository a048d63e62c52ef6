import { z } from "zod";

/*
 * What the server tells open inbox pages when something they show has changed (app/api/inbox/events): not the data,
 * only what to fetch again, so the stream never carries a conversation to someone who may not see it.
 */

export const inboxChangeSchema = z.object({
  /** Something the list shows changed: a new handoff, a customer message, an assignment or a resolution. */
  list: z.boolean(),
  /** Conversations whose transcript or status changed (delivery statuses, replies). */
  conversationIds: z.array(z.string()),
});
export type InboxChange = z.infer<typeof inboxChangeSchema>;

/** Past this many conversations in one batch, a change says "refresh everything" rather than naming them. */
export const MAX_NAMED_CONVERSATIONS = 50;

/** One change that asks for everything two changes ask for (the stream batches the changes of a short window). */
export function mergeInboxChanges(first: InboxChange, second: InboxChange): InboxChange {
  const list = first.list || second.list;
  const conversationIds = [...new Set([...first.conversationIds, ...second.conversationIds])];
  if (conversationIds.length > MAX_NAMED_CONVERSATIONS) return { list: true, conversationIds: [] };
  return { list, conversationIds };
}

/** What an open inbox page fetches again: the list when it changed; the open conversation when it or the list did. */
export function refreshesFor(change: InboxChange, openConversationId: string | null): { list: boolean; conversation: boolean } {
  const named = openConversationId !== null && change.conversationIds.includes(openConversationId);
  return { list: change.list, conversation: openConversationId !== null && (change.list || named) };
}
