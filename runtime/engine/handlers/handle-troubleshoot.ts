import type { TroubleshootNode } from "@/lib/flow/nodes/troubleshoot-node";
import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { fillFields } from "@/lib/flow/templating";
import type { ConversationState } from "../conversation-state";
import { DEFAULT_TEXTS } from "../default-texts";
import { advance, countFailure, wait, type NodeHandler } from "../node-handler";
import { choiceMessage, textMessages } from "../outgoing";
import { matchYesNo } from "../reply-matching";

/** Unrecognised answers to one step before the node gives up as unresolved. */
const MAX_UNCLEAR_ANSWERS = 3;

function stepMessage(node: TroubleshootNode, index: number, fields: Readonly<Record<string, string>>): OutgoingMessage[] {
  const step = node.data.steps[index];
  if (!step) return [];
  const body = `*${step.title}*\n${fillFields(step.instructions, fields)}\n\n${fillFields(node.data.confirmPrompt, fields)}`;
  return [
    choiceMessage(node.id, body, [
      { id: "yes", title: node.data.yesLabel },
      { id: "no", title: node.data.noLabel },
    ], ""),
  ];
}

/** Records the step in state and in the steps_tried field the agent sees. */
function recordTried(state: ConversationState, title: string): ConversationState {
  const stepsTried = [...state.stepsTried, title].slice(-50);
  return { ...state, stepsTried, fields: { ...state.fields, steps_tried: stepsTried.join("; ") } };
}

export const handleTroubleshoot: NodeHandler<"troubleshoot"> = (node, state, ctx) => {
  const { intro, steps, yesLabel, noLabel } = node.data;
  if (ctx.input === undefined) {
    const next = { ...state, scratch: { ...state.scratch, phase: "step", index: 0, attempts: 0 } };
    return wait(next, [...textMessages(fillFields(intro, state.fields)), ...stepMessage(node, 0, state.fields)]);
  }
  if (ctx.input.kind !== "customer") return wait(state);

  const index = state.scratch.index;
  const step = steps[index];
  if (!step) return advance(state, "unresolved");
  const answer = matchYesNo(node.id, ctx.input.input, { id: "yes", title: yesLabel }, { id: "no", title: noLabel });
  if (answer === null) {
    const retry = countFailure(state, node.id, "yes or no");
    if (retry.state.scratch.attempts >= MAX_UNCLEAR_ANSWERS) return advance(recordTried(retry.state, step.title), "unresolved", [], [retry.event]);
    return wait(retry.state, [...textMessages(DEFAULT_TEXTS.troubleshootRetry), ...stepMessage(node, index, state.fields)], [retry.event]);
  }

  const tried = recordTried(state, step.title);
  if (answer === "yes") return advance(tried, "resolved");
  if (index + 1 >= steps.length) return advance(tried, "unresolved");
  return wait({ ...tried, scratch: { ...tried.scratch, index: index + 1, attempts: 0 } }, stepMessage(node, index + 1, tried.fields));
};
