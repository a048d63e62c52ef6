/** The kinds of audit entries an admin filters by, each a list of actions. */
export const AUDIT_KINDS = {
  publishes: { label: "Publishes", actions: ["flow.published"] },
  rollbacks: { label: "Rollbacks", actions: ["flow.rolled_back"] },
  flows: {
    label: "Flow changes",
    actions: ["flow.created", "flow.renamed", "flow.duplicated", "flow.deleted", "flow.imported", "flow.draft_restored"],
  },
  people: { label: "People and roles", actions: ["user.created", "user.role_changed", "user.deactivated", "user.reactivated"] },
  channels: { label: "Channels", actions: ["channel.created", "channel.updated", "channel.test_message_sent", "outbox.retried"] },
  sign_ins: { label: "Failed sign-ins", actions: ["sign_in.failed", "sign_in.rate_limited"] },
} as const satisfies Record<string, { label: string; actions: readonly string[] }>;

export type AuditKind = keyof typeof AUDIT_KINDS;

export function isAuditKind(value: string): value is AuditKind {
  return Object.hasOwn(AUDIT_KINDS, value);
}

export type AuditEntryView = {
  action: string;
  data: unknown;
  actorName: string | null;
  actorEmail: string | null;
  address: string | null;
};

const read = (data: unknown, key: string): unknown =>
  typeof data === "object" && data !== null ? Reflect.get(data, key) : undefined;
const text = (data: unknown, key: string): string | undefined => {
  const value = read(data, key);
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
};
const quoted = (value: string | undefined, fallback: string) => (value ? `“${value}”` : fallback);

const ROLE_WORDS: Record<string, string> = { admin: "Admin", editor: "Editor", tester: "Tester", agent: "Agent" };
const role = (value: string | undefined) => (value ? (ROLE_WORDS[value] ?? value) : "another role");

const CHANNEL_FIELD_WORDS: Record<string, string> = {
  name: "name",
  phoneNumberId: "phone number ID",
  displayPhoneNumber: "display number",
  verifyToken: "verify token",
  graphUrl: "Graph API address",
  flowId: "flow",
  appSecret: "app secret",
  accessToken: "access token",
};

/** One audit entry in plain words, e.g. "Ann published version 3 of “Support desk”: new greeting". */
export function describeAuditEntry(entry: AuditEntryView): string {
  const who = entry.actorName ?? "Someone";
  const data = entry.data;
  const flow = quoted(text(data, "flowName") ?? text(data, "name"), "a flow");
  switch (entry.action) {
    case "flow.published": {
      const note = text(data, "note");
      return `${who} published version ${text(data, "number") ?? "?"} of ${flow}${note ? `: ${note}` : ""}`;
    }
    case "flow.rolled_back": {
      const from = text(data, "fromNumber");
      return `${who} rolled ${flow} back to version ${text(data, "number") ?? "?"}${from ? ` (version ${from} was live)` : ""}`;
    }
    case "flow.draft_restored":
      return `${who} restored version ${text(data, "number") ?? "?"} of ${flow} as the draft`;
    case "flow.created":
      return `${who} created the flow ${flow}`;
    case "flow.renamed":
      return `${who} renamed the flow ${quoted(text(data, "from"), "")} to ${quoted(text(data, "to"), "a new name")}`;
    case "flow.duplicated":
      return `${who} made a copy of a flow named ${flow}`;
    case "flow.deleted":
      return `${who} deleted the flow ${flow}`;
    case "flow.imported":
      return `${who} imported ${flow}`;
    case "user.created":
      return `${who} added ${text(data, "email") ?? "a person"} as ${role(text(data, "role"))}`;
    case "user.role_changed":
      return `${who} changed ${text(data, "email") ?? "a person"} from ${role(text(data, "from"))} to ${role(text(data, "to"))}`;
    case "user.deactivated":
      return `${who} deactivated ${text(data, "email") ?? "a person"}`;
    case "user.reactivated":
      return `${who} reactivated ${text(data, "email") ?? "a person"}`;
    case "channel.created":
      return `${who} added the WhatsApp number ${quoted(text(data, "name"), "")} (${text(data, "phoneNumberId") ?? "?"})`;
    case "channel.updated": {
      const changed = read(data, "changed");
      const fields = Array.isArray(changed) ? changed.map((field) => CHANNEL_FIELD_WORDS[String(field)] ?? String(field)) : [];
      const reactivated = read(data, "reactivated") === true ? "; sending resumed" : "";
      return `${who} changed the WhatsApp number ${quoted(text(data, "name"), "")}${fields.length ? `: ${fields.join(", ")}` : " (nothing changed)"}${reactivated}`;
    }
    case "channel.test_message_sent":
      return `${who} sent a test message from ${quoted(text(data, "name"), "a number")} to ${text(data, "to") ?? "a phone"}`;
    case "outbox.retried":
      return `${who} retried a message that could not be sent`;
    case "sign_in.failed":
      return `Failed sign-in as ${text(data, "email") ?? "an unknown email"}${entry.address ? ` from ${entry.address}` : ""}`;
    case "sign_in.rate_limited":
      return `Sign-ins paused for ${text(data, "email") ?? "an account"} after repeated failures${entry.address ? ` (from ${entry.address})` : ""}`;
    default:
      return `${who}: ${entry.action.replace(/[._]/g, " ")}`;
  }
}
