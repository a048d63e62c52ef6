import { assertNever } from "@/lib/result";
import type { CustomerInput, OutgoingMessage } from "@/lib/flow/outgoing-message";

/** One line of transcript for what the customer sent. */
export function customerInputText(input: CustomerInput): string {
  switch (input.kind) {
    case "text":
      return input.text;
    case "choice":
      return input.title;
    case "media":
      return [`[${input.mediaType}${input.filename ? `: ${input.filename}` : ""}]`, input.caption].filter(Boolean).join(" ");
    case "location":
      return `[location ${input.latitude}, ${input.longitude}${input.name ? ` · ${input.name}` : ""}]`;
    case "unsupported":
      return `[${input.type}]`;
    default:
      return assertNever(input);
  }
}

/** One line of transcript for what the bot or an agent sent. */
export function outgoingMessageText(message: OutgoingMessage): string {
  switch (message.kind) {
    case "text":
      return message.text;
    case "buttons":
      return `${message.body}\n${message.buttons.map((button) => `[${button.title}]`).join(" ")}`;
    case "list":
      return `${message.body}\n[${message.button}]`;
    case "media":
      return message.caption ?? `[${message.mediaType}]`;
    case "location_request":
      return message.body;
    case "template":
      return `[template ${message.name}]`;
    default:
      return assertNever(message);
  }
}
