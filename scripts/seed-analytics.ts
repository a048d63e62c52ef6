// Generates realistic analytics history for the dashboard and its benchmark: conversations that walk the
// "Complete support desk" template's graph across three versions and 90 days, with their analytics events and
// handoffs, bulk-loaded with COPY. Conversations still waiting for an agent get a short transcript so the inbox
// shows what the customer said.
// Run: npm run seed:analytics -- --conversations 100000 [--days 90] [--seed 7]   (DATABASE_URL must name a Postgres
// database; it is migrated first). Prints the flow id to open in /analytics.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { v7 as uuidv7 } from "uuid";
import { openDatabase } from "@/db/connect";
import { seedDatabase } from "@/db/seed";
import { hashFlowDocument } from "@/db/queries/versions";
import { completeSupportDeskTemplate } from "@/lib/flow/templates";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { FlowNode } from "@/lib/flow/flow-node";
import { seededRandom } from "@/runtime/whatsapp/seeded-random";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};
const CONVERSATIONS = Math.floor(option("conversations", 100_000));
const DAYS = Math.floor(option("days", 90));
const random = seededRandom(Math.floor(option("seed", 7)));
const VERSIONS = 3;
const DAY_MS = 86_400_000;

type Cell = string | number | boolean | null | Date;
type Table = { name: string; columns: string[]; rows: Cell[][] };

/** Postgres COPY text format: tab-separated, \N for null, backslash escapes. */
function copyLine(row: Cell[]): string {
  return (
    row
      .map((cell) => {
        if (cell === null) return "\\N";
        if (cell instanceof Date) return cell.toISOString();
        if (typeof cell === "boolean") return cell ? "t" : "f";
        return String(cell).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
      })
      .join("\t") + "\n"
  );
}

async function copy(sql: postgres.Sql, table: Table): Promise<void> {
  const stream = await sql.unsafe(`copy ${table.name} (${table.columns.join(", ")}) from stdin`).writable();
  function* chunks() {
    for (let start = 0; start < table.rows.length; start += 5000) {
      yield table.rows.slice(start, start + 5000).map(copyLine).join("");
    }
  }
  await pipeline(Readable.from(chunks()), stream);
}

const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};
const chance = (p: number) => random() < p;
const between = (low: number, high: number) => low + random() * (high - low);
/** Skewed towards short waits, with a long tail, as agent response times are. */
const longTail = (median: number) => median * Math.exp((random() - 0.5) * 2.5) * (chance(0.1) ? 4 : 1);

/** What a customer escalated for each reason might have written: the opening and the line that escalated. */
const CUSTOMER_LINES: Record<string, [string, string]> = {
  keyword: ["Hi, my order still hasn't arrived", "Can I talk to a person please?"],
  negative_sentiment: ["My parcel is late again", "This is the third time, I'm really fed up with this"],
  low_confidence: ["hello", "the thing from last week with the card"],
  high_value: ["Hello, I have a question about my invoice", "It's about the annual contract renewal"],
  security: ["I got a code I didn't ask for", "I think someone is trying to get into my account"],
  flow_failure: ["My router keeps dropping the connection", "I tried all of that already and it still doesn't work"],
};

/** A few alternating customer and bot messages ending at the handoff: [seq, author, direction, text, at]. */
function transcript(kind: string, startedAt: Date, handoffAt: Date): [number, "customer" | "bot", "inbound" | "outbound", string, Date][] {
  const [opening, escalating] = CUSTOMER_LINES[kind] ?? ["Hello", "I need help with something"];
  const step = Math.max(1000, (handoffAt.getTime() - startedAt.getTime()) / 4);
  const at = (index: number) => new Date(startedAt.getTime() + step * index);
  return [
    [1, "customer", "inbound", opening, at(0)],
    [2, "bot", "outbound", "Thanks for getting in touch! What can I help you with today?", at(1)],
    [3, "customer", "inbound", escalating, at(2)],
    [4, "bot", "outbound", "I'm connecting you with a member of our team. They'll have everything you told me.", at(3)],
  ];
}

const WAITING_TYPES = new Set<FlowNode["type"]>(["ask", "categorize", "verify_identity", "troubleshoot", "schedule", "collect_documents", "status_lookup"]);
const TRIGGER_KINDS = ["keyword", "negative_sentiment", "low_confidence", "high_value", "security", "flow_failure"] as const;
const ROUTE_REASONS: Record<string, string> = {
  keyword: "The customer asked for a person",
  negative_sentiment: "The customer sounds upset",
  low_confidence: "The bot could not tell what the customer needs",
  high_value: "VIP customer",
  security: "Security or privacy concern",
  flow_failure: "Stuck on a step",
  flow_route: "The flow handed the conversation to an agent",
};

type Walk = {
  events: { nodeId: string | null; type: string; data: Record<string, string | number> | null; at: Date }[];
  end: "resolved" | "dropped" | "handoff";
  endedAt: Date;
  messages: number;
  handoff: { queue: string; kind: string; at: Date; nodeId: string } | null;
};

/** One conversation's path through the graph: ports chosen with realistic weights, drops and triggers on the way. */
function walk(flow: FlowDocument, version: number, startedAt: Date): Walk {
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const edges = new Map<string, { port: string; target: string }[]>();
  for (const edge of flow.edges) edges.set(edge.source, [...(edges.get(edge.source) ?? []), { port: edge.sourcePort, target: edge.target }]);
  // Later versions improve: fewer customers give up at each question.
  const dropRate = [0.09, 0.065, 0.045][version - 1] ?? 0.05;
  const result: Walk = { events: [], end: "dropped", endedAt: startedAt, messages: 1, handoff: null };
  let at = startedAt.getTime();
  const emit = (nodeId: string | null, type: string, data: Record<string, string | number> | null = null) => {
    at += between(500, 4000);
    result.events.push({ nodeId, type, data, at: new Date(at) });
  };
  let nodeId = flow.nodes.find((node) => node.type === "start")?.id ?? "start";
  let escalation = "flow_route";
  for (let guard = 0; guard < 40; guard++) {
    const node = nodes.get(nodeId);
    if (!node) break;
    emit(nodeId, "node.entered");
    if (node.type === "handoff") {
      emit(nodeId, "conversation.escalated", { kind: escalation, reason: ROUTE_REASONS[escalation] ?? escalation, queue: node.data.queue });
      result.end = "handoff";
      result.handoff = { queue: node.data.queue, kind: escalation, at: new Date(at), nodeId };
      result.messages += 1;
      break;
    }
    if (node.type === "end") {
      emit(nodeId, "node.completed");
      result.messages += 1;
      if (node.data.resolved) emit(nodeId, "conversation.resolved");
      if (node.data.csat.enabled && chance(0.55)) {
        const score = pick([5, 5, 5, 5, 4, 4, 4, 3, 2, 1]);
        emit(nodeId, "csat.recorded", { score });
        result.messages += 2;
      }
      result.end = node.data.resolved ? "resolved" : "dropped";
      break;
    }
    if (WAITING_TYPES.has(node.type)) {
      at += between(8_000, 90_000);
      result.messages += 2;
      if (chance(dropRate)) {
        at += 30 * 60_000;
        emit(nodeId, "conversation.dropped");
        result.end = "dropped";
        break;
      }
      if (node.type === "ask" || node.type === "verify_identity") {
        for (let attempt = 1; attempt <= 2 && chance(0.14); attempt++) {
          emit(nodeId, "validation.failed", { reason: "format", attempt });
          result.messages += 2;
        }
      }
      if (node.type === "categorize" && chance(0.12)) {
        emit(nodeId, "clarification.asked", { confidence: Number(between(0.3, 0.6).toFixed(2)) });
        result.messages += 2;
      }
      if (chance(0.035)) {
        const kind = pick(TRIGGER_KINDS);
        emit(nodeId, "trigger.fired", { kind, reason: ROUTE_REASONS[kind] ?? kind });
        escalation = kind;
        nodeId = kind === "high_value" ? "handoff_priority" : kind === "security" ? "handoff_security" : (flow.settings.defaultHandoffNodeId ?? "handoff_general");
        continue;
      }
    }
    const outgoing = edges.get(nodeId) ?? [];
    if (outgoing.length === 0) break;
    // The first port is the happy path; "gave up", "not found", "unclear" are rarer.
    const weights = outgoing.map((edge, index) => (/gave_up|not_found|error|unclear|failed|abandoned|incomplete|unresolved/.test(edge.port) ? 0.35 : index === 0 ? 2.2 : 1));
    let roll = random() * weights.reduce((sum, weight) => sum + weight, 0);
    let chosen = outgoing[0];
    for (const [index, edge] of outgoing.entries()) {
      roll -= weights[index] ?? 0;
      if (roll <= 0) {
        chosen = edge;
        break;
      }
    }
    if (!chosen) break;
    emit(nodeId, "node.completed", { port: chosen.port });
    nodeId = chosen.target;
  }
  result.endedAt = new Date(at);
  return result;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/threadline_bench");
  const began = performance.now();
  const handle = await openDatabase({ kind: "postgres", url, max: 2 });
  await seedDatabase(handle.db, { authSecret: process.env.AUTH_SECRET ?? "seed-analytics", env: { ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? "seed-analytics-admin" } });
  await handle.close();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const document = completeSupportDeskTemplate.build();
    const now = Date.now();
    const rangeStart = now - DAYS * DAY_MS;
    const [channel] = await sql<{ id: string }[]>`select id from channels where kind = 'whatsapp' order by created_at limit 1`;
    const [simulator] = await sql<{ id: string }[]>`select id from channels where kind = 'simulator' limit 1`;
    const agents = await sql<{ id: string }[]>`select id from users where role in ('agent', 'admin') and active`;
    if (!channel || !simulator || agents.length === 0) throw new Error("the base seed did not create channels and an admin");

    const documentJson = JSON.parse(JSON.stringify(document)) as postgres.JSONValue;
    const flowId = uuidv7();
    await sql`insert into flows (id, name, description, draft, last_version_number)
      values (${flowId}, ${"Complete support desk (sample history)"}, ${"Generated by seed:analytics"}, ${sql.json(documentJson)}, 0)`;
    const versionIds: string[] = [];
    const versionStarts: number[] = [];
    for (let number = 1; number <= VERSIONS; number++) {
      const id = uuidv7();
      const createdAt = new Date(rangeStart + ((number - 1) * DAYS * DAY_MS) / VERSIONS - DAY_MS);
      await sql`insert into flow_versions (id, flow_id, number, document, content_hash, note, created_at)
        values (${id}, ${flowId}, ${number}, ${sql.json(documentJson)}, ${hashFlowDocument(document)}, ${`Sample version ${number}`}, ${createdAt})`;
      versionIds.push(id);
      versionStarts.push(createdAt.getTime());
    }
    const liveVersionId = versionIds.at(-1) ?? null;
    await sql`update flows set live_version_id = ${liveVersionId}, last_version_number = ${VERSIONS} where id = ${flowId}`;

    const conversationRows: Cell[][] = [];
    const eventRows: Cell[][] = [];
    const handoffRows: Cell[][] = [];
    const messageRows: Cell[][] = [];
    for (let index = 0; index < CONVERSATIONS; index++) {
      // Weekdays and office hours are busier.
      let startedMs = rangeStart + random() * (DAYS * DAY_MS - 3_600_000);
      const hour = new Date(startedMs).getUTCHours();
      if ((hour < 7 || hour > 20) && chance(0.6)) startedMs -= (hour < 7 ? -8 : 8) * 3_600_000;
      const startedAt = new Date(Math.min(startedMs, now - 3_600_000));
      const versionIndex = versionStarts.filter((start) => start <= startedAt.getTime()).length - 1;
      const version = Math.max(0, versionIndex);
      const versionId = versionIds[version] ?? null;
      const simulated = chance(0.03);
      const path = walk(document, version + 1, startedAt);
      const id = uuidv7({ msecs: startedAt.getTime() });
      let status: "active" | "handoff" | "ended" = "ended";
      let endedAt: Date | null = path.endedAt;
      let messages = path.messages;
      if (path.handoff) {
        const created = path.handoff.at;
        const stillOpen = created.getTime() > now - 2 * DAY_MS && chance(0.5);
        const answered = !stillOpen || chance(0.4);
        const firstResponse = answered ? new Date(created.getTime() + longTail(4 * 60_000)) : null;
        const resolvedAt = stillOpen || !firstResponse ? null : new Date(firstResponse.getTime() + longTail(25 * 60_000));
        const assignee = answered ? pick(agents).id : null;
        const tier = path.handoff.kind === "high_value" || chance(0.04) ? "vip" : "standard";
        handoffRows.push([
          uuidv7({ msecs: created.getTime() }), id, path.handoff.queue,
          path.handoff.kind === "high_value" ? "high" : path.handoff.kind === "security" ? "urgent" : "normal",
          ROUTE_REASONS[path.handoff.kind] ?? path.handoff.kind,
          JSON.stringify({ handoffNodeId: path.handoff.nodeId, queue: path.handoff.queue, escalationKind: path.handoff.kind, reason: ROUTE_REASONS[path.handoff.kind] ?? "", summary: "Generated sample conversation", fields: { tier }, sensitiveFields: [], checklist: [], stepsTried: [] }),
          resolvedAt ? "resolved" : assignee ? "assigned" : "waiting",
          assignee, created, assignee ? firstResponse : null, firstResponse, resolvedAt,
        ]);
        if (resolvedAt) {
          eventRows.push([id, flowId, versionId, path.handoff.nodeId, "conversation.resolved", JSON.stringify({ by: "agent" }), simulated, resolvedAt]);
          messages += 4 + Math.floor(random() * 8);
          endedAt = resolvedAt;
        } else {
          status = "handoff";
          endedAt = null;
          const lines = transcript(path.handoff.kind, startedAt, created);
          messages = lines.length;
          for (const [seq, author, direction, text, at] of lines) {
            // CustomerInput and OutgoingMessage share the text shape.
            messageRows.push([uuidv7({ msecs: at.getTime() }), id, seq, direction, author, JSON.stringify({ kind: "text", text }), text, direction === "outbound" ? "read" : null, at]);
          }
        }
      }
      conversationRows.push([
        id, simulated ? simulator.id : channel.id, `seed-${index}`, `1555${String(index).padStart(7, "0")}`, flowId, versionId,
        status, simulated, messages, startedAt, endedAt, startedAt, endedAt ?? path.endedAt,
      ]);
      for (const event of path.events) {
        eventRows.push([id, flowId, versionId, event.nodeId, event.type, event.data ? JSON.stringify(event.data) : null, simulated, event.at]);
      }
    }
    const generated = performance.now();
    await copy(sql, {
      name: "conversations",
      columns: ["id", "channel_id", "customer_key", "customer_phone", "flow_id", "version_id", "status", "is_simulated", "last_seq", "created_at", "ended_at", "last_customer_message_at", "updated_at"],
      rows: conversationRows,
    });
    await copy(sql, {
      name: "handoffs",
      columns: ["id", "conversation_id", "queue", "priority", "reason", "packet", "status", "assignee_id", "created_at", "claimed_at", "first_response_at", "resolved_at"],
      rows: handoffRows,
    });
    await copy(sql, {
      name: "messages",
      columns: ["id", "conversation_id", "seq", "direction", "author", "content", "text", "delivery_status", "created_at"],
      rows: messageRows,
    });
    await copy(sql, {
      name: "analytics_events",
      columns: ["conversation_id", "flow_id", "version_id", "node_id", "type", "data", "is_simulated", "occurred_at"],
      rows: eventRows,
    });
    // The events' insert trigger rewrote every conversation row (outcome columns) and filled conversation_steps:
    // vacuum so the dashboard reads a settled table, as autovacuum would leave it.
    await sql`vacuum analyze conversations`;
    await sql`vacuum analyze conversation_steps`;
    await sql`analyze analytics_events`;
    await sql`analyze handoffs`;
    await sql`analyze messages`;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `seeded ${conversationRows.length} conversations, ${eventRows.length} events, ${handoffRows.length} handoffs, ` +
        `${messageRows.length} transcript messages ` +
        `over ${DAYS} days and ${VERSIONS} versions in ${seconds(performance.now() - began)} s ` +
        `(generate ${seconds(generated - began)} s, load ${seconds(performance.now() - generated)} s)`,
    );
    console.log(`flow id: ${flowId}`);
    console.log(`versions: ${versionIds.join(", ")}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
