import { z } from "zod";

const optionalSecret = z
  .string()
  .trim()
  .max(500, "That is too long for a secret")
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** One WhatsApp number's settings, as the form sends them; the same schema checks them on the server. */
export const channelFieldsSchema = z.object({
  name: z.string().trim().min(1, "Give the number a name, e.g. “Support line”").max(80, "Keep the name under 80 characters"),
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,32}$/, "The phone number ID is the long number (digits only) shown in Meta's WhatsApp Manager"),
  displayPhoneNumber: z
    .string()
    .trim()
    .regex(/^\+?[\d\s\-()]{0,32}$/, "Use digits, spaces and + only, e.g. +1 555 000 0001"),
  verifyToken: z
    .string()
    .trim()
    .min(8, "Use at least 8 characters, so nobody can guess it")
    .max(200, "Keep the verify token under 200 characters"),
  graphUrl: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, "Use a web address such as https://graph.facebook.com (no path)")
    .transform((url) => url.replace(/\/$/, "")),
  flowId: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(z.uuid("Pick a flow from the list").nullable()),
});

export const createChannelInputSchema = channelFieldsSchema.extend({
  appSecret: z.string().trim().min(1, "Paste the app secret from your Meta app's basic settings").max(500),
  accessToken: z.string().trim().min(1, "Paste a system-user access token with whatsapp_business_messaging").max(2000),
});

export const updateChannelInputSchema = channelFieldsSchema.extend({
  channelId: z.uuid(),
  appSecret: optionalSecret,
  accessToken: optionalSecret,
});

export const sendTestInputSchema = z.object({
  channelId: z.uuid(),
  to: z
    .string()
    .trim()
    .transform((value) => value.replace(/[\s\-()+]/g, ""))
    .pipe(z.string().regex(/^\d{7,15}$/, "Enter the phone number with its country code, e.g. +44 7700 900123")),
  text: z.string().trim().min(1, "Write the message to send").max(1000, "Keep the test message under 1000 characters"),
});

export const retryDeadLetterInputSchema = z.object({ outboxId: z.uuid() });

export type ChannelFieldName = keyof z.input<typeof createChannelInputSchema> | "channelId";
