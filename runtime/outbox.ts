import "server-only";
import { randomUUID } from "node:crypto";
import type { OutboxRow } from "@/db/schema";
import { getSendingChannel, markChannelUnauthorized, type SendingChannel } from "@/db/queries/channels";
import {
  claimDueMessages,
  markOutboxFailed,
  markOutboxRowsSent,
  markOutboxSent,
  parkOutboxRow,
  scheduleOutboxRetry,
} from "@/db/queries/outbox";
import { sendMessage, type FetchLike, type SendFailure } from "@/runtime/whatsapp/send-message";
import { nextRetryDelayMs, OUTSIDE_WINDOW_CODE } from "@/runtime/whatsapp/graph-errors";
import { assertNever } from "@/lib/result";
import { onOutboxNotified } from "./outbox-signal";
import { notifyInbox } from "./inbox-signal";

export type SenderOptions = {
  /** Rows claimed per round; each round sends them side by side (never two of one conversation). */
  batchSize?: number;
  /** How often to look for due rows (retries, other instances' rows) when nothing wakes the sender. */
  pollMs?: number;
  sendTimeoutMs?: number;
  fetchImpl?: FetchLike;
  random?: () => number;
};

export type DeliveryResult = "sent" | "retry" | "dead" | "failed" | "parked";

/** A send that succeeded but is not recorded yet (the caller records a batch at once), or a finished outcome. */
type Attempt = { kind: "sent"; waMessageId: string } | { kind: "recorded"; result: DeliveryResult };

/** Sends one claimed row and records the outcome. Never throws: an unexpected error becomes a retry. */
export async function deliverOutboxRow(row: OutboxRow, options: SenderOptions = {}): Promise<DeliveryResult> {
  const attempt = await attemptDelivery(row, options);
  if (attempt.kind === "recorded") return attempt.result;
  await markOutboxSent(row, attempt.waMessageId);
  return "sent";
}

async function attemptDelivery(row: OutboxRow, options: SenderOptions): Promise<Attempt> {
  try {
    const channel = await getSendingChannel(row.channelId);
    if (!channel) {
      await markOutboxFailed(row, { error: "the channel no longer exists" });
      return { kind: "recorded", result: "failed" };
    }
    // The simulator reads the rendered payload from the database; there is no Graph API to call.
    if (channel.kind === "simulator") return { kind: "sent", waMessageId: `wamid.SIM.${randomUUID()}` };
    return await sendToGraph(row, channel, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`outbox row ${row.id} could not be delivered: ${message}`);
    const result = await scheduleOutboxRetry(row, {
      delayMs: nextRetryDelayMs({ attempt: row.attempts, random: options.random ?? Math.random }),
      error: `internal error: ${message}`,
    });
    return { kind: "recorded", result };
  }
}

async function sendToGraph(row: OutboxRow, channel: SendingChannel, options: SenderOptions): Promise<Attempt> {
  const sent = await sendMessage({
    graphUrl: channel.graphUrl,
    phoneNumberId: channel.phoneNumberId,
    accessToken: channel.accessToken,
    body: row.payload as Record<string, unknown>,
    timeoutMs: options.sendTimeoutMs ?? 10_000,
    fetchImpl: options.fetchImpl,
  });
  if (sent.ok) return { kind: "sent", waMessageId: sent.value.waMessageId };
  const result = await recordFailure(row, channel, sent.error, options);
  return { kind: "recorded", result };
}

async function recordFailure(
  row: OutboxRow,
  channel: SendingChannel,
  failure: SendFailure,
  options: SenderOptions,
): Promise<DeliveryResult> {
  const described = `${failure.code ?? failure.httpStatus ?? "network"}: ${failure.message}`;
  switch (failure.kind) {
    case "retry":
      return scheduleOutboxRetry(row, {
        delayMs: nextRetryDelayMs({
          attempt: row.attempts,
          random: options.random ?? Math.random,
          retryAfterHeader: failure.retryAfterHeader,
          errorCode: failure.code,
          now: Date.now(),
        }),
        error: `${failure.reason} (${described})`,
      });
    case "fail":
      await markOutboxFailed(row, { error: `${failure.reason} (${described})`, errorCode: failure.code });
      return "failed";
    case "outside_window":
      await markOutboxFailed(row, {
        error: "more than 24 hours since the customer's last message: only approved templates can be sent",
        errorCode: OUTSIDE_WINDOW_CODE,
        outsideWindow: true,
      });
      return "failed";
    case "unauthorized":
      await markChannelUnauthorized(channel.id);
      await parkOutboxRow(row, "the access token was refused (190); give the channel a new token");
      return "parked";
    default:
      return assertNever(failure);
  }
}

/** Claims and sends due rows until none are left; returns how many rows it handled. */
export async function drainOutbox(options: SenderOptions = {}): Promise<number> {
  let handled = 0;
  for (;;) {
    const rows = await claimDueMessages(options.batchSize ?? 25);
    if (rows.length === 0) return handled;
    const attempts = await Promise.all(rows.map((row) => attemptDelivery(row, options)));
    await markOutboxRowsSent(
      rows.flatMap((row, index) => {
        const attempt = attempts[index];
        return attempt?.kind === "sent" ? [{ row, waMessageId: attempt.waMessageId }] : [];
      }),
    );
    handled += rows.length;
    // Each message's delivery status shows in an open inbox transcript ("queued" becomes "sent" or "failed").
    notifyInbox({ list: false, conversationIds: [...new Set(rows.map((row) => row.conversationId))] });
  }
}

export type OutboxSender = { stop: () => Promise<void> };

/**
 * The sender loop: drains the outbox whenever this process commits replies (notifyOutbox) and otherwise every
 * `pollMs`, which also picks up retries and rows written by other instances.
 */
export function startOutboxSender(options: SenderOptions = {}): OutboxSender {
  let stopped = false;
  let wake: (() => void) | null = null;
  let pending = false;
  const unsubscribe = onOutboxNotified(() => {
    pending = true;
    wake?.();
  });
  const loop = (async () => {
    while (!stopped) {
      pending = false;
      try {
        await drainOutbox(options);
      } catch (error) {
        console.error(`outbox sender: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (stopped || pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 1_000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      unsubscribe();
      wake?.();
      await loop;
    },
  };
}
