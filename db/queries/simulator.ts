import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import {
  channels,
  conversations,
  customerNotices,
  flows,
  flowVersions,
  handoffs,
  messages,
  outbox,
  simulatorCases,
  simulatorSessions,
  type Channel,
  type SimulatorSession,
} from "../schema";
import { getDb, type DbOrTx, type Tx } from "../index";
import { recordAudit } from "./audit";
import { insertLiveVersion } from "./versions";
import { SIMULATOR_PHONE_NUMBER_ID } from "../seed";
import { requireRole, type Actor } from "@/lib/auth/roles";
import { flowDocumentSchema, type FlowDocument } from "@/lib/flow/flow-document";
import { err, ok, type Result } from "@/lib/result";

export type SimulatorVersionOption = { id: string; number: number; note: string; createdAt: Date; live: boolean };
export type SimulatorFlowOption = { id: string; name: string; draftRevision: number; versions: SimulatorVersionOption[] };

/** Flows a tester may simulate, each with its published versions (newest first). */
export async function listSimulatorFlows(actor: Actor): Promise<SimulatorFlowOption[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  const flowRows = await db
    .select({ id: flows.id, name: flows.name, revision: flows.revision, liveVersionId: flows.liveVersionId })
    .from(flows)
    .where(isNull(flows.deletedAt))
    .orderBy(desc(flows.updatedAt));
  const versionRows = await db
    .select({ id: flowVersions.id, flowId: flowVersions.flowId, number: flowVersions.number, note: flowVersions.note, createdAt: flowVersions.createdAt })
    .from(flowVersions)
    .orderBy(desc(flowVersions.number));
  return flowRows.map((flow) => ({
    id: flow.id,
    name: flow.name,
    draftRevision: flow.revision,
    versions: versionRows
      .filter((version) => version.flowId === flow.id)
      .map(({ flowId: _flowId, ...version }) => ({ ...version, live: version.id === flow.liveVersionId })),
  }));
}

export type VersionChoice = { kind: "draft" } | { kind: "live" } | { kind: "version"; versionId: string };
export type LoadedFlow = {
  flowId: string;
  flowName: string;
  document: FlowDocument;
  versionId: string | null;
  versionNumber: number | null;
  draftRevision: number | null;
};
export type LoadFlowError = { code: "not_found" | "no_live_version" | "unreadable"; message: string };

/** The document a simulation runs: the flow's draft, its live version or any published one. */
export async function loadFlowForSimulation(actor: Actor, flowId: string, choice: VersionChoice): Promise<Result<LoadedFlow, LoadFlowError>> {
  requireRole(actor, "tester");
  const db = await getDb();
  const [flow] = await db
    .select({ id: flows.id, name: flows.name, draft: flows.draft, revision: flows.revision, liveVersionId: flows.liveVersionId })
    .from(flows)
    .where(and(eq(flows.id, flowId), isNull(flows.deletedAt)));
  if (!flow) return err({ code: "not_found", message: "That flow no longer exists." });
  if (choice.kind === "draft") {
    const parsed = flowDocumentSchema.safeParse(flow.draft);
    if (!parsed.success) return err({ code: "unreadable", message: "The draft has steps that are not filled in yet. Fix them in the editor first." });
    return ok({ flowId, flowName: flow.name, document: parsed.data, versionId: null, versionNumber: null, draftRevision: flow.revision });
  }
  const versionId = choice.kind === "live" ? flow.liveVersionId : choice.versionId;
  if (!versionId) return err({ code: "no_live_version", message: "This flow has not been published yet. Try the draft instead." });
  const [version] = await db
    .select({ id: flowVersions.id, number: flowVersions.number, document: flowVersions.document })
    .from(flowVersions)
    .where(and(eq(flowVersions.id, versionId), eq(flowVersions.flowId, flowId)));
  if (!version) return err({ code: "not_found", message: "That version does not belong to this flow." });
  const parsed = flowDocumentSchema.safeParse(version.document);
  if (!parsed.success) return err({ code: "unreadable", message: `Version ${version.number} cannot be read by this release.` });
  return ok({ flowId, flowName: flow.name, document: parsed.data, versionId: version.id, versionNumber: version.number, draftRevision: null });
}

/** The draft's current revision, to tell a tester that the draft changed since their session started. */
export async function getDraftRevision(actor: Actor, flowId: string): Promise<number | null> {
  requireRole(actor, "tester");
  const db = await getDb();
  const [row] = await db.select({ revision: flows.revision }).from(flows).where(eq(flows.id, flowId));
  return row?.revision ?? null;
}

export async function createSimulatorSession(
  actor: Actor,
  input: { flowId: string; versionId: string | null; draftRevision: number | null; document: FlowDocument; customer: unknown },
): Promise<SimulatorSession> {
  requireRole(actor, "tester");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(simulatorSessions)
      .values({ ...input, createdBy: actor.userId, steps: [] })
      .returning();
    if (!session) throw new Error("insert returned no simulator session");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "simulator.started",
      subjectType: "flow",
      subjectId: input.flowId,
      data: { sessionId: session.id, versionId: input.versionId },
    });
    return session;
  });
}

/** A session of this tester, or null: one tester never sees another's session. */
export async function getSimulatorSession(actor: Actor, sessionId: string): Promise<SimulatorSession | null> {
  requireRole(actor, "tester");
  const db = await getDb();
  const [session] = await db
    .select()
    .from(simulatorSessions)
    .where(and(eq(simulatorSessions.id, sessionId), eq(simulatorSessions.createdBy, actor.userId)));
  return session ?? null;
}

/** The session row locked for one turn, so two taps on the same session run one after the other. */
export async function lockSimulatorSession(tx: Tx, actor: Actor, sessionId: string): Promise<SimulatorSession | null> {
  requireRole(actor, "tester");
  const [session] = await tx
    .select()
    .from(simulatorSessions)
    .where(and(eq(simulatorSessions.id, sessionId), eq(simulatorSessions.createdBy, actor.userId)))
    .for("update");
  return session ?? null;
}

export async function saveSimulatorSteps(tx: Tx, sessionId: string, steps: unknown[]): Promise<void> {
  await tx.update(simulatorSessions).set({ steps }).where(eq(simulatorSessions.id, sessionId));
}

export async function getSimulatorChannel(tx: DbOrTx): Promise<Channel | null> {
  const [channel] = await tx.select().from(channels).where(eq(channels.phoneNumberId, SIMULATOR_PHONE_NUMBER_ID));
  return channel ?? null;
}

/** The newest simulated conversation of a session's customer key, if any. */
export async function getLatestSimulatedConversation(tx: DbOrTx, channelId: string, customerKey: string) {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.channelId, channelId), eq(conversations.customerKey, customerKey)))
    .orderBy(desc(conversations.startedAt))
    .limit(1);
  return row ?? null;
}

export type SimulatedLine = {
  conversationId: string;
  seq: number;
  direction: "inbound" | "outbound";
  author: "customer" | "bot" | "agent";
  content: unknown;
  text: string;
  deliveryStatus: string | null;
  createdAt: Date;
  /** The Cloud API JSON the runtime rendered for this message (outbound only). */
  payload: unknown;
  outboxStatus: string | null;
};

/** Everything said in a session's conversations, oldest first, with the rendered outbox payloads. */
export async function listSimulatedTranscript(tx: DbOrTx, channelId: string, customerKey: string): Promise<SimulatedLine[]> {
  const rows = await tx
    .select({
      conversationId: messages.conversationId,
      seq: messages.seq,
      direction: messages.direction,
      author: messages.author,
      content: messages.content,
      text: messages.text,
      deliveryStatus: messages.deliveryStatus,
      createdAt: messages.createdAt,
      payload: outbox.payload,
      outboxStatus: outbox.status,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(outbox, eq(outbox.messageId, messages.id))
    .where(and(eq(conversations.channelId, channelId), eq(conversations.customerKey, customerKey), eq(conversations.isSimulated, true)))
    .orderBy(asc(conversations.startedAt), asc(messages.seq));
  return rows.map((row) => ({ ...row, payload: row.payload ?? null, outboxStatus: row.outboxStatus ?? null }));
}

/** One-time codes and other out-of-band notices sent to a session's customer, oldest first. */
export async function listSimulatedNotices(tx: DbOrTx, channelId: string, customerKey: string) {
  return tx
    .select({ id: customerNotices.id, kind: customerNotices.kind, text: customerNotices.text, createdAt: customerNotices.createdAt })
    .from(customerNotices)
    .innerJoin(conversations, eq(conversations.id, customerNotices.conversationId))
    .where(and(eq(conversations.channelId, channelId), eq(conversations.customerKey, customerKey)))
    .orderBy(asc(customerNotices.createdAt));
}

/** Handoffs created in a session's conversations, newest first. */
export async function listSimulatedHandoffs(tx: DbOrTx, channelId: string, customerKey: string) {
  return tx
    .select({ id: handoffs.id, queue: handoffs.queue, reason: handoffs.reason, priority: handoffs.priority, status: handoffs.status, createdAt: handoffs.createdAt })
    .from(handoffs)
    .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
    .where(and(eq(conversations.channelId, channelId), eq(conversations.customerKey, customerKey)))
    .orderBy(desc(handoffs.createdAt));
}

export type SimulatorCaseSummary = { id: string; name: string; createdAt: Date; content: unknown };

export async function listSimulatorCases(actor: Actor, flowId: string): Promise<SimulatorCaseSummary[]> {
  requireRole(actor, "tester");
  const db = await getDb();
  return db
    .select({ id: simulatorCases.id, name: simulatorCases.name, createdAt: simulatorCases.createdAt, content: simulatorCases.content })
    .from(simulatorCases)
    .where(eq(simulatorCases.flowId, flowId))
    .orderBy(desc(simulatorCases.createdAt));
}

export async function getSimulatorCase(actor: Actor, caseId: string): Promise<SimulatorCaseSummary & { flowId: string } | null> {
  requireRole(actor, "tester");
  const db = await getDb();
  const [row] = await db
    .select({ id: simulatorCases.id, name: simulatorCases.name, createdAt: simulatorCases.createdAt, content: simulatorCases.content, flowId: simulatorCases.flowId })
    .from(simulatorCases)
    .where(eq(simulatorCases.id, caseId));
  return row ?? null;
}

export async function saveSimulatorCase(actor: Actor, input: { flowId: string; name: string; content: unknown }): Promise<string> {
  requireRole(actor, "tester");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(simulatorCases)
      .values({ ...input, createdBy: actor.userId })
      .returning({ id: simulatorCases.id });
    if (!row) throw new Error("insert returned no simulator case");
    await recordAudit(tx, { actorId: actor.userId, action: "simulator_case.saved", subjectType: "simulator_case", subjectId: row.id, data: { flowId: input.flowId, name: input.name } });
    return row.id;
  });
}

export async function deleteSimulatorCase(actor: Actor, caseId: string): Promise<boolean> {
  requireRole(actor, "tester");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx.delete(simulatorCases).where(eq(simulatorCases.id, caseId)).returning({ id: simulatorCases.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actorId: actor.userId, action: "simulator_case.deleted", subjectType: "simulator_case", subjectId: caseId });
    return true;
  });
}

/**
 * Creates a flow and publishes each document as a version, in order; the last one is also the draft. Lets a
 * tester's fixtures (and flows written as code) arrive with a history to compare against.
 */
export async function importFlowWithVersions(
  actor: Actor,
  input: { name: string; documents: readonly FlowDocument[] },
): Promise<{ flowId: string; versionIds: string[] }> {
  requireRole(actor, "editor");
  const last = input.documents.at(-1);
  if (!last) throw new Error("importFlowWithVersions needs at least one document");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [flow] = await tx
      .insert(flows)
      .values({ name: input.name, description: last.description, draft: last, createdBy: actor.userId })
      .returning({ id: flows.id });
    if (!flow) throw new Error("insert returned no flow");
    const versionIds: string[] = [];
    for (const [index, document] of input.documents.entries()) {
      const version = await insertLiveVersion(tx, { flowId: flow.id, document, authorId: actor.userId, note: `Imported version ${index + 1}` });
      versionIds.push(version.id);
    }
    await recordAudit(tx, { actorId: actor.userId, action: "flow.imported", subjectType: "flow", subjectId: flow.id, data: { versions: versionIds.length } });
    return { flowId: flow.id, versionIds };
  });
}
