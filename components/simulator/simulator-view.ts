import type { FlowDocument } from "@/lib/flow/flow-document";
import type { CustomerInput } from "@/lib/flow/outgoing-message";

/*
 * The plain, serialisable shapes the simulator page receives from the server. The runtime builds them
 * (runtime/simulator.ts); components only draw them.
 */

export type VersionChoice = { kind: "draft" } | { kind: "live" } | { kind: "version"; versionId: string };

export type SimulatedCustomer = { name: string; phone: string; fields: Record<string, string> };

/** What the simulated customer did in one step. */
export type SimulatorInput = { kind: "customer"; input: CustomerInput } | { kind: "timeout" };

export type TraceEvent = { type: string; nodeId?: string; port?: string; data?: Record<string, string | number | boolean | null> };

/** One engine step inside a customer turn (a turn with effects has several). */
export type TraceEngineStep = {
  input: string;
  nodeBefore: string | null;
  nodeAfter: string;
  status: string;
  outputs: string[];
  events: TraceEvent[];
  ms: number;
};

export type TriggerRecord = { kind: string; reason: string; triggerId: string | null; nodeId: string | null };

export type SimulatorStep = {
  index: number;
  at: string;
  input: SimulatorInput;
  /** Wall time of the whole turn on the server, database included. */
  turnMs: number;
  outcome: string;
  nodeAfter: string | null;
  engine: TraceEngineStep[];
  triggers: TriggerRecord[];
  /** The bot's replies to this step, as transcript text. */
  replies: string[];
  /** The customer typed the one-time code last sent: rewind and saved cases type the new code instead. */
  usesCode?: boolean;
};

export type ChatLine = {
  key: string;
  from: "customer" | "bot" | "agent";
  at: string;
  text: string;
  /** Customer lines: what they sent. */
  input: CustomerInput | null;
  /** Bot and agent lines: the Cloud API JSON the runtime rendered (outbox payload). */
  payload: unknown;
  /** Customer lines: "read" once the bot has taken the message in. Bot lines: the outbox status. */
  status: string | null;
  /** A new conversation began with this line (the previous one had ended). */
  startsConversation: boolean;
};

export type ChecklistView = { checklistId: string; label: string; intent: string; collected: string[]; missing: string[]; complete: boolean };

export type ConversationView = {
  nodeId: string;
  status: string;
  fields: Record<string, string>;
  checklist: ChecklistView[];
  path: string[];
  intent: string | null;
  confidence: number | null;
  verified: boolean;
  escalation: { kind: string; reason: string } | null;
};

export type SimulatorView = {
  sessionId: string;
  flow: { id: string; name: string; document: FlowDocument; versionLabel: string; choice: VersionChoice };
  customer: SimulatedCustomer;
  /** Draft sessions: the draft was saved again after this session started. */
  draftChanged: boolean;
  lines: ChatLine[];
  notices: { id: string; text: string; at: string }[];
  conversation: ConversationView | null;
  conversationStatus: "none" | "active" | "handoff" | "ended";
  handoff: { queue: string; reason: string; priority: string } | null;
  steps: SimulatorStep[];
  /** Sensitive field keys, masked in the fields panel as an agent would see them. */
  sensitiveFields: string[];
};

export type ReplayStepView = { index: number; said: string; replies: string[]; failures: string[]; nodeId: string; status: string };
export type ReplayReport = { name: string; versionLabel: string; passed: boolean; steps: ReplayStepView[]; outcomeFailure: string | null };
