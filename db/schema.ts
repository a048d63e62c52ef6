import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";

// Ids are uuid v7 made in the app: time-ordered, known before the insert, the same on PGlite and Postgres.
const id = () => uuid("id").primaryKey().$defaultFn(() => uuidv7());
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const roleEnum = pgEnum("role", ["admin", "editor", "tester", "agent"]);

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: roleEnum("role").notNull(),
  active: boolean("active").notNull().default(true),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type User = typeof users.$inferSelect;

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_attempts_email_created_at_idx").on(t.email, t.createdAt),
    index("login_attempts_address_created_at_idx").on(t.address, t.createdAt),
  ],
);

export const flows = pgTable(
  "flows",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The editable draft (a FlowDocument, parsed with flowDocumentSchema when read). */
    draft: jsonb("draft").$type<unknown>().notNull(),
    /** Bumped on every draft save; a save names the revision it started from (optimistic concurrency). */
    revision: integer("revision").notNull().default(1),
    liveVersionId: uuid("live_version_id"),
    lastVersionNumber: integer("last_version_number").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("flows_updated_at_idx").on(t.updatedAt)],
);
export type Flow = typeof flows.$inferSelect;

export const flowVersions = pgTable(
  "flow_versions",
  {
    id: id(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id),
    number: integer("number").notNull(),
    document: jsonb("document").$type<unknown>().notNull(),
    /** sha256 of the canonical JSON of the document. */
    contentHash: text("content_hash").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("flow_versions_flow_id_number_uq").on(t.flowId, t.number)],
);
export type FlowVersion = typeof flowVersions.$inferSelect;

export const channelKindEnum = pgEnum("channel_kind", ["whatsapp", "simulator"]);
export const channelStatusEnum = pgEnum("channel_status", ["active", "unauthorized", "disabled"]);

export const channels = pgTable("channels", {
  id: id(),
  kind: channelKindEnum("kind").notNull().default("whatsapp"),
  name: text("name").notNull(),
  phoneNumberId: text("phone_number_id").notNull().unique(),
  displayPhoneNumber: text("display_phone_number").notNull().default(""),
  verifyToken: text("verify_token").notNull(),
  /** Encrypted at rest (AES-256-GCM with a key derived from AUTH_SECRET); never sent to the browser. */
  appSecretEncrypted: text("app_secret_encrypted").notNull(),
  accessTokenEncrypted: text("access_token_encrypted").notNull(),
  graphUrl: text("graph_url").notNull().default("https://graph.facebook.com"),
  flowId: uuid("flow_id").references(() => flows.id),
  status: channelStatusEnum("status").notNull().default("active"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Channel = typeof channels.$inferSelect;

export const conversationStatusEnum = pgEnum("conversation_status", ["active", "handoff", "ended"]);

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id),
    /** BSUID, wa_id or phone: who the customer is on this channel. */
    customerKey: text("customer_key").notNull(),
    customerPhone: text("customer_phone"),
    customerName: text("customer_name"),
    flowId: uuid("flow_id").references(() => flows.id),
    /** The version the conversation started on; it stays pinned until the conversation ends. */
    versionId: uuid("version_id").references(() => flowVersions.id),
    state: jsonb("state").$type<unknown>(),
    status: conversationStatusEnum("status").notNull().default("active"),
    isSimulated: boolean("is_simulated").notNull().default(false),
    lastSeq: integer("last_seq").notNull().default(0),
    lastCustomerMessageAt: timestamp("last_customer_message_at", { withTimezone: true }),
    /** Set when WhatsApp answered 131047: only templates may be sent until the customer writes again. */
    outsideWindow: boolean("outside_window").notNull().default(false),
    // Outcomes for the analytics dashboard, kept by the analytics_events insert trigger (migration 0005):
    // who resolved it last, every escalation kind seen, whether the bot ever asked to clarify.
    resolvedBy: text("resolved_by").$type<"bot" | "agent">(),
    escalationKinds: text("escalation_kinds").array().notNull().default(sql`'{}'::text[]`),
    clarified: boolean("clarified").notNull().default(false),
    startedAt: createdAt(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open conversation per customer and channel.
    uniqueIndex("conversations_open_customer_uq")
      .on(t.channelId, t.customerKey)
      .where(sql`${t.status} <> 'ended'`),
    index("conversations_version_id_idx").on(t.versionId),
    index("conversations_flow_id_started_at_idx").on(t.flowId, t.startedAt),
    // The inactivity sweep looks for active conversations whose customer went quiet.
    index("conversations_status_last_customer_message_at_idx").on(t.status, t.lastCustomerMessageAt),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messageDirectionEnum = pgEnum("message_direction", ["inbound", "outbound"]);
export const messageAuthorEnum = pgEnum("message_author", ["customer", "bot", "agent"]);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    /** Order within the conversation; never derived from ids or clocks. */
    seq: integer("seq").notNull(),
    direction: messageDirectionEnum("direction").notNull(),
    author: messageAuthorEnum("author").notNull(),
    /** Inbound: the wamid WhatsApp sent; outbound: the wamid the Graph API answered with. */
    waMessageId: text("wa_message_id").unique(),
    /** CustomerInput for inbound, OutgoingMessage for outbound. */
    content: jsonb("content").$type<unknown>().notNull(),
    /** Plain text for transcripts and search. */
    text: text("text").notNull().default(""),
    deliveryStatus: text("delivery_status"),
    errorCode: integer("error_code"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("messages_conversation_id_seq_uq").on(t.conversationId, t.seq)],
);
export type Message = typeof messages.$inferSelect;

/** Dedupe for WhatsApp's at-least-once delivery: a wamid seen once is acknowledged and skipped afterwards. */
export const inboundReceipts = pgTable("inbound_receipts", {
  waMessageId: text("wa_message_id").primaryKey(),
  channelId: uuid("channel_id")
    .notNull()
    .references(() => channels.id),
  conversationId: uuid("conversation_id").references(() => conversations.id),
  receivedAt: createdAt(),
});

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sending", "sent", "failed", "dead"]);

export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id),
    messageId: uuid("message_id").references(() => messages.id),
    /** Same ordering as messages.seq: a row waits until earlier rows of its conversation are done. */
    seq: integer("seq").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    waMessageId: text("wa_message_id"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_status_next_attempt_at_idx").on(t.status, t.nextAttemptAt),
    index("outbox_conversation_id_seq_idx").on(t.conversationId, t.seq),
  ],
);
export type OutboxRow = typeof outbox.$inferSelect;

export const handoffStatusEnum = pgEnum("handoff_status", ["waiting", "assigned", "resolved"]);

export const handoffs = pgTable(
  "handoffs",
  {
    id: id(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    queue: text("queue").notNull(),
    priority: text("priority").notNull().default("normal"),
    reason: text("reason").notNull(),
    /** The context packet: fields, checklist collected/missing, steps tried, summary. */
    packet: jsonb("packet").$type<unknown>().notNull(),
    status: handoffStatusEnum("status").notNull().default("waiting"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    createdAt: createdAt(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("handoffs_status_created_at_idx").on(t.status, t.createdAt),
    index("handoffs_conversation_id_idx").on(t.conversationId),
  ],
);
export type Handoff = typeof handoffs.$inferSelect;

/**
 * How far each person has read each conversation in the inbox: its unread marker. A seq, not a time: WhatsApp stamps
 * messages with the customer's send time, and a read must not swallow a message that was sent before it but stored
 * after it.
 */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    /** The last messages.seq of the conversation this person has seen. */
    lastReadSeq: integer("last_read_seq").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "conversation_reads_user_id_conversation_id_pk", columns: [t.userId, t.conversationId] })],
);

export const analyticsEvents = pgTable(
  "analytics_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: uuid("conversation_id").notNull(),
    flowId: uuid("flow_id"),
    versionId: uuid("version_id"),
    nodeId: text("node_id"),
    type: text("type").notNull(),
    data: jsonb("data").$type<unknown>(),
    isSimulated: boolean("is_simulated").notNull().default(false),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("analytics_events_flow_version_occurred_at_idx").on(t.flowId, t.versionId, t.occurredAt),
    index("analytics_events_conversation_id_idx").on(t.conversationId),
    index("analytics_events_type_occurred_at_idx").on(t.type, t.occurredAt),
  ],
);

/**
 * One row per conversation and node it reached: the drop-off overlay counts rows instead of distinct events.
 * Kept by the analytics_events insert trigger (migration 0005), never written by application code.
 */
export const conversationSteps = pgTable(
  "conversation_steps",
  {
    conversationId: uuid("conversation_id").notNull(),
    nodeId: text("node_id").notNull(),
    flowId: uuid("flow_id"),
    versionId: uuid("version_id"),
    isSimulated: boolean("is_simulated").notNull().default(false),
    /** When the conversation first reached the node. */
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
    /** Completed the node or was handed to an agent there. */
    movedOn: boolean("moved_on").notNull().default(false),
    /** Went quiet there until the inactivity timeout. */
    dropped: boolean("dropped").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.nodeId] }),
    index("conversation_steps_version_entered_at_idx").on(t.versionId, t.enteredAt),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: uuid("actor_id").references(() => users.id),
    /** Past tense, dotted: user.created, flow.published, sign_in.failed… */
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    data: jsonb("data").$type<unknown>(),
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_action_created_at_idx").on(t.action, t.createdAt),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

export const bookingStatusEnum = pgEnum("booking_status", ["booked", "cancelled"]);

/** Appointments made by the scheduling pattern; one booking per slot of a flow. */
export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    reference: text("reference").notNull().unique(),
    flowId: uuid("flow_id").references(() => flows.id),
    conversationId: uuid("conversation_id").references(() => conversations.id),
    customerPhone: text("customer_phone").notNull(),
    slotId: text("slot_id").notNull(),
    slotLabel: text("slot_label").notNull(),
    status: bookingStatusEnum("status").notNull().default("booked"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("bookings_flow_id_slot_id_booked_uq")
      .on(t.flowId, t.slotId)
      .where(sql`${t.status} = 'booked'`),
  ],
);
export type Booking = typeof bookings.$inferSelect;

/** Out-of-band notices to the customer that do not go over WhatsApp, e.g. one-time codes (shown by the simulator). */
export const customerNotices = pgTable(
  "customer_notices",
  {
    id: id(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("customer_notices_conversation_id_idx").on(t.conversationId)],
);

/**
 * Simulator sessions (issue 7): the flow document a tester runs, snapshotted at start so a draft edit mid-session
 * cannot change the conversation under them, and the trace of every step for the side panels and rewind.
 */
export const simulatorSessions = pgTable(
  "simulator_sessions",
  {
    id: id(),
    createdBy: uuid("created_by").references(() => users.id),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id),
    /** Null when the session runs the draft. */
    versionId: uuid("version_id").references(() => flowVersions.id),
    /** The draft revision the session started from (draft sessions only): a later revision means the draft changed. */
    draftRevision: integer("draft_revision"),
    document: jsonb("document").$type<unknown>().notNull(),
    /** The simulated customer: name, phone and prefilled fields. */
    customer: jsonb("customer").$type<unknown>().notNull(),
    /** Every step so far (SimulatorStep[]); the customer inputs in it are what rewind replays. */
    steps: jsonb("steps").$type<unknown>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("simulator_sessions_created_by_created_at_idx").on(t.createdBy, t.createdAt)],
);
export type SimulatorSession = typeof simulatorSessions.$inferSelect;

/** Saved simulator conversations, replayable against any version (a ConversationCase, lib/flow/conversation-case.ts). */
export const simulatorCases = pgTable(
  "simulator_cases",
  {
    id: id(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id),
    name: text("name").notNull(),
    content: jsonb("content").$type<unknown>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("simulator_cases_flow_id_created_at_idx").on(t.flowId, t.createdAt)],
);
export type SimulatorCase = typeof simulatorCases.$inferSelect;
