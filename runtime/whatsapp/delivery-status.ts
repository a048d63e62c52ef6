/*
 * Statuses arrive out of order and more than once (whatsapp-facts §5): "sent" can follow "delivered", and
 * "delivered" can follow "failed" for multi-device users. The displayed status only moves forward by rank.
 * "failed" beats "sent" (accepted, then not delivered) but not a delivery; a later delivery beats "failed".
 */
const RANK: Readonly<Record<string, number>> = { sent: 1, failed: 1.5, delivered: 2, read: 3, played: 4 };

/** The status to keep after `next` arrives for a message currently at `current` (undefined: none yet). */
export function mergeDeliveryStatus(current: string | undefined, next: string): string {
  if (current === undefined) return next;
  const nextRank = RANK[next];
  if (nextRank === undefined) return current;
  const currentRank = RANK[current];
  if (currentRank === undefined) return next;
  return nextRank > currentRank ? next : current;
}
