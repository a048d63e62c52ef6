import type { CategorizeNode, Category } from "@/lib/flow/nodes/categorize-node";
import { fillFields } from "@/lib/flow/templating";
import type { IntentCategory, IntentResult } from "@/runtime/nlu/types";
import type { ConversationState } from "../conversation-state";
import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { advance, wait, withScratch, type HandlerContext, type NodeHandler } from "../node-handler";
import { choiceMessage } from "../outgoing";
import { matchOption } from "../reply-matching";

// Classifying a whole essay adds nothing over its opening; the cap keeps steps fast on 10,000-character input.
const MAX_CLASSIFIED_CHARS = 2000;

const intentCategoriesCache = new WeakMap<CategorizeNode, IntentCategory[]>();

function intentCategories(node: CategorizeNode): IntentCategory[] {
  const known = intentCategoriesCache.get(node);
  if (known) return known;
  const categories = node.data.categories.map((category) => ({ id: category.id, title: category.title, examples: category.examples }));
  intentCategoriesCache.set(node, categories);
  return categories;
}

/** Classifies free text against a categorize node's categories. */
export function classifyForNode(node: CategorizeNode, text: string, ctx: Pick<HandlerContext, "engine">): IntentResult {
  return ctx.engine.nlu.classifyIntent(text.slice(0, MAX_CLASSIFIED_CHARS), intentCategories(node));
}

/** The category a tap or typed title picks, without classification. */
export const pickedCategory = (node: CategorizeNode, input: CustomerInput): Category | null =>
  matchOption(node.id, input, node.data.categories);

function confidentCategory(node: CategorizeNode, result: IntentResult): Category | null {
  if (result.categoryId === null || !(result.confidence >= node.data.confidenceThreshold)) return null;
  return node.data.categories.find((category) => category.id === result.categoryId) ?? null;
}

/**
 * The conversation's intent (which picks its checklist) is the first category chosen. A later categorize
 * node, often a follow-up such as "all good / something's wrong", only replaces it when it also saves to
 * the "intent" field.
 */
function choose(node: CategorizeNode, state: ConversationState, category: Category, confidence: number) {
  const fields = { ...state.fields, [node.data.saveTo]: category.id };
  const setsIntent = state.intent === null || node.data.saveTo === "intent";
  const next: ConversationState = setsIntent
    ? { ...state, intent: category.id, confidence: Math.min(1, Math.max(0, confidence)), fields }
    : { ...state, fields };
  return advance(next, `category:${category.id}`);
}

export const handleCategorize: NodeHandler<"categorize"> = (node, state, ctx) => {
  const { prompt, categories, display, listButton, clarifyPrompt, useFirstMessage } = node.data;
  const ask = (body: string) => choiceMessage(node.id, fillFields(body, state.fields), categories, listButton, display === "list" || categories.length > 3);

  if (ctx.input === undefined) {
    const opening = useFirstMessage ? (ctx.firstMessage ?? "").trim() : "";
    if (opening !== "") {
      const result = classifyForNode(node, opening, ctx);
      const category = confidentCategory(node, result);
      if (category) return choose(node, state, category, result.confidence);
    }
    return wait(withScratch(state, { phase: "asking" }), [ask(prompt)]);
  }
  if (ctx.input.kind !== "customer") return wait(state);

  const picked = pickedCategory(node, ctx.input.input);
  if (picked) return choose(node, state, picked, 1);

  const text = ctx.input.text.trim();
  const result = text === "" ? null : (ctx.intentHint ?? classifyForNode(node, text, ctx));
  const category = result ? confidentCategory(node, result) : null;
  if (result && category) return choose(node, state, category, result.confidence);

  const scored: ConversationState = { ...state, confidence: result ? Math.min(1, Math.max(0, result.confidence)) : 0 };
  if (state.scratch.phase === "clarifying") return advance(scored, "unclear");
  return wait(
    { ...scored, clarificationUsed: true, scratch: { ...state.scratch, phase: "clarifying" } },
    [ask(clarifyPrompt)],
    [{ type: "clarification.asked", nodeId: node.id, data: { confidence: scored.confidence ?? 0 } }],
  );
};
