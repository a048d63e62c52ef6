import { fillFields } from "@/lib/flow/templating";
import { advance, withFields, type NodeHandler } from "../node-handler";
import { clip } from "../outgoing";

// Field values are capped so that a value built from customer text cannot grow the state without bound.
const MAX_FIELD_CHARS = 1000;

export const handleSetField: NodeHandler<"set_field"> = (node, state) =>
  advance(withFields(state, { [node.data.field]: clip(fillFields(node.data.value, state.fields), MAX_FIELD_CHARS) }), "next");
