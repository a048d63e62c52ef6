import { z } from "zod";

/**
 * Channel-neutral messages the engine asks the runtime to send. runtime/whatsapp/render-message.ts turns
 * them into Cloud API JSON; the simulator renders that very JSON. Limits are enforced by the publish
 * validator, and the renderer truncates defensively.
 */
export const replyButtonSchema = z.object({ id: z.string().min(1), title: z.string().min(1) });
export const listRowSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
});
export const listSectionSchema = z.object({ title: z.string(), rows: z.array(listRowSchema).min(1) });
export const mediaKindSchema = z.enum(["image", "document", "video", "audio"]);

export const outgoingMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().min(1) }),
  z.object({
    kind: z.literal("buttons"),
    body: z.string().min(1),
    header: z.string().optional(),
    footer: z.string().optional(),
    buttons: z.array(replyButtonSchema).min(1),
  }),
  z.object({
    kind: z.literal("list"),
    body: z.string().min(1),
    header: z.string().optional(),
    footer: z.string().optional(),
    button: z.string().min(1),
    sections: z.array(listSectionSchema).min(1),
  }),
  z.object({
    kind: z.literal("media"),
    mediaType: mediaKindSchema,
    url: z.string().min(1),
    caption: z.string().optional(),
    filename: z.string().optional(),
  }),
  z.object({ kind: z.literal("location_request"), body: z.string().min(1) }),
  z.object({
    kind: z.literal("template"),
    name: z.string().min(1),
    language: z.string().min(2),
    parameters: z.array(z.string()),
  }),
]);
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;
export type MediaKind = z.infer<typeof mediaKindSchema>;

/**
 * What a customer did, channel-neutral. The webhook parser and the simulator both produce these;
 * the engine consumes them.
 */
export const customerInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("choice"), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal("media"),
    mediaType: z.enum(["image", "document", "video", "audio", "sticker"]),
    mimeType: z.string(),
    mediaId: z.string(),
    sizeBytes: z.number().int().nonnegative().optional(),
    sha256: z.string().optional(),
    filename: z.string().optional(),
    caption: z.string().optional(),
    /** Where the runtime stored the downloaded bytes, once it has them. */
    storedAs: z.string().optional(),
  }),
  z.object({
    kind: z.literal("location"),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  /** A message type the flow cannot use (reaction, sticker, order…); answered with the fallback text. */
  z.object({ kind: z.literal("unsupported"), type: z.string() }),
]);
export type CustomerInput = z.infer<typeof customerInputSchema>;
