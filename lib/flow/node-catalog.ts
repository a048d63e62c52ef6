import type { FlowNode, NodeOfType, NodeType } from "./flow-node";
import type { ZodType } from "zod";
import { nodeSchemaByType } from "./flow-node";

export type NodeGroup = "Patterns" | "Messages & questions" | "Logic" | "Escalation";

export type Position = { x: number; y: number };

/** Client-safe metadata for one node type: what the palette, canvas and inspector show. */
export type NodeCatalogEntry<T extends NodeType> = {
  type: T;
  /** Plain words, e.g. "Status & tracking". */
  label: string;
  /** An emoji, so it renders without an icon font. */
  icon: string;
  group: NodeGroup;
  /** What the step does, in words a support manager understands. */
  description: string;
  /** A schema-valid node with sensible defaults, ready to drop on the canvas. */
  createDefault(id: string, position: Position): NodeOfType<T>;
  /** One line about the configuration, e.g. "3 categories · list". */
  summarize(node: NodeOfType<T>): string;
};

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const shorten = (text: string, max = 40): string => {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
};

/**
 * Builds through the node's own schema so defaults declared there (retry text, CSAT prompt…) are filled in
 * exactly as an import would fill them.
 */
function make<T extends NodeType>(type: T, input: unknown): NodeOfType<T> {
  const schemas: { [K in NodeType]: ZodType<NodeOfType<K>> } = nodeSchemaByType;
  return schemas[type].parse(input);
}

export const nodeCatalog = {
  categorize: {
    type: "categorize",
    label: "Issue categories",
    icon: "🗂️",
    group: "Patterns",
    description:
      "Asks what the customer needs with buttons or a list, and understands free text too. Each topic gets its own path; unclear answers get one clarifying question.",
    createDefault: (id, position) =>
      make("categorize", {
        id,
        type: "categorize",
        position,
        data: {
          prompt: "Hi! What can we help you with today?",
          display: "list",
          categories: [
            { id: "billing", title: "Billing", examples: ["question about my bill", "I was charged twice", "refund"] },
            { id: "delivery", title: "Delivery", examples: ["where is my order", "my parcel has not arrived", "tracking"] },
            { id: "account", title: "My account", examples: ["I can't log in", "reset my password", "change my email"] },
          ],
        },
      }),
    summarize: (node) => `${plural(node.data.categories.length, "category", "categories")} · ${node.data.display}`,
  },
  status_lookup: {
    type: "status_lookup",
    label: "Status & tracking",
    icon: "📦",
    group: "Patterns",
    description:
      "Asks for an order or ticket number, checks its format, looks it up and answers with the status. Has separate paths for not found and for when the lookup fails.",
    createDefault: (id, position) =>
      make("status_lookup", {
        id,
        type: "status_lookup",
        position,
        data: {
          prompt: "What is your order number? It looks like AB-12345.",
          referenceField: "order_id",
          referencePattern: "^[A-Z]{2}-\\d{5}$",
          referenceHint: "Order numbers look like AB-12345.",
          source: { kind: "static", records: [{ reference: "AB-12345", values: { status: "shipped" } }] },
          foundText: "Order {{order_id}} is {{status}}.",
          notFoundText: "I couldn't find that order.",
          errorText: "Sorry, I can't check orders right now.",
        },
      }),
    summarize: (node) => {
      const source = node.data.source;
      const where =
        source.kind === "static"
          ? `Static table · ${plural(source.records.length, "record")}`
          : `Web lookup · ${plural(source.mapping.length, "field")}`;
      return `${where} · saves ${node.data.referenceField}`;
    },
  },
  verify_identity: {
    type: "verify_identity",
    label: "Account verification",
    icon: "🔐",
    group: "Patterns",
    description:
      "Confirms the customer is who they say they are, with a one-time code, their phone number or date of birth, before anything sensitive happens.",
    createDefault: (id, position) =>
      make("verify_identity", {
        id,
        type: "verify_identity",
        position,
        data: { method: { kind: "otp" }, prompt: "I've sent you a code. Please type it here." },
      }),
    summarize: (node) => {
      const method = node.data.method;
      const how =
        method.kind === "otp"
          ? `One-time code · ${method.codeLength} digits`
          : method.kind === "phone_match"
            ? "Phone number match"
            : `Date of birth · checks ${method.expectedField}`;
      return `${how} · ${plural(node.data.maxAttempts, "attempt")}`;
    },
  },
  troubleshoot: {
    type: "troubleshoot",
    label: "Troubleshooting",
    icon: "🛠️",
    group: "Patterns",
    description:
      "Walks the customer through fixes one step at a time and asks “did this fix it?” after each. If nothing works, the steps tried go to the agent.",
    createDefault: (id, position) =>
      make("troubleshoot", {
        id,
        type: "troubleshoot",
        position,
        data: {
          intro: "Let's try a few quick fixes.",
          steps: [
            { id: "restart", title: "Restart the app", instructions: "Close the app completely and open it again." },
            { id: "update", title: "Update the app", instructions: "Install the latest version from your app store." },
          ],
        },
      }),
    summarize: (node) => plural(node.data.steps.length, "step"),
  },
  schedule: {
    type: "schedule",
    label: "Appointments",
    icon: "📅",
    group: "Patterns",
    description:
      "Lets the customer book, move or cancel an appointment by picking a free slot, then confirms it with a booking reference.",
    createDefault: (id, position) =>
      make("schedule", {
        id,
        type: "schedule",
        position,
        data: { actions: ["book", "reschedule", "cancel"], calendar: { kind: "hours" } },
      }),
    summarize: (node) => {
      const calendar = node.data.calendar;
      const slots =
        calendar.kind === "static"
          ? `${plural(calendar.slots.length, "fixed slot")}`
          : `${calendar.openHour}:00–${calendar.closeHour}:00 · ${calendar.slotMinutes} min`;
      return `${node.data.actions.join(", ")} · ${slots}`;
    },
  },
  collect_documents: {
    type: "collect_documents",
    label: "Document collection",
    icon: "📎",
    group: "Patterns",
    description:
      "Asks for each document or detail in turn, with clear instructions, and checks file type and size so nothing is missing when an agent picks it up.",
    createDefault: (id, position) =>
      make("collect_documents", {
        id,
        type: "collect_documents",
        position,
        data: {
          items: [
            {
              id: "receipt",
              label: "Receipt",
              instructions: "Please send a photo of your receipt.",
              kind: "media",
              acceptedTypes: ["image/*", "application/pdf"],
              saveTo: "receipt",
            },
          ],
        },
      }),
    summarize: (node) => {
      const required = node.data.items.filter((item) => item.required).length;
      return `${plural(node.data.items.length, "item")} · ${required} required`;
    },
  },
  handoff: {
    type: "handoff",
    label: "Hand off to an agent",
    icon: "🙋",
    group: "Patterns",
    description:
      "Passes the conversation to a person with everything collected so far, and tells the customer who will reply and when.",
    createDefault: (id, position) => make("handoff", { id, type: "handoff", position, data: {} }),
    summarize: (node) => `${node.data.queue} · ${node.data.priority} · ${node.data.eta}`,
  },
  start: {
    type: "start",
    label: "Start",
    icon: "▶️",
    group: "Messages & questions",
    description: "Where every conversation begins. Can greet the customer; their first message is kept for later steps.",
    createDefault: (id, position) =>
      make("start", { id, type: "start", position, data: { greeting: "Hi! You're chatting with our support assistant." } }),
    summarize: (node) => (node.data.greeting === "" ? "No greeting" : shorten(node.data.greeting)),
  },
  message: {
    type: "message",
    label: "Send a message",
    icon: "💬",
    group: "Messages & questions",
    description: "Sends a text, optionally with a picture or document, then moves on without waiting.",
    createDefault: (id, position) => make("message", { id, type: "message", position, data: { text: "Thanks for your message." } }),
    summarize: (node) => (node.data.media ? `${node.data.media.mediaType} · ` : "") + shorten(node.data.text),
  },
  ask: {
    type: "ask",
    label: "Ask a question",
    icon: "❓",
    group: "Messages & questions",
    description: "Asks a question with buttons, a list or a typed answer, checks the answer and saves it in a field.",
    createDefault: (id, position) =>
      make("ask", {
        id,
        type: "ask",
        position,
        data: { prompt: "What is your email address?", answer: { kind: "free_text", check: { kind: "email" } }, saveTo: "email" },
      }),
    summarize: (node) => {
      const answer = node.data.answer;
      const how =
        answer.kind === "buttons"
          ? plural(answer.choices.length, "button")
          : answer.kind === "list"
            ? `list · ${plural(answer.sections.reduce((n, s) => n + s.rows.length, 0), "row")}`
            : answer.check.kind === "none"
              ? "any text"
              : `${answer.check.kind} answer`;
      return `${how} → ${node.data.saveTo}`;
    },
  },
  condition: {
    type: "condition",
    label: "Condition",
    icon: "🔀",
    group: "Logic",
    description: "Picks a path based on what is known about the customer, for example their account tier.",
    createDefault: (id, position) =>
      make("condition", {
        id,
        type: "condition",
        position,
        data: { rules: [{ id: "vip", label: "VIP customer", when: { field: "tier", operator: "equals", value: "vip" } }] },
      }),
    summarize: (node) => plural(node.data.rules.length, "rule") + " · otherwise",
  },
  set_field: {
    type: "set_field",
    label: "Set a field",
    icon: "✏️",
    group: "Logic",
    description: "Stores a value in a field, for example to tag the conversation for reports or for the agent.",
    createDefault: (id, position) =>
      make("set_field", { id, type: "set_field", position, data: { field: "tag", value: "follow_up" } }),
    summarize: (node) => `${node.data.field} = ${shorten(node.data.value, 24)}`,
  },
  escalation_trigger: {
    type: "escalation_trigger",
    label: "Escalation check",
    icon: "🚨",
    group: "Escalation",
    description:
      "Checks at this point whether a person should take over, for example for angry or high-value customers, and sends them down the Escalate path.",
    createDefault: (id, position) =>
      make("escalation_trigger", {
        id,
        type: "escalation_trigger",
        position,
        data: { reason: "Customer is upset", rules: [{ kind: "negative_sentiment" }] },
      }),
    summarize: (node) => `${plural(node.data.rules.length, "rule")} · ${shorten(node.data.reason, 28)}`,
  },
  end: {
    type: "end",
    label: "End",
    icon: "🏁",
    group: "Messages & questions",
    description: "Closes the conversation, optionally asking the customer to rate the help from 1 to 5.",
    createDefault: (id, position) =>
      make("end", { id, type: "end", position, data: { text: "Glad I could help. Have a great day!" } }),
    summarize: (node) => `${node.data.resolved ? "Resolved" : "Not resolved"}${node.data.csat.enabled ? " · rating" : ""}`,
  },
} satisfies { [T in NodeType]: NodeCatalogEntry<T> };

/** The catalog entry of a node's type. */
export function catalogEntry<T extends NodeType>(type: T): NodeCatalogEntry<T> {
  // Seen through the mapped type, indexing by a generic T keeps the entry tied to T.
  const catalog: { [K in NodeType]: NodeCatalogEntry<K> } = nodeCatalog;
  return catalog[type];
}

/** The name a manager sees for a node: its own title, else its type's label. */
export function nodeDisplayName(node: Pick<FlowNode, "type" | "title">): string {
  const title = node.title?.trim();
  return title !== undefined && title !== "" ? title : nodeCatalog[node.type].label;
}

/** A node of any type with its default configuration. */
export function createDefaultNode(type: NodeType, id: string, position: Position): FlowNode {
  return catalogEntry(type).createDefault(id, position);
}

/** The one-line summary of any node. */
export function summarizeNode(node: FlowNode): string {
  return catalogEntry(node.type).summarize(node);
}

/** Palette order: the seven patterns first, in the source guide's order. */
export const NODE_GROUPS: readonly NodeGroup[] = ["Patterns", "Messages & questions", "Logic", "Escalation"];
