"use server";

import { revalidatePath } from "next/cache";
import { withRole } from "@/lib/auth/with-role";
import { createChannel, queueTestMessage, updateChannel } from "@/db/queries/channels";
import { retryDeadLetter } from "@/db/queries/outbox";
import { renderMessage } from "@/runtime/whatsapp/render-message";
import { notifyOutbox } from "@/runtime/outbox-signal";
import { err, ok } from "@/lib/result";
import { createChannelInputSchema, retryDeadLetterInputSchema, sendTestInputSchema, updateChannelInputSchema } from "./channel-input";

const PAGE = "/settings/channels";

export const createChannelAction = withRole("admin", createChannelInputSchema, async (input, actor) => {
  const result = await createChannel(actor, input);
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const updateChannelAction = withRole("admin", updateChannelInputSchema, async (input, actor) => {
  const result = await updateChannel(actor, input);
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const sendTestMessageAction = withRole("admin", sendTestInputSchema, async (input, actor) => {
  const payload = renderMessage({ kind: "text", text: input.text }, input.to);
  const result = await queueTestMessage(actor, { ...input, payload });
  if (result.ok) notifyOutbox();
  return result;
});

export const retryDeadLetterAction = withRole("admin", retryDeadLetterInputSchema, async (input, actor) => {
  const retried = await retryDeadLetter(actor, input.outboxId);
  if (!retried) return err({ code: "not-found" as const, message: "That message is no longer waiting for a retry." });
  notifyOutbox();
  revalidatePath(PAGE);
  return ok({ outboxId: input.outboxId });
});
