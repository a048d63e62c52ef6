import { cell, defineTemplate, handoffText, link } from "./template-kit";

/** Pattern 7: hand over with context, and with priority for VIP customers. */
export const handoffTemplate = defineTemplate(
  {
    id: "handoff",
    name: "Context-preserving handoff",
    pattern: "handoff",
    description: "Asks for a one-line summary, routes VIP customers to priority support and everyone else to the team, with the full context attached.",
  },
  () => ({
    schemaVersion: 1,
    name: "Human handoff",
    description: "Passes the conversation to a person with its context.",
    settings: {
      fields: [
        { key: "issue_summary", label: "Issue in the customer's words" },
        { key: "tier", label: "Customer tier", kind: "choice" },
      ],
      defaultHandoffNodeId: "handoff_general",
      triggers: [
        { id: "upset", reason: "Customer is upset", rule: { kind: "negative_sentiment" } },
        { id: "security", reason: "Security or fraud concern", rule: { kind: "security", phrases: ["fraud", "hacked", "stolen"] }, handoffNodeId: "handoff_priority" },
      ],
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Hi! I'll get you to the right person." } },
      {
        id: "ask_issue",
        type: "ask",
        title: "Ask what's wrong",
        position: cell(1, 1),
        data: {
          prompt: "In a sentence, what do you need help with? Our team will see your answer.",
          answer: { kind: "free_text", check: { kind: "none" } },
          saveTo: "issue_summary",
        },
      },
      {
        id: "check_vip",
        type: "condition",
        title: "VIP customer?",
        position: cell(2, 0),
        data: { rules: [{ id: "vip", label: "VIP", when: { field: "tier", operator: "equals", value: "vip" } }] },
      },
      {
        id: "handoff_priority",
        type: "handoff",
        title: "Priority support",
        position: cell(3, 0),
        data: { queue: "Priority support", priority: "urgent", eta: "5 minutes", confirmationText: handoffText },
      },
      { id: "handoff_general", type: "handoff", title: "General support", position: cell(3, 2), data: { queue: "General support", confirmationText: handoffText } },
    ],
    edges: [
      link("start", "next", "ask_issue"),
      link("ask_issue", "answered", "check_vip"),
      link("ask_issue", "gave_up", "handoff_general"),
      link("check_vip", "rule:vip", "handoff_priority"),
      link("check_vip", "else", "handoff_general"),
    ],
  }),
);
