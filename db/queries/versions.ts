import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { conversations, flows, flowVersions, users, type FlowVersion } from "../schema";
import { getDb, type DbOrTx } from "../index";
import { recordAudit } from "./audit";
import { canonicalJson } from "@/lib/flow/canonical-json";
import { flowDocumentSchema, type FlowDocument } from "@/lib/flow/flow-document";
import { validateFlow, type Issue } from "@/lib/flow/validate-flow";
import { requireRole, type Actor } from "@/lib/auth/roles";
import { err, ok, one, type Result } from "@/lib/result";

// Ids come from URLs; Postgres rejects a malformed uuid with an error rather than finding nothing.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function hashFlowDocument(document: FlowDocument): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}

/**
 * Snapshots a document as the flow's next immutable version and makes it live. Joins the caller's transaction,
 * which must hold the flow row locked.
 */
export async function insertLiveVersion(
  tx: DbOrTx,
  input: { flowId: string; document: FlowDocument; authorId: string | null; note: string },
): Promise<FlowVersion> {
  return insertVersion(tx, { ...input, contentHash: hashFlowDocument(input.document) });
}

async function insertVersion(
  tx: DbOrTx,
  input: { flowId: string; document: FlowDocument; contentHash: string; authorId: string | null; note: string },
): Promise<FlowVersion> {
  // Only the generated columns come back: returning the document would serialise and parse it once more.
  const inserted = one(
    await tx
      .insert(flowVersions)
      .values({
        flowId: input.flowId,
        number: sql`(select last_version_number + 1 from flows where id = ${input.flowId})`,
        document: input.document,
        contentHash: input.contentHash,
        authorId: input.authorId,
        note: input.note,
      })
      .returning({ id: flowVersions.id, number: flowVersions.number, createdAt: flowVersions.createdAt }),
    "version",
  );
  await tx
    .update(flows)
    .set({ liveVersionId: inserted.id, lastVersionNumber: inserted.number })
    .where(eq(flows.id, input.flowId));
  return { ...inserted, flowId: input.flowId, document: input.document, contentHash: input.contentHash, authorId: input.authorId, note: input.note };
}

export type PublishedVersion = { id: string; number: number; contentHash: string; createdAt: Date };

export type PublishError =
  | { code: "not-found"; message: string }
  | { code: "invalid-flow"; message: string; issues: Issue[] }
  | { code: "nothing-new"; message: string; liveVersionNumber: number };

/**
 * Publishes the draft as the next version, in one transaction with the flow row locked: the server validates the
 * draft again (the browser's verdict is not trusted) and refuses a draft identical to the live version.
 */
export async function publishDraft(
  actor: Actor,
  input: { flowId: string; note: string },
): Promise<Result<PublishedVersion, PublishError>> {
  requireRole(actor, "editor");
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<PublishedVersion, PublishError>> => {
    const flow = await lockFlow(tx, input.flowId);
    if (!flow) return err({ code: "not-found", message: "This flow no longer exists." });

    const report = validateFlow(flow.draft);
    if (!report.ok || !report.flow) {
      const errors = report.issues.filter((issue) => issue.severity === "error");
      return err({
        code: "invalid-flow",
        message: `The draft has ${errors.length === 1 ? "1 problem" : `${errors.length} problems`} to fix before it can be published.`,
        issues: errors,
      });
    }
    const contentHash = hashFlowDocument(report.flow);
    if (flow.liveVersionId) {
      const [live] = await tx
        .select({ number: flowVersions.number, contentHash: flowVersions.contentHash })
        .from(flowVersions)
        .where(eq(flowVersions.id, flow.liveVersionId));
      if (live && live.contentHash === contentHash) {
        return err({
          code: "nothing-new",
          message: `Nothing new to publish: the draft is the same as the live version ${live.number}.`,
          liveVersionNumber: live.number,
        });
      }
    }

    const note = input.note.trim();
    const version = await insertVersion(tx, { flowId: flow.id, document: report.flow, contentHash, authorId: actor.userId, note });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "flow.published",
      subjectType: "flow",
      subjectId: flow.id,
      data: { flowName: flow.name, versionId: version.id, number: version.number, note },
    });
    return ok({ id: version.id, number: version.number, contentHash, createdAt: version.createdAt });
  });
}

async function lockFlow(tx: DbOrTx, flowId: string) {
  const [flow] = await tx
    .select({ id: flows.id, name: flows.name, draft: flows.draft, revision: flows.revision, liveVersionId: flows.liveVersionId })
    .from(flows)
    .where(and(eq(flows.id, flowId), sql`${flows.deletedAt} is null`))
    .for("update");
  return flow ?? null;
}

export type VersionChangeError =
  | { code: "not-found"; message: string }
  | { code: "already-live"; message: string };

/** Locks the flow and finds one of its versions, for changes that start from a version (rollback, restore). */
async function lockFlowAndVersion(tx: DbOrTx, input: { flowId: string; versionId: string }) {
  const flow = await lockFlow(tx, input.flowId);
  if (!flow) return err({ code: "not-found" as const, message: "This flow no longer exists." });
  const target = await versionOf(tx, flow.id, input.versionId);
  if (!target) return err({ code: "not-found" as const, message: "That version does not belong to this flow." });
  return ok({ flow, target });
}

/**
 * Makes an earlier (or later) version live again. Conversations already running stay on the version they are
 * pinned to; only conversations that start afterwards get this one.
 */
export async function rollbackTo(
  actor: Actor,
  input: { flowId: string; versionId: string },
): Promise<Result<{ number: number; previousNumber: number | null }, VersionChangeError>> {
  requireRole(actor, "admin");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockFlowAndVersion(tx, input);
    if (!found.ok) return found;
    const { flow, target } = found.value;
    if (flow.liveVersionId === target.id) {
      return err({ code: "already-live" as const, message: `Version ${target.number} is already live.` });
    }
    const previous = flow.liveVersionId ? await versionOf(tx, flow.id, flow.liveVersionId) : null;
    await tx.update(flows).set({ liveVersionId: target.id }).where(eq(flows.id, flow.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "flow.rolled_back",
      subjectType: "flow",
      subjectId: flow.id,
      data: {
        flowName: flow.name,
        versionId: target.id,
        number: target.number,
        fromVersionId: previous?.id ?? null,
        fromNumber: previous?.number ?? null,
      },
    });
    return ok({ number: target.number, previousNumber: previous?.number ?? null });
  });
}

/** Copies a version into the draft (a new draft revision), so editing can start again from it. */
export async function restoreVersionAsDraft(
  actor: Actor,
  input: { flowId: string; versionId: string },
): Promise<Result<{ number: number; revision: number }, { code: "not-found"; message: string }>> {
  requireRole(actor, "editor");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockFlowAndVersion(tx, input);
    if (!found.ok) return found;
    const { flow, target } = found.value;
    const revision = flow.revision + 1;
    await tx.update(flows).set({ draft: target.document, revision }).where(eq(flows.id, flow.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "flow.draft_restored",
      subjectType: "flow",
      subjectId: flow.id,
      data: { flowName: flow.name, versionId: target.id, number: target.number },
    });
    return ok({ number: target.number, revision });
  });
}

async function versionOf(tx: DbOrTx, flowId: string, versionId: string) {
  const [row] = await tx
    .select({ id: flowVersions.id, number: flowVersions.number, document: flowVersions.document })
    .from(flowVersions)
    .where(and(eq(flowVersions.id, versionId), eq(flowVersions.flowId, flowId)));
  return row ?? null;
}

export type VersionListItem = {
  id: string;
  number: number;
  note: string;
  createdAt: Date;
  authorName: string | null;
  contentHash: string;
  isLive: boolean;
  /** Customer conversations (simulator excluded) pinned to this version, and how many have not ended. */
  conversationsStarted: number;
  conversationsOpen: number;
};

export type FlowVersionsOverview = {
  flow: { id: string; name: string; liveVersionId: string | null; draftMatchesLive: boolean };
  versions: VersionListItem[];
};

/** The flow's version history, newest first, with how many conversations each version carried. */
export async function getFlowVersionsOverview(actor: Actor, flowId: string): Promise<FlowVersionsOverview | null> {
  requireRole(actor, "viewer");
  if (!UUID.test(flowId)) return null;
  const db = await getDb();
  const [flow] = await db
    .select({ id: flows.id, name: flows.name, draft: flows.draft, liveVersionId: flows.liveVersionId })
    .from(flows)
    .where(and(eq(flows.id, flowId), sql`${flows.deletedAt} is null`));
  if (!flow) return null;
  const counts = db
    .select({
      versionId: conversations.versionId,
      started: sql<number>`count(*)::int`.as("started"),
      open: sql<number>`(count(*) filter (where ${conversations.status} <> 'ended'))::int`.as("open"),
    })
    .from(conversations)
    .where(and(eq(conversations.flowId, flowId), eq(conversations.isSimulated, false)))
    .groupBy(conversations.versionId)
    .as("counts");
  const rows = await db
    .select({
      id: flowVersions.id,
      number: flowVersions.number,
      note: flowVersions.note,
      createdAt: flowVersions.createdAt,
      authorName: users.name,
      contentHash: flowVersions.contentHash,
      started: counts.started,
      open: counts.open,
    })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.authorId))
    .leftJoin(counts, eq(counts.versionId, flowVersions.id))
    .where(eq(flowVersions.flowId, flowId))
    .orderBy(desc(flowVersions.number));
  const versions = rows.map(({ started, open, ...row }) => ({
    ...row,
    isLive: row.id === flow.liveVersionId,
    conversationsStarted: Number(started ?? 0),
    conversationsOpen: Number(open ?? 0),
  }));
  const live = versions.find((version) => version.isLive);
  const parsedDraft = flowDocumentSchema.safeParse(flow.draft);
  return {
    flow: {
      id: flow.id,
      name: flow.name,
      liveVersionId: flow.liveVersionId,
      draftMatchesLive: live !== undefined && parsedDraft.success && hashFlowDocument(parsedDraft.data) === live.contentHash,
    },
    versions,
  };
}

export type VersionDocument = { id: string; number: number; note: string; createdAt: Date; isLive: boolean; document: FlowDocument };

/** Versions of one flow with their documents, for viewing and comparing; unknown or unreadable ids are left out. */
export async function getVersionDocuments(actor: Actor, flowId: string, versionIds: string[]): Promise<VersionDocument[]> {
  requireRole(actor, "viewer");
  const ids = versionIds.filter((id) => UUID.test(id));
  if (ids.length === 0 || !UUID.test(flowId)) return [];
  const db = await getDb();
  const [flow] = await db.select({ liveVersionId: flows.liveVersionId }).from(flows).where(eq(flows.id, flowId));
  if (!flow) return [];
  const rows = await db
    .select({
      id: flowVersions.id,
      number: flowVersions.number,
      note: flowVersions.note,
      createdAt: flowVersions.createdAt,
      document: flowVersions.document,
    })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), sql`${flowVersions.id} in ${ids}`));
  return rows.flatMap((row) => {
    const parsed = flowDocumentSchema.safeParse(row.document);
    return parsed.success ? [{ ...row, isLive: row.id === flow.liveVersionId, document: parsed.data }] : [];
  });
}

/** The live version's id of a flow, or null when it was never published. */
export async function getLiveVersionIdOf(actor: Actor, flowId: string): Promise<string | null> {
  requireRole(actor, "tester");
  const db = await getDb();
  const [flow] = await db.select({ liveVersionId: flows.liveVersionId }).from(flows).where(eq(flows.id, flowId));
  return flow?.liveVersionId ?? null;
}
