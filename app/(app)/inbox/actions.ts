"use server";

import { withRole } from "@/lib/auth/with-role";
import { ok, type Result } from "@/lib/result";
import { inTransaction } from "@/db/index";
import {
  assignHandoff,
  beginHandBack,
  claimHandoff,
  closeHandoff,
  markConversationRead,
  replyToHandoff,
  type InboxError,
} from "@/db/queries/inbox";
import { assignInputSchema, claimInputSchema, markReadInputSchema, replyInputSchema, resolveInputSchema } from "@/lib/analytics/inbox-input";
import { runCustomerTurn } from "@/runtime/inbound";
import { notifyOutbox } from "@/runtime/outbox-signal";
import { notifyInbox } from "@/runtime/inbox-signal";

/** After a committed change to a handoff: every open inbox fetches its list (and open conversation) again. */
function tellOpenInboxes<T, E>(result: Result<T, E>): Result<T, E> {
  if (result.ok) notifyInbox({ list: true, conversationIds: [] });
  return result;
}

export const claimAction = withRole("agent", claimInputSchema, async (input, actor) => tellOpenInboxes(await claimHandoff(actor, input.handoffId)));

export const assignAction = withRole("agent", assignInputSchema, async (input, actor) => tellOpenInboxes(await assignHandoff(actor, input)));

export const replyAction = withRole("agent", replyInputSchema, async (input, actor) => {
  const result = await replyToHandoff(actor, input);
  if (result.ok) notifyOutbox(); // the row is committed: wake the sender now rather than at its next poll
  return tellOpenInboxes(result);
});

export const resolveAction = withRole("agent", resolveInputSchema, async (input, actor): Promise<Result<null, InboxError>> => {
  const outcome = input.outcome;
  if (outcome.kind === "close") {
    const closed = await closeHandoff(actor, input.handoffId);
    return tellOpenInboxes(closed.ok ? ok(null) : closed);
  }
  // One transaction: the handoff is resolved only if the bot really resumes at the chosen step.
  const handedBack = await inTransaction(async (tx): Promise<Result<null, InboxError>> => {
    const begun = await beginHandBack(tx, actor, { handoffId: input.handoffId, nodeId: outcome.nodeId });
    if (!begun.ok) return begun;
    await runCustomerTurn(tx, begun.value.conversation, { input: { kind: "resume", nodeId: outcome.nodeId }, defaultFlowId: null });
    return ok(null);
  });
  if (handedBack.ok) notifyOutbox();
  return tellOpenInboxes(handedBack);
});

// Only the reader's own marker changes, so other pages are not told; the reader's page refreshes its own list.
export const markReadAction = withRole("agent", markReadInputSchema, (input, actor) => markConversationRead(actor, input));
