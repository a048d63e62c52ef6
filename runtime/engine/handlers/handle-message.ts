import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { fillFields } from "@/lib/flow/templating";
import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";
import { advance, type NodeHandler } from "../node-handler";
import { clip, textMessages } from "../outgoing";

export const handleMessage: NodeHandler<"message"> = (node, state) => {
  const { text, media } = node.data;
  const messages: OutgoingMessage[] = textMessages(fillFields(text, state.fields));
  if (media) {
    const caption = media.caption === undefined ? undefined : clip(fillFields(media.caption, state.fields), WA_LIMITS.mediaCaption);
    messages.push({
      kind: "media",
      mediaType: media.mediaType,
      url: media.url,
      ...(caption ? { caption } : {}),
      ...(media.filename ? { filename: media.filename } : {}),
    });
  }
  return advance(state, "next", messages);
};
