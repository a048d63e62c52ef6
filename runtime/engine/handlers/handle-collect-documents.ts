import type { CollectDocumentsNode, DocumentItem } from "@/lib/flow/nodes/collect-documents-node";
import type { CustomerInput, OutgoingMessage } from "@/lib/flow/outgoing-message";
import { fillFields } from "@/lib/flow/templating";
import { foldText } from "../fold-text";
import { err, ok, type Result } from "@/lib/result";
import type { ConversationState } from "../conversation-state";
import { DEFAULT_TEXTS } from "../default-texts";
import { advance, countFailure, wait, type HandlerResult, type NodeHandler } from "../node-handler";
import { choiceMessage, clip, textMessages } from "../outgoing";

const SKIP_ID = "skip";
const MAX_TEXT_CHARS = 1000;

function itemPrompt(node: CollectDocumentsNode, item: DocumentItem, fields: Readonly<Record<string, string>>): OutgoingMessage[] {
  const instructions = fillFields(item.instructions, fields);
  if (item.required) return textMessages(instructions);
  return [choiceMessage(node.id, instructions, [{ id: SKIP_ID, title: node.data.skipLabel }], "")];
}

/** image/* accepts any image; a bare "pdf" or "image" is read as the subtype or the media kind. */
export function acceptsType(acceptedTypes: readonly string[], mediaType: string, mimeType: string): boolean {
  if (acceptedTypes.length === 0) return true;
  const mime = mimeType.trim().toLowerCase();
  return acceptedTypes.some((raw) => {
    const accepted = raw.trim().toLowerCase();
    if (accepted.endsWith("/*")) return mime.startsWith(accepted.slice(0, -1));
    if (!accepted.includes("/")) return accepted === mediaType || mime.endsWith(`/${accepted}`);
    return accepted === mime;
  });
}

function readItem(item: DocumentItem, input: CustomerInput): Result<string, string> {
  if (item.kind === "text") {
    const text = input.kind === "text" ? input.text.trim() : "";
    return text === "" ? err(DEFAULT_TEXTS.documentNeedsText) : ok(clip(text, MAX_TEXT_CHARS));
  }
  if (input.kind !== "media" || input.mediaType === "sticker") return err(DEFAULT_TEXTS.documentNeedsFile);
  if (!acceptsType(item.acceptedTypes, input.mediaType, input.mimeType)) return err(DEFAULT_TEXTS.documentWrongType);
  if (input.sizeBytes !== undefined && input.sizeBytes > item.maxSizeMb * 1024 * 1024) return err(DEFAULT_TEXTS.documentTooLarge);
  return ok(input.storedAs ?? input.mediaId);
}

const isSkip = (node: CollectDocumentsNode, input: CustomerInput) =>
  (input.kind === "choice" && (input.id === `${node.id}:${SKIP_ID}` || input.id === SKIP_ID)) ||
  (input.kind === "text" && input.text.length <= 40 && foldText(input.text) === foldText(node.data.skipLabel));

/** Moves to the next item, or leaves by complete / incomplete after the last one. */
function nextItem(node: CollectDocumentsNode, state: ConversationState, messages: OutgoingMessage[] = []): HandlerResult {
  const index = state.scratch.index + 1;
  const item = node.data.items[index];
  const moved = { ...state, scratch: { ...state.scratch, index, attempts: 0 } };
  if (item) return wait(moved, [...messages, ...itemPrompt(node, item, state.fields)]);
  const missing = state.scratch.missing ?? [];
  if (missing.length === 0) return advance(moved, "complete", [...messages, ...textMessages(fillFields(node.data.doneText, state.fields))]);
  return advance({ ...moved, fields: { ...moved.fields, missing_documents: missing.join(", ") } }, "incomplete", messages);
}

/** Pattern 6: one item at a time, type and size checked, optional items skippable, required ones retried. */
export const handleCollectDocuments: NodeHandler<"collect_documents"> = (node, state, ctx) => {
  const { items, maxRetries } = node.data;
  if (ctx.input === undefined) {
    const [first] = items;
    const started = { ...state, scratch: { ...state.scratch, phase: "item", index: 0, attempts: 0, missing: [] } };
    return first ? wait(started, itemPrompt(node, first, state.fields)) : advance(started, "complete");
  }
  if (ctx.input.kind !== "customer") return wait(state);

  const item = items[state.scratch.index];
  if (!item) return nextItem(node, { ...state, scratch: { ...state.scratch, index: items.length } });
  const { input } = ctx.input;
  if (!item.required && isSkip(node, input)) return nextItem(node, state);

  const read = readItem(item, input);
  if (read.ok) return nextItem(node, { ...state, fields: { ...state.fields, [item.saveTo]: read.value } });

  const retry = countFailure(state, node.id, item.kind === "media" ? "document" : "text");
  if (retry.state.scratch.attempts > maxRetries) {
    const missing = item.required ? [...(state.scratch.missing ?? []), item.label] : (state.scratch.missing ?? []);
    const moved = nextItem(node, { ...retry.state, scratch: { ...retry.state.scratch, missing } });
    return { ...moved, events: [retry.event, ...moved.events] };
  }
  return wait(retry.state, [...textMessages(read.error), ...itemPrompt(node, item, state.fields)], [retry.event]);
};
