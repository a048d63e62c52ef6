import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { channels, flows, flowVersions } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { recordAudit } from "./audit";
import { requireRole, type Actor } from "@/lib/auth/roles";
import { hashFlowDocument } from "./versions";
import { flowDocumentSchema, FLOW_SCHEMA_VERSION, type FlowDocument } from "@/lib/flow/flow-document";
import { createDefaultNode } from "@/lib/flow/node-catalog";
import { findTemplate } from "@/lib/flow/templates";
import { schemaIssues } from "@/lib/flow/validation/schema-issues";
import { err, ok, one, type Result } from "@/lib/result";

export type FlowListItem = {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  liveVersionNumber: number | null;
  publishedAt: Date | null;
  hasUnpublishedChanges: boolean;
};

const isUuid = (value: string): boolean => z.uuid().safeParse(value).success;

/** Flows with their live version's number, publish time and content hash (null columns when never published). */
function selectFlowsWithLiveVersion(db: DbOrTx) {
  return db
    .select({
      id: flows.id,
      name: flows.name,
      description: flows.description,
      draft: flows.draft,
      revision: flows.revision,
      updatedAt: flows.updatedAt,
      liveVersionNumber: flowVersions.number,
      publishedAt: flowVersions.createdAt,
      liveHash: flowVersions.contentHash,
    })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.liveVersionId));
}

/** A draft that was never published, or that cannot be read, counts as changed. */
function differsFromLive(draft: FlowDocument | null, liveHash: string | null): boolean {
  return liveHash === null || draft === null || hashFlowDocument(draft) !== liveHash;
}

export async function listFlows(actor: Actor, search = ""): Promise<FlowListItem[]> {
  requireRole(actor, "viewer");
  const db = await getDb();
  const rows = await selectFlowsWithLiveVersion(db).where(isNull(flows.deletedAt)).orderBy(desc(flows.updatedAt));
  const needle = search.trim().toLowerCase();
  return rows
    .filter((row) => needle === "" || row.name.toLowerCase().includes(needle) || row.description.toLowerCase().includes(needle))
    .map(({ draft, liveHash, revision: _revision, ...row }) => {
      const parsed = flowDocumentSchema.safeParse(draft);
      return { ...row, hasUnpublishedChanges: differsFromLive(parsed.success ? parsed.data : null, liveHash) };
    });
}

/** What the editor page needs; the draft is parsed, so the browser never sees unchecked jsonb. */
export type FlowForEditor = {
  id: string;
  name: string;
  revision: number;
  document: FlowDocument;
  liveVersionNumber: number | null;
  publishedAt: Date | null;
  hasUnpublishedChanges: boolean;
  updatedAt: Date;
};

export type FlowReadError = { code: "not-found" } | { code: "unreadable-draft"; problems: string[] };

export async function getFlowForEditor(actor: Actor, flowId: string): Promise<Result<FlowForEditor, FlowReadError>> {
  requireRole(actor, "viewer");
  if (!isUuid(flowId)) return err({ code: "not-found" });
  const db = await getDb();
  const [row] = await selectFlowsWithLiveVersion(db).where(and(eq(flows.id, flowId), isNull(flows.deletedAt)));
  if (!row) return err({ code: "not-found" });
  const parsed = flowDocumentSchema.safeParse(row.draft);
  if (!parsed.success) {
    return err({ code: "unreadable-draft", problems: schemaIssues(parsed.error.issues, row.draft).map((issue) => issue.message) });
  }
  return ok({
    id: row.id,
    name: row.name,
    revision: row.revision,
    document: parsed.data,
    liveVersionNumber: row.liveVersionNumber,
    publishedAt: row.publishedAt,
    hasUnpublishedChanges: differsFromLive(parsed.data, row.liveHash),
    updatedAt: row.updatedAt,
  });
}

/** A new flow's draft: a start node only, ready to drag steps onto. */
export function blankFlowDocument(name: string): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    name,
    settings: {},
    nodes: [createDefaultNode("start", "start", { x: 0, y: 0 })],
    edges: [],
  });
}

export type CreateFlowError = { code: "unknown-template"; message: string };

export async function createFlow(
  actor: Actor,
  input: { name: string; templateId?: string | undefined },
): Promise<Result<{ id: string }, CreateFlowError>> {
  requireRole(actor, "editor");
  let document: FlowDocument;
  if (input.templateId === undefined) {
    document = blankFlowDocument(input.name);
  } else {
    const template = findTemplate(input.templateId);
    if (!template) return err({ code: "unknown-template", message: "That template does not exist any more. Pick another one." });
    document = { ...template.build(), name: input.name };
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const created = await insertFlow(tx, actor, document);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "flow.created",
      subjectType: "flow",
      subjectId: created.id,
      data: { name: document.name, templateId: input.templateId ?? null },
    });
    return ok(created);
  });
}

async function insertFlow(tx: DbOrTx, actor: Actor, document: FlowDocument): Promise<{ id: string }> {
  return one(
    await tx
      .insert(flows)
      .values({ name: document.name, description: document.description, draft: document, createdBy: actor.userId })
      .returning({ id: flows.id }),
    "flow",
  );
}

export type FlowChangeError = { code: "not-found"; message: string };
const flowNotFound = (): { ok: false; error: FlowChangeError } =>
  err({ code: "not-found", message: "This flow does not exist any more. It may have been deleted." });

/** Locks the live (not deleted) flow row for the rest of the transaction. */
async function lockFlow(tx: DbOrTx, flowId: string) {
  if (!isUuid(flowId)) return undefined;
  const [row] = await tx
    .select({ id: flows.id, name: flows.name, draft: flows.draft, revision: flows.revision })
    .from(flows)
    .where(and(eq(flows.id, flowId), isNull(flows.deletedAt)))
    .for("update");
  return row;
}

/** Renames the flow and its draft together; the revision moves, so an open editor reloads rather than undoing it. */
export async function renameFlow(actor: Actor, input: { flowId: string; name: string }): Promise<Result<{ revision: number }, FlowChangeError>> {
  requireRole(actor, "editor");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockFlow(tx, input.flowId);
    if (!row) return flowNotFound();
    const draft = typeof row.draft === "object" && row.draft !== null ? { ...row.draft, name: input.name } : row.draft;
    const [updated] = await tx
      .update(flows)
      .set({ name: input.name, draft, revision: row.revision + 1 })
      .where(eq(flows.id, row.id))
      .returning({ revision: flows.revision });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "flow.renamed",
      subjectType: "flow",
      subjectId: row.id,
      data: { from: row.name, to: input.name },
    });
    return ok({ revision: updated?.revision ?? row.revision + 1 });
  });
}

/** Copies the draft into a new, unpublished flow named "Copy of …". */
export async function duplicateFlow(actor: Actor, input: { flowId: string }): Promise<Result<{ id: string; name: string }, FlowChangeError>> {
  requireRole(actor, "editor");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockFlow(tx, input.flowId);
    if (!row) return flowNotFound();
    const parsed = flowDocumentSchema.safeParse(row.draft);
    const name = `Copy of ${row.name}`.slice(0, 120);
    const document = parsed.success ? { ...parsed.data, name } : blankFlowDocument(name);
    const created = await insertFlow(tx, actor, document);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "flow.duplicated",
      subjectType: "flow",
      subjectId: created.id,
      data: { from: row.id, name },
    });
    return ok({ id: created.id, name });
  });
}

export type DeleteFlowError = FlowChangeError | { code: "bound-to-channel"; message: string; channelNames: string[] };

/** Soft delete: versions and conversations keep pointing at it. A flow that a channel runs cannot be deleted. */
export async function deleteFlow(actor: Actor, input: { flowId: string }): Promise<Result<{ id: string }, DeleteFlowError>> {
  requireRole(actor, "editor");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockFlow(tx, input.flowId);
    if (!row) return flowNotFound();
    const bound = await tx.select({ name: channels.name }).from(channels).where(eq(channels.flowId, row.id));
    if (bound.length > 0) {
      const channelNames = bound.map((channel) => channel.name);
      return err({
        code: "bound-to-channel" as const,
        channelNames,
        message: `“${row.name}” is answering customers on ${channelNames.map((name) => `“${name}”`).join(", ")}. Connect that channel to another flow in Settings → Channels first.`,
      });
    }
    await tx.update(flows).set({ deletedAt: new Date() }).where(eq(flows.id, row.id));
    await recordAudit(tx, { actorId: actor.userId, action: "flow.deleted", subjectType: "flow", subjectId: row.id, data: { name: row.name } });
    return ok({ id: row.id });
  });
}

export type SaveDraftError =
  | FlowChangeError
  | { code: "conflict"; currentRevision: number; updatedAt: Date; message: string }
  | { code: "invalid"; message: string; problems: string[] };

/**
 * Saves the whole draft if nobody saved since `revision` (optimistic concurrency: the update names the revision
 * it expects). The draft must be schema-shaped; publishing rules are the validator's business, not this one's.
 */
export async function saveDraft(
  actor: Actor,
  input: { flowId: string; revision: number; document: unknown },
): Promise<Result<{ revision: number; savedAt: Date }, SaveDraftError>> {
  requireRole(actor, "editor");
  const parsed = flowDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    const problems = schemaIssues(parsed.error.issues, input.document).map((issue) => issue.message);
    return err({ code: "invalid", message: "This draft could not be saved because some steps are malformed.", problems });
  }
  if (!isUuid(input.flowId)) return flowNotFound();
  const document = parsed.data;
  const db = await getDb();
  const [saved] = await db
    .update(flows)
    .set({ draft: document, name: document.name, description: document.description, revision: input.revision + 1 })
    .where(and(eq(flows.id, input.flowId), eq(flows.revision, input.revision), isNull(flows.deletedAt)))
    .returning({ revision: flows.revision, savedAt: flows.updatedAt });
  if (saved) return ok(saved);

  const [current] = await db
    .select({ revision: flows.revision, updatedAt: flows.updatedAt })
    .from(flows)
    .where(and(eq(flows.id, input.flowId), isNull(flows.deletedAt)));
  if (!current) return flowNotFound();
  return err({
    code: "conflict",
    currentRevision: current.revision,
    updatedAt: current.updatedAt,
    message: "Someone else changed this flow. Reload to see their version — your unsaved change will be kept as a copy you can paste.",
  });
}
