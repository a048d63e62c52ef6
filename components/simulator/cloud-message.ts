import { z } from "zod";

/**
 * The simulator draws the bot's messages from the very Cloud API JSON the runtime queued in the outbox, so what a
 * tester sees is what WhatsApp would be sent. This reads that JSON into what a bubble needs.
 */
export type CloudChoice = { id: string; title: string; description?: string };
export type CloudMessageView =
  | { kind: "text"; body: string }
  | { kind: "buttons"; header?: string; body: string; footer?: string; buttons: CloudChoice[] }
  | { kind: "list"; header?: string; body: string; footer?: string; button: string; sections: { title: string; rows: CloudChoice[] }[] }
  | { kind: "location_request"; body: string }
  | { kind: "media"; mediaType: "image" | "video" | "audio" | "document"; link: string | null; caption?: string; filename?: string }
  | { kind: "template"; name: string }
  | { kind: "unknown"; type: string };

const headerFooter = {
  header: z.object({ text: z.string() }).optional(),
  footer: z.object({ text: z.string() }).optional(),
};
const rowSchema = z.object({ id: z.string(), title: z.string(), description: z.string().optional() });
const interactiveSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("button"),
    body: z.object({ text: z.string() }),
    ...headerFooter,
    action: z.object({ buttons: z.array(z.object({ reply: z.object({ id: z.string(), title: z.string() }) })) }),
  }),
  z.object({
    type: z.literal("list"),
    body: z.object({ text: z.string() }),
    ...headerFooter,
    action: z.object({ button: z.string(), sections: z.array(z.object({ title: z.string().default(""), rows: z.array(rowSchema) })) }),
  }),
  z.object({ type: z.literal("location_request_message"), body: z.object({ text: z.string() }) }),
]);
const mediaSchema = z.object({ link: z.string().optional(), id: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() });
const payloadSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.object({ body: z.string() }) }),
  z.object({ type: z.literal("interactive"), interactive: interactiveSchema }),
  z.object({ type: z.literal("image"), image: mediaSchema }),
  z.object({ type: z.literal("video"), video: mediaSchema }),
  z.object({ type: z.literal("audio"), audio: mediaSchema }),
  z.object({ type: z.literal("document"), document: mediaSchema }),
  z.object({ type: z.literal("template"), template: z.object({ name: z.string() }) }),
]);

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

export function readCloudMessage(payload: unknown): CloudMessageView {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    const type = typeof payload === "object" && payload !== null && "type" in payload ? String(payload.type) : "unknown";
    return { kind: "unknown", type };
  }
  const message = parsed.data;
  switch (message.type) {
    case "text":
      return { kind: "text", body: message.text.body };
    case "interactive": {
      const interactive = message.interactive;
      switch (interactive.type) {
        case "button":
          return {
            kind: "buttons",
            body: interactive.body.text,
            ...optional("header", interactive.header?.text),
            ...optional("footer", interactive.footer?.text),
            buttons: interactive.action.buttons.map((button) => button.reply),
          };
        case "list":
          return {
            kind: "list",
            body: interactive.body.text,
            ...optional("header", interactive.header?.text),
            ...optional("footer", interactive.footer?.text),
            button: interactive.action.button,
            sections: interactive.action.sections,
          };
        case "location_request_message":
          return { kind: "location_request", body: interactive.body.text };
        default: {
          const never: never = interactive;
          return never;
        }
      }
    }
    case "image":
      return media("image", message.image);
    case "video":
      return media("video", message.video);
    case "audio":
      return media("audio", message.audio);
    case "document":
      return media("document", message.document);
    case "template":
      return { kind: "template", name: message.template.name };
    default: {
      const never: never = message;
      return never;
    }
  }
}

function media(mediaType: "image" | "video" | "audio" | "document", object: z.infer<typeof mediaSchema>): CloudMessageView {
  return {
    kind: "media",
    mediaType,
    link: object.link ?? null,
    ...optional("caption", object.caption),
    ...optional("filename", object.filename),
  };
}
