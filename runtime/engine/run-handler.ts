import type { FlowNode } from "@/lib/flow/flow-node";
import { assertNever } from "@/lib/result";
import type { ConversationState } from "./conversation-state";
import { handlers } from "./handlers";
import type { HandlerContext, HandlerResult } from "./node-handler";

/** Dispatches to the node's handler; the switch keeps node and handler types paired without casts. */
export function runHandler(node: FlowNode, state: ConversationState, ctx: HandlerContext): HandlerResult {
  switch (node.type) {
    case "categorize":
      return handlers.categorize(node, state, ctx);
    case "status_lookup":
      return handlers.status_lookup(node, state, ctx);
    case "verify_identity":
      return handlers.verify_identity(node, state, ctx);
    case "troubleshoot":
      return handlers.troubleshoot(node, state, ctx);
    case "schedule":
      return handlers.schedule(node, state, ctx);
    case "collect_documents":
      return handlers.collect_documents(node, state, ctx);
    case "handoff":
      return handlers.handoff(node, state, ctx);
    case "start":
      return handlers.start(node, state, ctx);
    case "message":
      return handlers.message(node, state, ctx);
    case "ask":
      return handlers.ask(node, state, ctx);
    case "condition":
      return handlers.condition(node, state, ctx);
    case "set_field":
      return handlers.set_field(node, state, ctx);
    case "escalation_trigger":
      return handlers.escalation_trigger(node, state, ctx);
    case "end":
      return handlers.end(node, state, ctx);
    default:
      return assertNever(node);
  }
}
