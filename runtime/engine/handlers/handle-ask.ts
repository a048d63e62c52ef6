import type { Answer } from "@/lib/flow/nodes/ask-node";
import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { fillFields } from "@/lib/flow/templating";
import { assertNever, err, ok, type Result } from "@/lib/result";
import { advance, countFailure, wait, withFields, withScratch, type HandlerContext, type NodeHandler } from "../node-handler";
import { choiceMessage, clip, textMessages, type Option } from "../outgoing";
import { matchOption } from "../reply-matching";
import { checkText } from "../text-checks";

const MAX_ANSWER_CHARS = 1000;

function optionsOf(answer: Answer): Option[] {
  switch (answer.kind) {
    case "buttons":
      return answer.choices;
    case "list":
      return answer.sections.flatMap((section) => section.rows);
    case "free_text":
      return [];
    default:
      return assertNever(answer);
  }
}

function question(nodeId: string, prompt: string, answer: Answer): OutgoingMessage[] {
  if (answer.kind === "free_text") return textMessages(prompt);
  return [choiceMessage(nodeId, prompt, optionsOf(answer), answer.kind === "list" ? answer.button : "", answer.kind === "list")];
}

/** Buttons and lists save the picked title (what the customer saw); free text saves the checked value. */
function readAnswer(nodeId: string, answer: Answer, ctx: HandlerContext): Result<string, string> {
  if (ctx.input?.kind !== "customer") return err("");
  if (answer.kind !== "free_text") {
    const picked = matchOption(nodeId, ctx.input.input, optionsOf(answer));
    return picked ? ok(picked.title) : err("");
  }
  const checked = checkText(answer.check, ctx.input.text, {
    nlu: ctx.engine.nlu,
    today: ctx.today,
    pattern: (source) => ctx.flow.pattern(source),
  });
  return checked.ok ? ok(clip(checked.value, MAX_ANSWER_CHARS)) : checked;
}

export const handleAsk: NodeHandler<"ask"> = (node, state, ctx) => {
  const { prompt, answer, saveTo, maxAttempts, retryText } = node.data;
  const asked = () => question(node.id, fillFields(prompt, state.fields), answer);
  if (ctx.input === undefined) return wait(withScratch(state, { phase: "asking" }), asked());

  const parsed = readAnswer(node.id, answer, ctx);
  if (parsed.ok) return advance(withFields(state, { [saveTo]: parsed.value }), "answered");

  const retry = countFailure(state, node.id, answer.kind === "free_text" ? answer.check.kind : "choice");
  if (retry.state.scratch.attempts >= maxAttempts) return advance(retry.state, "gave_up", [], [retry.event]);
  const hint = [fillFields(retryText, state.fields), parsed.error].filter((part) => part.trim() !== "").join(" ");
  const again = answer.kind === "free_text" ? [] : asked();
  return wait(retry.state, [...textMessages(hint), ...again], [retry.event]);
};
