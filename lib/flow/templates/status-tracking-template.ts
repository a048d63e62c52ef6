import { cell, defineTemplate, handoffText, link } from "./template-kit";

/** A small order table kept in the flow, so the template answers without any system connected. */
export const SAMPLE_ORDERS = [
  { reference: "AB-12345", values: { status: "shipped", detail: "It left our warehouse yesterday and should arrive within 2 days." } },
  { reference: "AB-67890", values: { status: "delivered", detail: "It was delivered on Monday and signed for at the front door." } },
  { reference: "AB-24680", values: { status: "being packed", detail: "It will ship tomorrow; you'll get a tracking link then." } },
  { reference: "AB-13579", values: { status: "delayed", detail: "The courier is running a day late. Sorry about that!" } },
];

export const orderLookupData = {
  prompt: "What's your order number? You'll find it in your confirmation email, e.g. AB-12345.",
  referenceField: "order_id",
  referencePattern: "^[A-Za-z]{2}-?\\d{5}$",
  referenceHint: "Order numbers look like AB-12345.",
  source: { kind: "static" as const, records: SAMPLE_ORDERS },
  foundText: "Order {{order_id}} is {{status}}. {{detail}}",
  notFoundText: "I couldn't find an order with that number.",
  errorText: "Sorry, I can't check orders right now.",
};

/** Pattern 2: ask for the order number, check its format, look it up and answer from the record. */
export const statusTrackingTemplate = defineTemplate(
  {
    id: "status-tracking",
    name: "Order status & tracking",
    pattern: "status_tracking",
    description: "Asks for an order number, looks it up in a small table and tells the customer where their order is.",
  },
  () => ({
    schemaVersion: 1,
    name: "Order status & tracking",
    description: "Answers “where is my order?” from an order table.",
    settings: {
      fields: [
        { key: "order_id", label: "Order number" },
        { key: "status", label: "Order status" },
      ],
      defaultHandoffNodeId: "handoff_delivery",
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Hi! I can check your order for you." } },
      { id: "find_order", type: "status_lookup", title: "Find the order", position: cell(1, 1), data: orderLookupData },
      {
        id: "done",
        type: "end",
        title: "Order answered",
        position: cell(2, 0),
        data: { text: "Anything else? Just send a message.", csat: { enabled: true } },
      },
      {
        id: "handoff_delivery",
        type: "handoff",
        title: "Delivery team",
        position: cell(2, 2),
        data: { queue: "Delivery", confirmationText: handoffText },
      },
    ],
    edges: [
      link("start", "next", "find_order"),
      link("find_order", "found", "done"),
      link("find_order", "not_found", "handoff_delivery"),
      link("find_order", "error", "handoff_delivery"),
    ],
  }),
);
