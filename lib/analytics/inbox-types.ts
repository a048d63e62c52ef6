import type { ReplyWindow } from "./reply-window";

/*
 * What the inbox shows, as plain serialisable objects: db/queries/inbox.ts returns them, the route handlers send
 * them and components/inbox renders them (components may not import db/).
 */

export type InboxItem = {
  handoffId: string;
  conversationId: string;
  queue: string;
  priority: string;
  reason: string;
  escalationKind: string | null;
  status: "waiting" | "assigned" | "resolved";
  createdAt: string;
  resolvedAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  customerName: string | null;
  customerPhone: string | null;
  isVip: boolean;
  isSimulated: boolean;
  /** The customer wrote after the last message the viewer (or the assignee) saw. */
  isUnread: boolean;
};

export type InboxQueue = { queue: string; open: number };

export type InboxConversation = {
  item: InboxItem;
  conversationStatus: "active" | "handoff" | "ended";
  summary: string;
  reason: string;
  escalationKind: string | null;
  intent: string | null;
  verified: boolean | null;
  outsideHours: boolean;
  checklist: { label: string; collected: string[]; missing: string[]; complete: boolean }[];
  fields: { key: string; label: string; value: string; masked: boolean }[];
  stepsTried: string[];
  transcript: { seq: number; author: "customer" | "bot" | "agent"; text: string; at: string; deliveryStatus: string | null }[];
  window: { open: boolean; closesAt: string | null; reason: Exclude<ReplyWindow, { open: true }>["reason"] | null };
  resumeTargets: { nodeId: string; label: string }[];
  assignees: { id: string; name: string }[];
};
