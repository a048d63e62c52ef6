import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/test/databases";
import { openSeededDatabase } from "@/test/seeded-database";
import { createUser } from "./users";
import { listAuditEntries } from "./audit";
import { createFlow, deleteFlow, duplicateFlow, getFlowForEditor, listFlows, renameFlow, saveDraft } from "./flows";
import { ForbiddenError, type Actor, type Role } from "@/lib/auth/roles";
import { validateFlow } from "@/lib/flow/validate-flow";

describe.each(testDatabases())("flows on $kind", ({ open }) => {
  let drop: () => Promise<void>;
  let admin: Actor;
  let editor: Actor;
  let tester: Actor;
  let agent: Actor;

  async function makeActor(role: Role): Promise<Actor> {
    const created = await createUser(admin, { name: role, email: `${role}@example.com`, role, password: `${role}-password-1` });
    if (!created.ok) throw new Error(`could not create ${role}`);
    return { userId: created.value.id, email: created.value.email, name: created.value.name, role };
  }

  async function createdFlowId(actor: Actor, input: { name: string; templateId?: string }): Promise<string> {
    const created = await createFlow(actor, input);
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  }

  beforeAll(async () => {
    const seeded = await openSeededDatabase(open);
    drop = seeded.handle.drop;
    admin = seeded.admin;
    editor = await makeActor("editor");
    tester = await makeActor("tester");
    agent = await makeActor("agent");
  });

  afterAll(async () => drop());

  it("creates a blank flow holding only a start step, and audits it", async () => {
    const flowId = await createdFlowId(editor, { name: "Returns" });

    const flow = await getFlowForEditor(editor, flowId);

    expect(flow).toMatchObject({ ok: true, value: { name: "Returns", revision: 1, liveVersionNumber: null, hasUnpublishedChanges: true } });
    expect(flow.ok && flow.value.document.nodes.map((node) => node.type)).toEqual(["start"]);
    const audit = await listAuditEntries(admin, { action: "flow.created" });
    expect(audit.map((entry) => entry.subjectId)).toContain(flowId);
  });

  it("creates a flow from the Status & tracking template under the chosen name", async () => {
    const flowId = await createdFlowId(editor, { name: "Where is my order", templateId: "status-tracking" });

    const flow = await getFlowForEditor(tester, flowId);

    expect(flow.ok && flow.value.document.name).toBe("Where is my order");
    expect(flow.ok && flow.value.document.nodes.some((node) => node.type === "status_lookup")).toBe(true);
  });

  it("refuses an unknown template with a message", async () => {
    const created = await createFlow(editor, { name: "X", templateId: "no-such-template" });

    expect(created).toMatchObject({ ok: false, error: { code: "unknown-template" } });
  });

  it("shows the seeded live flow with its version number and no unpublished changes", async () => {
    const [seeded] = (await listFlows(admin)).filter((flow) => flow.liveVersionNumber !== null);
    if (!seeded) throw new Error("seed published no flow");

    const flow = await getFlowForEditor(agent, seeded.id);

    expect(flow).toMatchObject({ ok: true, value: { liveVersionNumber: 1, hasUnpublishedChanges: false } });
  });

  it("saves a draft, bumps the revision and reports a conflict to the second writer", async () => {
    const flowId = await createdFlowId(editor, { name: "Conflicts" });
    const loaded = await getFlowForEditor(editor, flowId);
    if (!loaded.ok) throw new Error("not loaded");
    const first = { ...loaded.value.document, description: "first person" };
    const second = { ...loaded.value.document, description: "second person" };

    const saved = await saveDraft(editor, { flowId, revision: 1, document: first });
    const stale = await saveDraft(admin, { flowId, revision: 1, document: second });

    expect(saved).toMatchObject({ ok: true, value: { revision: 2 } });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", currentRevision: 2 } });
    const reread = await getFlowForEditor(editor, flowId);
    expect(reread.ok && reread.value.document.description).toBe("first person");
  });

  it("saves a draft that cannot be published yet, because drafts only need the right shape", async () => {
    const flowId = await createdFlowId(editor, { name: "Half done" });
    const loaded = await getFlowForEditor(editor, flowId);
    if (!loaded.ok) throw new Error("not loaded");
    const withLooseMessage = {
      ...loaded.value.document,
      nodes: [...loaded.value.document.nodes, { id: "m1", type: "message", position: { x: 300, y: 0 }, data: { text: "Hello" } }],
    };

    const saved = await saveDraft(editor, { flowId, revision: 1, document: withLooseMessage });

    expect(saved.ok).toBe(true);
    expect(validateFlow(withLooseMessage).ok).toBe(false);
  });

  it("refuses a malformed draft with plain-words problems and keeps the stored one", async () => {
    const flowId = await createdFlowId(editor, { name: "Malformed" });

    const saved = await saveDraft(editor, {
      flowId,
      revision: 1,
      document: { schemaVersion: 1, name: "Malformed", settings: {}, nodes: [{ id: "x", type: "message", position: { x: 0, y: 0 }, data: { text: "" } }], edges: [] },
    });

    expect(saved).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(!saved.ok && saved.error.code === "invalid" && saved.error.problems.join(" ")).toMatch(/Message cannot be empty/);
    const reread = await getFlowForEditor(editor, flowId);
    expect(reread.ok && reread.value.revision).toBe(1);
  });

  it("renames a flow and its draft, moving the revision on", async () => {
    const flowId = await createdFlowId(editor, { name: "Old name" });

    const renamed = await renameFlow(editor, { flowId, name: "New name" });

    expect(renamed).toEqual({ ok: true, value: { revision: 2 } });
    const flow = await getFlowForEditor(editor, flowId);
    expect(flow.ok && [flow.value.name, flow.value.document.name]).toEqual(["New name", "New name"]);
    expect((await listAuditEntries(admin, { action: "flow.renamed" })).map((entry) => entry.subjectId)).toContain(flowId);
  });

  it("duplicates a flow's draft into a new unpublished flow", async () => {
    const flowId = await createdFlowId(editor, { name: "Original", templateId: "troubleshooting" });

    const copy = await duplicateFlow(editor, { flowId });

    expect(copy).toMatchObject({ ok: true, value: { name: "Copy of Original" } });
    const copied = copy.ok ? await getFlowForEditor(editor, copy.value.id) : undefined;
    const original = await getFlowForEditor(editor, flowId);
    expect(copied?.ok && copied.value.document.nodes).toEqual(original.ok && original.value.document.nodes);
    expect(copied?.ok && copied.value.liveVersionNumber).toBeNull();
    expect((await listAuditEntries(admin, { action: "flow.duplicated" })).length).toBeGreaterThan(0);
  });

  it("soft-deletes a flow so it leaves the list and the editor", async () => {
    const flowId = await createdFlowId(editor, { name: "Short lived" });

    const deleted = await deleteFlow(editor, { flowId });

    expect(deleted).toEqual({ ok: true, value: { id: flowId } });
    expect((await listFlows(tester)).map((flow) => flow.id)).not.toContain(flowId);
    expect(await getFlowForEditor(editor, flowId)).toEqual({ ok: false, error: { code: "not-found" } });
    expect((await listAuditEntries(admin, { action: "flow.deleted" })).map((entry) => entry.subjectId)).toContain(flowId);
  });

  it("refuses to delete a flow a channel is running, naming the channel", async () => {
    const [seeded] = (await listFlows(admin)).filter((flow) => flow.liveVersionNumber !== null);
    if (!seeded) throw new Error("seed published no flow");

    const deleted = await deleteFlow(admin, { flowId: seeded.id });

    expect(deleted).toMatchObject({ ok: false, error: { code: "bound-to-channel", channelNames: ["Default WhatsApp number"] } });
  });

  it("finds flows by a search word", async () => {
    await createdFlowId(editor, { name: "Refund requests" });

    const found = await listFlows(tester, "REFUND");

    expect(found.map((flow) => flow.name)).toEqual(["Refund requests"]);
  });

  it("answers not found for an id that is not a flow", async () => {
    expect(await getFlowForEditor(editor, "not-a-uuid")).toEqual({ ok: false, error: { code: "not-found" } });
    expect(await renameFlow(editor, { flowId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", name: "x" })).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  it("lets only editors and admins change flows", async () => {
    const flowId = await createdFlowId(admin, { name: "Guarded" });

    await expect(createFlow(tester, { name: "Nope" })).rejects.toThrow(ForbiddenError);
    await expect(saveDraft(tester, { flowId, revision: 1, document: {} })).rejects.toThrow(ForbiddenError);
    await expect(deleteFlow(agent, { flowId })).rejects.toThrow(ForbiddenError);
  });

  it("shows agents the flows list and a flow's draft, read-only", async () => {
    const flowId = await createdFlowId(editor, { name: "Agents may look" });

    const listed = await listFlows(agent, "agents may look");
    const flow = await getFlowForEditor(agent, flowId);

    expect(listed.map((item) => item.id)).toEqual([flowId]);
    expect(flow).toMatchObject({ ok: true, value: { id: flowId, name: "Agents may look", revision: 1 } });
  });

  it("refuses agents every change to a flow and leaves the flow as it was", async () => {
    const flowId = await createdFlowId(editor, { name: "Agents may not touch" });
    const loaded = await getFlowForEditor(agent, flowId);
    if (!loaded.ok) throw new Error("not loaded");

    await expect(createFlow(agent, { name: "Nope" })).rejects.toThrow(ForbiddenError);
    await expect(renameFlow(agent, { flowId, name: "Renamed" })).rejects.toThrow(ForbiddenError);
    await expect(duplicateFlow(agent, { flowId })).rejects.toThrow(ForbiddenError);
    await expect(deleteFlow(agent, { flowId })).rejects.toThrow(ForbiddenError);
    await expect(saveDraft(agent, { flowId, revision: 1, document: loaded.value.document })).rejects.toThrow(ForbiddenError);

    expect(await getFlowForEditor(editor, flowId)).toMatchObject({ ok: true, value: { name: "Agents may not touch", revision: 1 } });
  });
});
