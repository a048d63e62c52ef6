import "server-only";
import { inTransaction } from "@/db/index";
import { getVersionDocument, listQuietConversations, lockConversationById } from "@/db/queries/conversations";
import { inboxChangeOf, runCustomerTurn } from "./inbound";
import { notifyOutbox } from "./outbox-signal";
import { notifyInbox } from "./inbox-signal";

const MINUTE = 60_000;

/**
 * Gives the engine an inactivity timeout for every conversation whose customer has been quiet longer than its
 * flow's limit (settings.inactivityMinutes): the flow drops the conversation or escalates it, as configured.
 * Returns how many conversations timed out.
 */
export async function sweepQuietConversations(now = new Date(), batch = 100): Promise<number> {
  const candidates = await inTransaction((tx) => listQuietConversations(tx, new Date(now.getTime() - MINUTE), batch));
  let timedOut = 0;
  for (const candidate of candidates) {
    const done = await inTransaction(async (tx) => {
      const conversation = await lockConversationById(tx, candidate.id);
      if (!conversation || conversation.status !== "active" || !conversation.versionId) return false;
      const flow = await getVersionDocument(tx, conversation.versionId);
      const lastHeard = conversation.lastCustomerMessageAt?.getTime() ?? now.getTime();
      if (!flow || now.getTime() - lastHeard < flow.settings.inactivityMinutes * MINUTE) return false;
      return runCustomerTurn(tx, conversation, { input: { kind: "timeout" }, defaultFlowId: conversation.flowId });
    });
    if (!done) continue;
    timedOut += 1;
    // A flow that escalates on inactivity has just put the customer in the inbox.
    const change = inboxChangeOf(done);
    if (change) notifyInbox(change);
  }
  if (timedOut > 0) notifyOutbox();
  return timedOut;
}

/** Sweeps every `intervalMs` until stopped. */
export function startInactivitySweeper(intervalMs = 30_000): { stop: () => void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepQuietConversations()
      .catch((error: unknown) => console.error(`inactivity sweep: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
