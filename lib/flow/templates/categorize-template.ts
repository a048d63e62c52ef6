import { EXAMPLE_PHRASES } from "./example-phrases";
import { cell, defineTemplate, handoffText, link } from "./template-kit";

/** Pattern 1: find out what the customer needs first, then route each topic to the right team. */
export const categorizeTemplate = defineTemplate(
  {
    id: "categorize",
    name: "Guided issue categorization",
    pattern: "categorize",
    description: "Asks what the customer needs with a list of topics (typing also works) and routes each topic to the right team.",
  },
  () => ({
    schemaVersion: 1,
    name: "Guided issue categorization",
    description: "Routes billing, delivery and account questions to the right team.",
    settings: {
      defaultHandoffNodeId: "handoff_general",
      triggers: [{ id: "ask_for_human", reason: "Asked for a human", rule: { kind: "keyword", phrases: ["agent", "human"] } }],
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Hi! I'm the support assistant." } },
      {
        id: "choose_topic",
        type: "categorize",
        title: "Choose a topic",
        position: cell(1, 1),
        data: {
          prompt: "What can I help you with today? Pick a topic or just type your question.",
          display: "list",
          categories: [
            { id: "billing", title: "Billing", description: "Charges, refunds, invoices", examples: [...EXAMPLE_PHRASES.billing] },
            { id: "order_status", title: "Delivery", description: "Where is my order?", examples: [...EXAMPLE_PHRASES.order_status] },
            { id: "login", title: "My account", description: "Login and account details", examples: [...EXAMPLE_PHRASES.login] },
          ],
        },
      },
      { id: "handoff_billing", type: "handoff", title: "Billing team", position: cell(2, 0), data: { queue: "Billing", confirmationText: handoffText } },
      { id: "handoff_delivery", type: "handoff", title: "Delivery team", position: cell(2, 1), data: { queue: "Delivery", confirmationText: handoffText } },
      { id: "handoff_accounts", type: "handoff", title: "Accounts team", position: cell(2, 2), data: { queue: "Accounts", confirmationText: handoffText } },
      { id: "handoff_general", type: "handoff", title: "General support", position: cell(2, 3), data: { queue: "General support", confirmationText: handoffText } },
    ],
    edges: [
      link("start", "next", "choose_topic"),
      link("choose_topic", "category:billing", "handoff_billing"),
      link("choose_topic", "category:order_status", "handoff_delivery"),
      link("choose_topic", "category:login", "handoff_accounts"),
      link("choose_topic", "unclear", "handoff_general"),
    ],
  }),
);
