import type { FlowDocumentInput, FlowEdge } from "../flow-document";

/**
 * Small flows for validator tests (imported only by tests and the benchmark). Each call returns a fresh object
 * that tests may mutate to break exactly one rule.
 */
export type Fixture = FlowDocumentInput & { nodes: NodeInputList; edges: FlowEdge[] };
type NodeInputList = FlowDocumentInput["nodes"];

export const edge = (source: string, sourcePort: string, target: string): FlowEdge => ({
  id: `${source}.${sourcePort}`,
  source,
  sourcePort,
  target,
});

/**
 * Start → “Choose a topic” (Delivery, Billing) → Delivery asks the order number and hands off to the
 * delivery team; Billing sends a message and ends; unclear answers and give-ups go to general support.
 */
export function deliveryFlow(): Fixture {
  return {
    schemaVersion: 1,
    name: "Delivery desk",
    settings: {
      fields: [{ key: "order_id", label: "Order number" }],
      checklists: [{ id: "delivery", intent: "delivery", label: "Delivery", requirements: [["order_id"]], requiredAt: ["handoff_delivery"] }],
      defaultHandoffNodeId: "handoff_general",
    },
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi!" } },
      {
        id: "choose_topic",
        type: "categorize",
        title: "Choose a topic",
        position: { x: 320, y: 0 },
        data: {
          prompt: "What do you need?",
          categories: [
            { id: "delivery", title: "Delivery" },
            { id: "billing", title: "Billing" },
          ],
        },
      },
      {
        id: "ask_order",
        type: "ask",
        title: "Ask order number",
        position: { x: 640, y: 0 },
        data: { prompt: "Your order number?", answer: { kind: "free_text", check: { kind: "regex", pattern: "^AB-\\d{5}$" } }, saveTo: "order_id" },
      },
      { id: "handoff_delivery", type: "handoff", title: "Hand off to delivery team", position: { x: 960, y: 0 }, data: { queue: "Delivery" } },
      { id: "billing_info", type: "message", title: "Refund times", position: { x: 640, y: 200 }, data: { text: "Refunds take 5 days." } },
      { id: "done", type: "end", position: { x: 960, y: 200 }, data: {} },
      { id: "handoff_general", type: "handoff", title: "General support", position: { x: 960, y: 400 }, data: {} },
    ],
    edges: [
      edge("start", "next", "choose_topic"),
      edge("choose_topic", "category:delivery", "ask_order"),
      edge("choose_topic", "category:billing", "billing_info"),
      edge("choose_topic", "unclear", "handoff_general"),
      edge("ask_order", "answered", "handoff_delivery"),
      edge("ask_order", "gave_up", "handoff_general"),
      edge("billing_info", "next", "done"),
    ],
  };
}

/** The node input with this id, for tests that tweak one node. */
export function nodeIn(flow: Fixture, id: string): NodeInputList[number] {
  const node = flow.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`fixture has no node ${id}`);
  return node;
}

/**
 * A large, valid flow for timing: a topic menu whose branches are long chains of questions, messages,
 * field updates and conditions, all handing off with checklists to prove. About `size` nodes.
 */
export function largeFlow(size: number): Fixture {
  const branches = 10;
  const blockSize = 4;
  const blocksPerBranch = Math.max(1, Math.floor((size - 4 - branches) / (branches * blockSize)));
  const nodes: NodeInputList = [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    {
      id: "menu",
      type: "categorize",
      position: { x: 320, y: 0 },
      data: {
        prompt: "Pick a topic",
        categories: Array.from({ length: branches }, (_, b) => ({ id: `topic${b}`, title: `Topic ${b}`, examples: ["help me", "question"] })),
      },
    },
    { id: "general", type: "handoff", position: { x: 0, y: 400 }, data: {} },
  ];
  const edges: FlowEdge[] = [edge("start", "next", "menu"), edge("menu", "unclear", "general")];
  const checklists: NonNullable<FlowDocumentInput["settings"]["checklists"]> = [];
  for (let b = 0; b < branches; b += 1) {
    let previous = { id: "menu", port: `category:topic${b}` };
    for (let k = 0; k < blocksPerBranch; k += 1) {
      const p = `b${b}k${k}`;
      const x = (2 + k * blockSize) * 320;
      const y = b * 200;
      nodes.push(
        { id: `${p}ask`, type: "ask", position: { x, y }, data: { prompt: `Question ${p}?`, answer: { kind: "free_text", check: { kind: "none" } }, saveTo: `f_${p}` } },
        { id: `${p}msg`, type: "message", position: { x: x + 320, y }, data: { text: `You said {{f_${p}}}.` } },
        { id: `${p}set`, type: "set_field", position: { x: x + 640, y }, data: { field: `g_${p}`, value: "{{f_" + p + "}}" } },
        { id: `${p}cond`, type: "condition", position: { x: x + 960, y }, data: { rules: [{ id: "yes", label: "Yes", when: { field: `f_${p}`, operator: "equals", value: "yes" } }] } },
      );
      edges.push(
        edge(previous.id, previous.port, `${p}ask`),
        edge(`${p}ask`, "gave_up", k === 0 ? "general" : `b${b}k${k - 1}ask`),
        edge(`${p}ask`, "answered", `${p}msg`),
        edge(`${p}msg`, "next", `${p}set`),
        edge(`${p}set`, "next", `${p}cond`),
        edge(`${p}cond`, "rule:yes", "general"),
      );
      previous = { id: `${p}cond`, port: "else" };
    }
    nodes.push({ id: `h${b}`, type: "handoff", position: { x: (2 + blocksPerBranch * blockSize) * 320, y: b * 200 }, data: {} });
    edges.push(edge(previous.id, previous.port, `h${b}`));
    checklists.push({ id: `c${b}`, intent: `topic${b}`, label: `Topic ${b}`, requirements: [[`f_b${b}k0`], ["customer_phone"]], requiredAt: [`h${b}`] });
  }
  return { schemaVersion: 1, name: "Large flow", settings: { checklists, defaultHandoffNodeId: "general" }, nodes, edges };
}
