import "server-only";
import { and, eq } from "drizzle-orm";
import { bookings } from "../schema";
import type { Tx } from "../index";
import { err, ok, type Result } from "@/lib/result";

export async function listBookedSlotIds(tx: Tx, flowId: string | null): Promise<Set<string>> {
  if (!flowId) return new Set();
  const rows = await tx
    .select({ slotId: bookings.slotId })
    .from(bookings)
    .where(and(eq(bookings.flowId, flowId), eq(bookings.status, "booked")));
  return new Set(rows.map((row) => row.slotId));
}

type BookingInput = {
  reference: string;
  flowId: string | null;
  conversationId: string;
  customerPhone: string;
  slotId: string;
  slotLabel: string;
};

/** Books a slot; "taken" when someone else holds it (the unique index decides, not a read-then-write). */
export async function createBooking(tx: Tx, input: BookingInput): Promise<Result<string, "taken">> {
  const rows = await tx
    .insert(bookings)
    .values(input)
    .onConflictDoNothing()
    .returning({ reference: bookings.reference });
  return rows[0] ? ok(rows[0].reference) : err("taken");
}

/** Moves the customer's booking to a new slot; "not-found" when the reference is not theirs. */
export async function moveBooking(
  tx: Tx,
  input: { reference: string; customerPhone: string; slotId: string; slotLabel: string },
): Promise<Result<string, "not-found" | "taken">> {
  const [booking] = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.reference, input.reference), eq(bookings.status, "booked")));
  if (!booking || booking.customerPhone !== input.customerPhone) return err("not-found");
  const [taken] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.slotId, input.slotId), eq(bookings.status, "booked")));
  if (taken && taken.id !== booking.id) return err("taken");
  await tx.update(bookings).set({ slotId: input.slotId, slotLabel: input.slotLabel }).where(eq(bookings.id, booking.id));
  return ok(booking.reference);
}

export async function cancelBookingByReference(
  tx: Tx,
  input: { reference: string; customerPhone: string },
): Promise<Result<null, "not-found">> {
  const rows = await tx
    .update(bookings)
    .set({ status: "cancelled" })
    .where(
      and(eq(bookings.reference, input.reference), eq(bookings.customerPhone, input.customerPhone), eq(bookings.status, "booked")),
    )
    .returning({ id: bookings.id });
  return rows.length ? ok(null) : err("not-found");
}
