import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabases } from "@/test/databases";
import { openSeededDatabase, type SeededDatabase } from "@/test/seeded-database";
import { conversations, flows, channels } from "../schema";
import { listAuditEntries } from "./audit";
import {
  getFlowVersionsOverview,
  getVersionDocuments,
  hashFlowDocument,
  publishDraft,
  restoreVersionAsDraft,
  rollbackTo,
} from "./versions";
import { ForbiddenError, type Actor } from "@/lib/auth/roles";
import { makeFlow, makeNode } from "@/lib/flow/test-builders";
import type { FlowDocument } from "@/lib/flow/flow-document";

function greetingFlow(greeting: string): FlowDocument {
  return makeFlow(
    [makeNode("start", { greeting }, { id: "start" }), makeNode("handoff", { queue: "Support" }, { id: "agent" })],
    [["start", "next", "agent"]],
    { defaultHandoffNodeId: "agent" },
  );
}

describe.each(testDatabases())("publishing and rollback on $kind", ({ open }) => {
  let handle: SeededDatabase["handle"];
  let admin: Actor;
  let editor: Actor;
  let agent: Actor;

  beforeAll(async () => {
    ({ handle, admin } = await openSeededDatabase(open));
    editor = { ...admin, role: "editor" };
    agent = { ...admin, role: "agent" };
  });

  afterAll(async () => handle.drop());

  async function newFlow(draft: unknown): Promise<string> {
    const [flow] = await handle.db.insert(flows).values({ name: "Test", draft }).returning({ id: flows.id });
    if (!flow) throw new Error("no flow");
    return flow.id;
  }

  async function setDraft(flowId: string, draft: unknown): Promise<void> {
    await handle.db.update(flows).set({ draft }).where(eq(flows.id, flowId));
  }

  it("publishes a valid draft as version 1, then 2, with author, note, hash and an audit row each", async () => {
    const flowId = await newFlow(greetingFlow("Hello"));

    const first = await publishDraft(editor, { flowId, note: "  first  " });
    await setDraft(flowId, greetingFlow("Hello again"));
    const second = await publishDraft(editor, { flowId, note: "second" });

    expect(first).toMatchObject({ ok: true, value: { number: 1, contentHash: hashFlowDocument(greetingFlow("Hello")) } });
    expect(second).toMatchObject({ ok: true, value: { number: 2 } });
    const overview = await getFlowVersionsOverview(editor, flowId);
    expect(overview?.versions.map((v) => [v.number, v.note, v.authorName, v.isLive])).toEqual([
      [2, "second", "Admin", true],
      [1, "first", "Admin", false],
    ]);
    expect(overview?.flow.draftMatchesLive).toBe(true);
    const audit = await listAuditEntries(admin, { action: "flow.published" });
    expect(audit.filter((entry) => entry.subjectId === flowId).map((entry) => (entry.data as { number: number }).number)).toEqual([2, 1]);
  });

  it("refuses an invalid draft with the validator's issues and publishes nothing", async () => {
    const broken = { ...greetingFlow("Hi"), edges: [] };
    const flowId = await newFlow(broken);

    const result = await publishDraft(editor, { flowId, note: "" });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-flow");
    expect(result.error.code === "invalid-flow" && result.error.issues.length).toBeGreaterThan(0);
    expect((await getFlowVersionsOverview(editor, flowId))?.versions).toEqual([]);
  });

  it("refuses a draft that is not even a flow document", async () => {
    const flowId = await newFlow({ nodes: "nope" });

    const result = await publishDraft(editor, { flowId, note: "" });

    expect(result).toMatchObject({ ok: false, error: { code: "invalid-flow" } });
  });

  it("says there is nothing new when the draft equals the live version, even with keys in another order", async () => {
    const flowId = await newFlow(greetingFlow("Same"));
    await publishDraft(editor, { flowId, note: "" });
    const reordered = Object.fromEntries(Object.entries(greetingFlow("Same")).reverse());
    await setDraft(flowId, reordered);

    const again = await publishDraft(editor, { flowId, note: "" });

    expect(again).toMatchObject({ ok: false, error: { code: "nothing-new", liveVersionNumber: 1 } });
  });

  it("numbers concurrent publishes without gaps or duplicates", async () => {
    const flowId = await newFlow(greetingFlow("v0"));
    const drafts = ["a", "b", "c", "d"];

    const results = await Promise.all(
      drafts.map(async (text) => {
        await setDraft(flowId, greetingFlow(text));
        return publishDraft(editor, { flowId, note: text });
      }),
    );

    const numbers = results.flatMap((result) => (result.ok ? [result.value.number] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    const overview = await getFlowVersionsOverview(editor, flowId);
    expect(overview?.versions.map((v) => v.number)).toEqual(numbers.map((_, index) => numbers.length - index));
  });

  it("rolls back to an earlier version as admin, audits it, and counts conversations per version", async () => {
    const flowId = await newFlow(greetingFlow("one"));
    const v1 = await publishDraft(editor, { flowId, note: "" });
    await setDraft(flowId, greetingFlow("two"));
    const v2 = await publishDraft(editor, { flowId, note: "" });
    if (!v1.ok || !v2.ok) throw new Error("publish failed");
    const [channel] = await handle.db.select({ id: channels.id }).from(channels).limit(1);
    if (!channel) throw new Error("no channel");
    await handle.db.insert(conversations).values([
      { channelId: channel.id, customerKey: "rb-1", flowId, versionId: v2.value.id, status: "active" },
      { channelId: channel.id, customerKey: "rb-2", flowId, versionId: v2.value.id, status: "ended" },
    ]);

    const rolledBack = await rollbackTo(admin, { flowId, versionId: v1.value.id });
    const again = await rollbackTo(admin, { flowId, versionId: v1.value.id });

    expect(rolledBack).toEqual({ ok: true, value: { number: 1, previousNumber: 2 } });
    expect(again).toMatchObject({ ok: false, error: { code: "already-live" } });
    const overview = await getFlowVersionsOverview(admin, flowId);
    expect(overview?.versions.map((v) => [v.number, v.isLive, v.conversationsStarted, v.conversationsOpen])).toEqual([
      [2, false, 2, 1],
      [1, true, 0, 0],
    ]);
    const [entry] = (await listAuditEntries(admin, { action: "flow.rolled_back" })).filter((e) => e.subjectId === flowId);
    expect(entry?.data).toMatchObject({ number: 1, fromNumber: 2 });
  });

  it("refuses rollback to editors in the data layer and to versions of another flow", async () => {
    const flowId = await newFlow(greetingFlow("x"));
    const other = await newFlow(greetingFlow("y"));
    const published = await publishDraft(editor, { flowId, note: "" });
    if (!published.ok) throw new Error("publish failed");

    await expect(rollbackTo(editor, { flowId, versionId: published.value.id })).rejects.toThrow(ForbiddenError);
    expect(await rollbackTo(admin, { flowId: other, versionId: published.value.id })).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });

  it("shows agents the version history and each version, read-only", async () => {
    const flowId = await newFlow(greetingFlow("for agents"));
    const published = await publishDraft(editor, { flowId, note: "look only" });
    if (!published.ok) throw new Error("publish failed");

    const overview = await getFlowVersionsOverview(agent, flowId);
    const documents = await getVersionDocuments(agent, flowId, [published.value.id]);

    expect(overview?.versions.map((v) => [v.number, v.note, v.isLive])).toEqual([[1, "look only", true]]);
    expect(documents.map((v) => v.document.nodes[0]?.data)).toEqual([{ greeting: "for agents" }]);
  });

  it("refuses agents publishing, restoring and rollback in the data layer", async () => {
    const flowId = await newFlow(greetingFlow("agent one"));
    const v1 = await publishDraft(editor, { flowId, note: "" });
    await setDraft(flowId, greetingFlow("agent two"));
    if (!v1.ok) throw new Error("publish failed");

    await expect(publishDraft(agent, { flowId, note: "" })).rejects.toThrow(ForbiddenError);
    await expect(restoreVersionAsDraft(agent, { flowId, versionId: v1.value.id })).rejects.toThrow(ForbiddenError);
    await expect(rollbackTo(agent, { flowId, versionId: v1.value.id })).rejects.toThrow(ForbiddenError);

    expect((await getFlowVersionsOverview(admin, flowId))?.versions.map((v) => v.number)).toEqual([1]);
  });

  it("restores a version as the draft with a new revision, after which publishing makes a new version", async () => {
    const flowId = await newFlow(greetingFlow("first"));
    const v1 = await publishDraft(editor, { flowId, note: "" });
    await setDraft(flowId, greetingFlow("second"));
    await publishDraft(editor, { flowId, note: "" });
    if (!v1.ok) throw new Error("publish failed");

    const restored = await restoreVersionAsDraft(editor, { flowId, versionId: v1.value.id });
    const republished = await publishDraft(editor, { flowId, note: "back to one" });

    expect(restored).toMatchObject({ ok: true, value: { number: 1, revision: 2 } });
    expect(republished).toMatchObject({ ok: true, value: { number: 3, contentHash: v1.value.contentHash } });
    const [doc] = await getVersionDocuments(editor, flowId, [v1.value.id, "not-a-uuid"]);
    expect(doc?.document.nodes[0]).toMatchObject({ data: { greeting: "first" } });
  });
});
