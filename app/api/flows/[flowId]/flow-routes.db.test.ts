import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabases } from "@/test/databases";
import { openSeededDatabase } from "@/test/seeded-database";
import { listFlows } from "@/db/queries/flows";
import { getFlowVersionsOverview, publishDraft } from "@/db/queries/versions";
import type { Actor } from "@/lib/auth/roles";
import { GET as getDraft, PUT as putDraft } from "./draft/route";
import { POST as postRollback } from "./rollback/route";

// The routes ask the session who is calling; each test says who that is.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const NO_SUCH_FLOW = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

function call(method: string, flowId: string, path: "draft" | "rollback", body?: unknown) {
  const request = new Request(`http://127.0.0.1/api/flows/${flowId}/${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return { request, context: { params: Promise.resolve({ flowId }) } };
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(testDatabases())("the flow routes on $kind", ({ open }) => {
  let drop: () => Promise<void>;
  let admin: Actor;
  let editor: Actor;
  let agent: Actor;
  let flowId: string;

  beforeAll(async () => {
    const seeded = await openSeededDatabase(open);
    drop = seeded.handle.drop;
    admin = seeded.admin;
    editor = { ...admin, role: "editor" };
    agent = { ...admin, role: "agent" };
    const [demo] = (await listFlows(admin)).filter((flow) => flow.liveVersionNumber !== null);
    if (!demo) throw new Error("seed published no flow");
    flowId = demo.id;
  });

  afterAll(async () => drop());

  it("answers 401 to anonymous callers and 403 to a role that may not", async () => {
    session.actor = null;
    const anonymous = call("GET", flowId, "draft");
    const anonymousAnswer = await answer(await getDraft(anonymous.request, anonymous.context));
    session.actor = agent;
    const put = call("PUT", flowId, "draft", { revision: 1, document: {} });
    const putAnswer = await answer(await putDraft(put.request, put.context));
    session.actor = editor;
    const rollback = call("POST", flowId, "rollback", { versionId: NO_SUCH_FLOW });
    const rollbackAnswer = await answer(await postRollback(rollback.request, rollback.context));

    expect(anonymousAnswer).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
    expect(putAnswer).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(rollbackAnswer).toMatchObject({ status: 403, body: { error: "forbidden" } });
  });

  it("reads the flow id from the route's params: a draft for viewers, 404 for ids that are no flow", async () => {
    session.actor = agent;
    const found = call("GET", flowId, "draft");
    const malformed = call("GET", "not-a-uuid", "draft");
    const unknown = call("GET", NO_SUCH_FLOW, "draft");

    const foundAnswer = await answer(await getDraft(found.request, found.context));

    expect(foundAnswer).toMatchObject({ status: 200, body: { revision: 1, document: { name: "Complete support desk" } } });
    expect(await answer(await getDraft(malformed.request, malformed.context))).toEqual({ status: 404, body: { error: "not_found" } });
    expect(await answer(await getDraft(unknown.request, unknown.context))).toEqual({ status: 404, body: { error: "not_found" } });
  });

  it("saves a draft with PUT: 404 for a malformed id, 400 for a malformed body, 409 for a stale revision", async () => {
    session.actor = editor;
    const current = call("GET", flowId, "draft");
    const { body } = await answer(await getDraft(current.request, current.context));
    const { revision, document } = body as { revision: number; document: unknown };

    const badId = call("PUT", "not-a-uuid", "draft", { revision, document });
    const badBody = call("PUT", flowId, "draft", "{ not json");
    const good = call("PUT", flowId, "draft", { revision, document });
    const stale = call("PUT", flowId, "draft", { revision, document });

    expect((await putDraft(badId.request, badId.context)).status).toBe(404);
    expect(await answer(await putDraft(badBody.request, badBody.context))).toMatchObject({ status: 400, body: { error: "invalid" } });
    expect(await answer(await putDraft(good.request, good.context))).toMatchObject({ status: 200, body: { revision: revision + 1 } });
    expect(await answer(await putDraft(stale.request, stale.context))).toMatchObject({ status: 409, body: { error: "conflict", currentRevision: revision + 1 } });
  });

  it("rolls back with POST as admin: 400 for a malformed id or body, 404 for another flow, 409 when already live", async () => {
    session.actor = admin;
    const draft = call("GET", flowId, "draft");
    const { body } = await answer(await getDraft(draft.request, draft.context));
    const { revision, document } = body as { revision: number; document: { description: string } };
    const changed = call("PUT", flowId, "draft", { revision, document: { ...document, description: "second version" } });
    await putDraft(changed.request, changed.context);
    const published = await publishDraft(admin, { flowId, note: "v2" });
    if (!published.ok) throw new Error(published.error.message);
    const v1 = (await getFlowVersionsOverview(admin, flowId))?.versions.find((version) => version.number === 1);
    if (!v1) throw new Error("no version 1");

    const badId = call("POST", "not-a-uuid", "rollback", { versionId: v1.id });
    const badBody = call("POST", flowId, "rollback", { versionId: "v1" });
    const otherFlow = call("POST", NO_SUCH_FLOW, "rollback", { versionId: v1.id });
    const toV1 = call("POST", flowId, "rollback", { versionId: v1.id });
    const again = call("POST", flowId, "rollback", { versionId: v1.id });

    expect(await answer(await postRollback(badId.request, badId.context))).toMatchObject({ status: 400, body: { error: "invalid" } });
    expect(await answer(await postRollback(badBody.request, badBody.context))).toMatchObject({ status: 400, body: { error: "invalid" } });
    expect(await answer(await postRollback(otherFlow.request, otherFlow.context))).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await answer(await postRollback(toV1.request, toV1.context))).toEqual({ status: 200, body: { number: 1, previousNumber: 2 } });
    expect(await answer(await postRollback(again.request, again.context))).toMatchObject({ status: 409, body: { error: "already_live" } });
  });
});
