import { FLOW_SCHEMA_VERSION, flowDocumentSchema, type FlowDocument } from "@/lib/flow/flow-document";

/** The flow a fresh install starts with. */
export function demoFlowDocument(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    name: "Complete support desk",
    description: "Greets the customer and hands over to the team.",
    settings: { defaultHandoffNodeId: "handoff" },
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi! I'm the Threadline assistant." } },
      { id: "handoff", type: "handoff", position: { x: 320, y: 0 }, data: {} },
    ],
    edges: [{ id: "e-start", source: "start", sourcePort: "next", target: "handoff" }],
  });
}
