import { z } from "zod";

/*
 * Tolerant schemas for WhatsApp Cloud API webhook bodies (shared/whatsapp-facts.md §3–§5). Every object is loose:
 * Meta adds fields over time and an unknown field must never turn a delivery into a 400 that Meta retries for
 * 7 days. Each level is parsed on its own so one odd message cannot sink the rest of the batch.
 */

/** Unix seconds; Meta sends them as strings. */
export const epochSecondsSchema = z.union([
  z.string().trim().regex(/^\d+$/).transform(Number),
  z.number().int().nonnegative(),
]);

/** Numbers that sometimes travel as strings (coordinates, error codes, file sizes). */
export const looseNumberSchema = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

export const envelopeSchema = z.looseObject({
  object: z.string().optional(),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.looseObject({
  id: z.string().optional(),
  changes: z.array(z.unknown()),
});

export const changeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const metadataSchema = z.looseObject({
  phone_number_id: z.string().min(1),
  display_phone_number: z.string().optional(),
});

export const contactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const messagesValueSchema = z.looseObject({
  metadata: metadataSchema,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const graphErrorSchema = z.looseObject({
  code: looseNumberSchema,
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

/** What every message carries, whatever its type; without these we can neither dedupe nor route it. */
export const messageBaseSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: epochSecondsSchema,
  type: z.string().min(1),
  from: z.string().min(1).optional(),
  from_user_id: z.string().min(1).optional(),
  context: z.looseObject({ id: z.string().optional(), from: z.string().optional() }).optional(),
});
export type MessageBase = z.infer<typeof messageBaseSchema>;

export const textMessageSchema = z.looseObject({ text: z.looseObject({ body: z.string() }) });

const replySchema = z.looseObject({ id: z.string().min(1), title: z.string(), description: z.string().optional() });

export const interactiveMessageSchema = z.looseObject({
  interactive: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("button_reply"), button_reply: replySchema }),
    z.looseObject({ type: z.literal("list_reply"), list_reply: replySchema }),
    z.looseObject({
      type: z.literal("nfm_reply"),
      nfm_reply: z.looseObject({
        name: z.string().optional(),
        body: z.string().optional(),
        response_json: z.string().optional(),
      }),
    }),
  ]),
});

/** Quick-reply button of a template: `payload` is the id we set, `text` the label the customer saw. */
export const templateButtonMessageSchema = z.looseObject({
  button: z
    .looseObject({ payload: z.string().optional(), text: z.string().optional() })
    .refine((button) => Boolean(button.payload ?? button.text), "a button reply needs a payload or a text"),
});

export const mediaPayloadSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const locationMessageSchema = z.looseObject({
  location: z.looseObject({
    latitude: looseNumberSchema,
    longitude: looseNumberSchema,
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
});

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: epochSecondsSchema,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
});
