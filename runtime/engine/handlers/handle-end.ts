import type { AnalyticsEvent } from "../analytics-event";
import { fillFields } from "@/lib/flow/templating";
import { foldText } from "../fold-text";
import { DEFAULT_TEXTS } from "../default-texts";
import { endConversation, wait, withScratch, type NodeHandler } from "../node-handler";
import { choiceMessage, textMessages } from "../outgoing";
import { matchOption } from "../reply-matching";

const RATINGS = DEFAULT_TEXTS.csatLabels.map((title, index) => ({ id: `csat-${index + 1}`, title }));

/** 1–5 from a tapped row, a typed digit or a row of stars. */
function readRating(nodeId: string, input: Parameters<typeof matchOption>[1]): number | null {
  const picked = matchOption(nodeId, input, RATINGS);
  if (picked) return RATINGS.indexOf(picked) + 1;
  if (input.kind !== "text" || input.text.length > 50) return null;
  const stars = [...input.text].filter((char) => char === "⭐" || char === "★").length;
  if (stars >= 1 && stars <= 5) return stars;
  // Folding turns "4/5" into "4 5".
  const digit = /^([1-5])( (of|out of) 5| 5)?$/.exec(foldText(input.text));
  return digit ? Number(digit[1]) : null;
}

export const handleEnd: NodeHandler<"end"> = (node, state, ctx) => {
  const { text, resolved, csat } = node.data;
  if (ctx.input === undefined) {
    const messages = textMessages(fillFields(text, state.fields));
    const events: AnalyticsEvent[] = resolved ? [{ type: "conversation.resolved", nodeId: node.id }] : [];
    if (!csat.enabled) return endConversation(state, messages, events);
    messages.push(choiceMessage(node.id, fillFields(csat.prompt, state.fields), RATINGS, DEFAULT_TEXTS.csatPrompt, true));
    return wait(withScratch(state, { phase: "csat" }), messages, events);
  }
  // Anything but a rating closes the conversation without one; the next message starts afresh.
  const rating = ctx.input.kind === "customer" ? readRating(node.id, ctx.input.input) : null;
  if (rating === null) return endConversation(state);
  return endConversation(state, [], [{ type: "csat.recorded", nodeId: node.id, data: { score: rating } }]);
};
