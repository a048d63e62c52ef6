import { fillFields } from "@/lib/flow/templating";
import { advance, type NodeHandler } from "../node-handler";
import { textMessages } from "../outgoing";

export const handleStart: NodeHandler<"start"> = (node, state) =>
  advance(state, "next", textMessages(fillFields(node.data.greeting, state.fields)));
