// Builders for tests only: they parse through the real schemas, so every default is the one users get.
import { flowDocumentSchema, type FlowDocument, type FlowDocumentInput } from "./flow-document";
import { flowNodeSchema, type FlowNode, type NodeOfType, type NodeType } from "./flow-node";

type NodeExtras = { id?: string; title?: string; sensitive?: boolean };

const isNodeOfType = <T extends NodeType>(node: FlowNode, type: T): node is NodeOfType<T> => node.type === type;

/** A node of `type` with `data` parsed (defaults filled in); throws on invalid data, which is a broken test. */
export function makeNode<T extends NodeType>(type: T, data: Record<string, unknown> = {}, extras: NodeExtras = {}): NodeOfType<T> {
  const node = flowNodeSchema.parse({
    id: extras.id ?? type,
    type,
    position: { x: 0, y: 0 },
    data,
    ...(extras.title === undefined ? {} : { title: extras.title }),
    ...(extras.sensitive === undefined ? {} : { sensitive: extras.sensitive }),
  });
  if (!isNodeOfType(node, type)) throw new Error(`Built a ${node.type} node, expected ${type}`);
  return node;
}

export const makeAskNode = (data: Record<string, unknown>, extras: NodeExtras = {}) =>
  makeNode("ask", { prompt: "What is your email?", answer: { kind: "free_text", check: { kind: "email" } }, saveTo: "email", ...data }, { id: "ask", ...extras });

/** [source, port, target] */
export type EdgeSpec = readonly [string, string, string];

export function makeFlow(nodes: readonly FlowNode[], edges: readonly EdgeSpec[], settings: FlowDocumentInput["settings"] = {}): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 1,
    name: "Test flow",
    settings,
    nodes,
    edges: edges.map(([source, sourcePort, target], index) => ({ id: `e${index}`, source, sourcePort, target })),
  });
}

/** start → node → (every port of node) → end, for exercising one node in a whole flow. */
export function flowAround(node: FlowNode, ports: readonly string[], settings: FlowDocumentInput["settings"] = {}): FlowDocument {
  const ends = ports.map((port) => makeNode("end", { text: `ended via ${port}` }, { id: `end-${port.replace(/[^a-z0-9_-]/gi, "-")}` }));
  return makeFlow(
    [makeNode("start", {}, { id: "start" }), node, ...ends, makeNode("handoff", { queue: "Support" }, { id: "handoff" })],
    [["start", "next", node.id], ...ports.map((port, index): EdgeSpec => [node.id, port, ends[index]?.id ?? "handoff"])],
    { defaultHandoffNodeId: "handoff", ...settings },
  );
}

/**
 * A support desk using all seven patterns, for scenario tests and the benchmark while the product templates
 * are written: categorize → status / verification / troubleshooting / scheduling / documents / billing.
 */
export function supportDeskFixture(): FlowDocument {
  const nodes: FlowNode[] = [
    makeNode("start", { greeting: "Hi {{customer_name}}! I'm the support bot." }, { id: "start" }),
    makeNode(
      "categorize",
      {
        prompt: "What can I help you with?",
        categories: [
          { id: "delivery", title: "Where is my order", examples: ["where is my order", "tracking", "delivery late"] },
          { id: "account", title: "Update my address", examples: ["change address", "update my address"] },
          { id: "technical", title: "Router not working", examples: ["no internet", "router broken", "wifi down"] },
          { id: "appointment", title: "Book a visit", examples: ["book an appointment", "reschedule", "visit"] },
          { id: "claim", title: "Send documents", examples: ["refund claim", "send receipt", "documents"] },
          { id: "billing", title: "Billing question", examples: ["invoice", "charged twice", "refund"] },
        ],
      },
      { id: "topic" },
    ),
    makeNode(
      "status_lookup",
      {
        prompt: "What is your order number? It looks like AB-12345.",
        referencePattern: "^[A-Z]{2}-\\d{5}$",
        referenceHint: "Order numbers look like AB-12345.",
        source: {
          kind: "static",
          records: [
            { reference: "AB-12345", values: { status: "shipped", eta: "Friday" } },
            { reference: "CD-55555", values: { status: "delayed", eta: "next week" } },
          ],
        },
        foundText: "Order {{order_id}} is {{status}}, arriving {{eta}}.",
        notFoundText: "I couldn't find order {{order_id}}.",
        errorText: "Our order system is not answering right now.",
      },
      { id: "order-status" },
    ),
    makeNode("verify_identity", { method: { kind: "otp", codeLength: 6 }, prompt: "I sent you a code. Please type it." }, { id: "verify" }),
    makeNode(
      "ask",
      { prompt: "What is your new address?", answer: { kind: "free_text", check: { kind: "none" } }, saveTo: "new_address" },
      { id: "new-address", sensitive: true },
    ),
    makeNode(
      "troubleshoot",
      {
        intro: "Let's fix this together.",
        steps: [
          { id: "restart", title: "Restart the router", instructions: "Unplug it for 10 seconds, then plug it back in." },
          { id: "cables", title: "Check the cables", instructions: "Make sure the grey cable is firmly in the WAN port." },
        ],
      },
      { id: "fix-router" },
    ),
    makeNode(
      "schedule",
      {
        actions: ["book", "reschedule", "cancel"],
        calendar: { kind: "static", slots: [{ id: "mon-9", label: "Mon 9:00" }, { id: "tue-14", label: "Tue 14:00" }] },
      },
      { id: "visit" },
    ),
    makeNode(
      "collect_documents",
      {
        maxRetries: 1,
        items: [
          { id: "receipt", label: "Receipt", instructions: "Please send a photo of your receipt.", kind: "media", acceptedTypes: ["image/*", "application/pdf"], maxSizeMb: 5, saveTo: "receipt" },
          { id: "note", label: "Note", instructions: "Anything else we should know? (optional)", kind: "text", required: false, saveTo: "claim_note" },
        ],
      },
      { id: "claim-docs" },
    ),
    makeNode(
      "ask",
      { prompt: "Which email is your account under?", answer: { kind: "free_text", check: { kind: "email" } }, saveTo: "email", maxAttempts: 3 },
      { id: "billing-email" },
    ),
    makeNode("end", { text: "Glad I could help!", csat: { enabled: true } }, { id: "done" }),
    makeNode("end", { text: "Thanks, your new address is saved." }, { id: "address-saved" }),
    makeNode("handoff", { queue: "Support", eta: "15 minutes" }, { id: "agent" }),
    makeNode("handoff", { queue: "Billing", priority: "high" }, { id: "billing-agent" }),
    makeNode("handoff", { queue: "Priority", priority: "urgent" }, { id: "vip-agent" }),
  ];
  const edges: EdgeSpec[] = [
    ["start", "next", "topic"],
    ["topic", "category:delivery", "order-status"],
    ["topic", "category:account", "verify"],
    ["topic", "category:technical", "fix-router"],
    ["topic", "category:appointment", "visit"],
    ["topic", "category:claim", "claim-docs"],
    ["topic", "category:billing", "billing-email"],
    ["topic", "unclear", "agent"],
    ["order-status", "found", "done"],
    ["order-status", "not_found", "agent"],
    ["order-status", "error", "agent"],
    ["verify", "verified", "new-address"],
    ["verify", "failed", "agent"],
    ["new-address", "answered", "address-saved"],
    ["new-address", "gave_up", "agent"],
    ["fix-router", "resolved", "done"],
    ["fix-router", "unresolved", "agent"],
    ["visit", "booked", "done"],
    ["visit", "rescheduled", "done"],
    ["visit", "cancelled", "done"],
    ["visit", "abandoned", "agent"],
    ["claim-docs", "complete", "done"],
    ["claim-docs", "incomplete", "agent"],
    ["billing-email", "answered", "billing-agent"],
    ["billing-email", "gave_up", "agent"],
  ];
  return makeFlow(nodes, edges, {
    defaultHandoffNodeId: "agent",
    fields: [{ key: "email", label: "Email" }, { key: "order_id", label: "Order number" }],
    checklists: [
      { id: "delivery-min", intent: "delivery", label: "Order status", requirements: [["order_id"], ["customer_phone"]] },
      { id: "billing-min", intent: "billing", label: "Billing", requirements: [["email"], ["invoice_id"]] },
    ],
    triggers: [
      { id: "cancel", reason: "Wants to cancel the account", rule: { kind: "keyword", phrases: ["cancel my account"] } },
      { id: "angry", reason: "Angry customer", rule: { kind: "negative_sentiment", strongThreshold: -0.7, repeatedCount: 2 } },
      { id: "breach", reason: "Possible security issue", rule: { kind: "security", phrases: ["hacked", "data breach"] } },
      { id: "vip", reason: "Gold customer", rule: { kind: "high_value", when: { field: "tier", operator: "equals", value: "gold" } }, handoffNodeId: "vip-agent" },
      { id: "unsure", reason: "Could not tell what the customer needs", rule: { kind: "low_confidence", threshold: 0.5 } },
      { id: "stuck", reason: "Stuck on a question", rule: { kind: "flow_failure", maxValidationFailures: 3, onInactivity: true } },
    ],
  });
}
