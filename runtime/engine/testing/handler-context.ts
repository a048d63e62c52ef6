import type { FlowDocument } from "@/lib/flow/flow-document";
import type { FlowNode } from "@/lib/flow/flow-node";
import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { makeFlow } from "@/lib/flow/test-builders";
import { initialState, type ConversationState, type NodeScratch } from "../conversation-state";
import type { EffectResult } from "../effect";
import type { EngineContext } from "../engine-context";
import { indexFlow } from "../flow-index";
import type { HandlerContext, HandlerInput } from "../node-handler";
import { makeCtx } from "./make-context";

type Options = {
  flow?: FlowDocument;
  engine?: Partial<EngineContext>;
  firstMessage?: string | null;
};

/** A handler context for calling one handler directly; input undefined means "entering the node". */
export function handlerCtx(input: HandlerInput | undefined, options: Options = {}): HandlerContext {
  let counter = 0;
  return {
    input,
    engine: makeCtx(options.engine),
    flow: indexFlow(options.flow ?? makeFlow([], [])),
    today: "2026-03-02",
    newEffectId: () => `eff_${++counter}`,
    firstMessage: options.firstMessage ?? null,
    intentHint: null,
  };
}

export const typed = (text: string): HandlerInput => ({ kind: "customer", input: { kind: "text", text }, text });

export const tapped = (id: string, title: string): HandlerInput => ({ kind: "customer", input: { kind: "choice", id, title }, text: title });

export const sent = (input: CustomerInput): HandlerInput => ({
  kind: "customer",
  input,
  text: input.kind === "text" ? input.text : input.kind === "media" ? (input.caption ?? "") : input.kind === "choice" ? input.title : "",
});

export const answered = (result: EffectResult, effectId = "eff_1"): HandlerInput => ({ kind: "effect_result", effectId, result });

/** A state sitting at `node` (as if just entered), with optional scratch and fields. */
export function stateAt(node: FlowNode, scratch: Partial<NodeScratch> = {}, fields: Record<string, string> = {}): ConversationState {
  const base = initialState(node.id);
  return { ...base, fields, path: [node.id], scratch: { ...base.scratch, ...scratch } };
}
