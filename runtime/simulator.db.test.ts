import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/test/databases";
import { echoFlow, listConversations, listOutbox, prepareWorld } from "@/test/pipeline-world";
import type { DatabaseHandle } from "@/db/connect";
import { installDatabase } from "@/db/index";
import { flows, users } from "@/db/schema";
import { importFlowWithVersions } from "@/db/queries/simulator";
import { ForbiddenError, type Actor } from "@/lib/auth/roles";
import { completeSupportDeskTemplate } from "@/lib/flow/templates";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { SimulatorView } from "@/components/simulator/simulator-view";
import { drainOutbox } from "./outbox";
import {
  caseFromSession,
  getSimulatorView,
  replayCase,
  restartSimulation,
  rewindSimulation,
  sendSimulatorInput,
  sendSimulatorUpload,
  startSimulation,
} from "./simulator";

const customer = { name: "Dana", phone: "+15550009999", fields: {} };

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

type Payload = { type?: string; text?: { body?: string }; interactive?: { type?: string; body?: { text?: string }; action?: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string }[] }[] } } };

/** The bot's lines as the phone shows them: read from the rendered Cloud API JSON. */
function botBodies(view: SimulatorView): string[] {
  return view.lines
    .filter((line) => line.from === "bot")
    .map((line) => {
      const payload = line.payload as Payload;
      return payload.text?.body ?? payload.interactive?.body?.text ?? payload.type ?? "";
    });
}

/** A reply button or list row of the newest interactive message, by title. */
function option(view: SimulatorView, title: string) {
  const last = [...view.lines].reverse().find((line) => (line.payload as Payload | null)?.type === "interactive");
  const action = (last?.payload as Payload).interactive?.action;
  const options = [...(action?.buttons?.map((button) => button.reply) ?? []), ...(action?.sections?.flatMap((section) => section.rows) ?? [])];
  const found = options.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no option ${title} in ${JSON.stringify(options)}`);
  return found;
}

const say = (actor: Actor, sessionId: string, text: string) =>
  sendSimulatorInput(actor, sessionId, { kind: "customer", input: { kind: "text", text } }).then(unwrap);
const tap = async (actor: Actor, view: SimulatorView, title: string) => {
  const picked = option(view, title);
  return unwrap(await sendSimulatorInput(actor, view.sessionId, { kind: "customer", input: { kind: "choice", id: picked.id, title: picked.title } }));
};
const lastCode = (view: SimulatorView) => view.notices.at(-1)?.text.match(/(\d{6})$/)?.[1] ?? "";

describe.each(testDatabases())("the simulator on $kind", ({ open }) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let admin: Actor;
  let deskId: string;

  beforeAll(async () => {
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "threadline-sim-"));
    handle = await open();
    await prepareWorld(handle, { graphUrl: "http://127.0.0.1:9", flow: echoFlow() });
    const [user] = await handle.db.select().from(users);
    if (!user) throw new Error("no admin");
    admin = { userId: user.id, email: user.email, name: user.name, role: user.role };
    const desk = (await handle.db.select().from(flows)).find((flow) => flow.name === "Complete support desk");
    if (!desk) throw new Error("the seed made no support desk");
    deskId = desk.id;
  });

  afterAll(async () => {
    await handle.drop();
  });

  beforeEach(() => {
    installDatabase(handle);
  });

  it("answers through the webhook pipeline: simulated conversation, outbox rows marked sent without Graph", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));

    const view = await say(admin, sessionId, "hello");
    const handled = await drainOutbox({ random: () => 0 });

    expect(botBodies(view)[0]).toContain("I'm the support assistant");
    expect(botBodies(view)[1]).toContain("What can I help you with today?");
    expect(view.lines[0]).toMatchObject({ from: "customer", text: "hello", status: "read" });
    expect(view.conversation?.nodeId).toBe("choose_topic");
    const conversation = (await listConversations(handle)).find((row) => row.customerKey === `sim.${sessionId}`);
    expect(conversation?.isSimulated).toBe(true);
    expect(handled).toBeGreaterThanOrEqual(2);
    const rows = (await listOutbox(handle)).filter((row) => row.conversationId === conversation?.id);
    expect(rows.every((row) => row.status === "sent" && row.waMessageId?.startsWith("wamid.SIM."))).toBe(true);
  });

  it("shows the one-time code as a notice and verifies the customer who types it", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));
    const greeted = await say(admin, sessionId, "hi");

    const asked = await tap(admin, greeted, "Change my address");
    const verified = await say(admin, sessionId, lastCode(asked));

    expect(asked.notices).toHaveLength(1);
    expect(asked.notices[0]?.text).toMatch(/verification code is \d{6}$/);
    expect(verified.conversation).toMatchObject({ nodeId: "ask_new_address", verified: true });
    expect(verified.steps.at(-1)).toMatchObject({ usesCode: true, nodeAfter: "ask_new_address" });
    expect(asked.steps.at(-1)?.engine[0]?.outputs).toEqual(["effect: send a one-time code"]);
  });

  it("records every engine step with its input, nodes, outputs, events and time", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));
    const greeted = await say(admin, sessionId, "hi");

    const view = await tap(admin, greeted, "Order status");
    const found = await say(admin, sessionId, "AB-12345");

    expect(view.steps).toHaveLength(2);
    const lookup = found.steps.at(-1);
    expect(lookup?.engine.map((entry) => entry.input)).toEqual(["customer: AB-12345", "effect answer: lookup (found)"]);
    expect(lookup?.engine[0]?.outputs).toEqual(["effect: look up “AB-12345” (static)"]);
    expect(lookup?.engine[1]?.events.some((event) => event.type === "node.completed" && event.port === "found")).toBe(true);
    expect(lookup?.engine.every((entry) => entry.ms >= 0)).toBe(true);
    expect(found.conversation?.fields).toMatchObject({ order_id: "AB-12345", status: "shipped" });
    expect(found.conversation?.checklist[0]).toMatchObject({ label: "Order status", complete: true });
  });

  it("knows extra customer fields from the first message, so a VIP trigger fires and the handoff confirmation shows", async () => {
    const vip = { ...customer, fields: { tier: "vip" } };
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer: vip }));

    const view = await say(admin, sessionId, "hi");

    expect(view.conversation?.fields.tier).toBe("vip");
    expect(view.conversationStatus).toBe("handoff");
    expect(botBodies(view).at(-1)).toContain("Priority support");
    expect(view.handoff).toMatchObject({ queue: "Priority support", reason: "VIP customer" });
    expect(view.steps.at(-1)?.triggers).toEqual([{ kind: "high_value", reason: "VIP customer", triggerId: "vip", nodeId: "start" }]);
  });

  it("lists the engine's own escalations, such as talk to an agent", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));
    await say(admin, sessionId, "hi");

    const view = await say(admin, sessionId, "agent");

    expect(view.conversationStatus).toBe("handoff");
    expect(view.steps.at(-1)?.triggers).toEqual([
      { kind: "agent_request", reason: "The customer asked for an agent", triggerId: null, nodeId: "choose_topic" },
    ]);
  });

  it("simulates the inactivity timeout and refuses it when nothing is open", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));

    const tooEarly = await sendSimulatorInput(admin, sessionId, { kind: "timeout" });
    await say(admin, sessionId, "hi");
    const timedOut = unwrap(await sendSimulatorInput(admin, sessionId, { kind: "timeout" }));

    expect(tooEarly).toMatchObject({ ok: false, error: { code: "nothing_to_time_out" } });
    expect(timedOut.conversationStatus).toBe("ended");
    expect(timedOut.steps.at(-1)?.engine[0]?.events.map((event) => event.type)).toContain("conversation.dropped");
  });

  it("stores an upload under the data directory and runs it through the document checks", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));
    const greeted = await say(admin, sessionId, "hi");
    await tap(admin, greeted, "Damage claim");

    const wrongType = unwrap(await sendSimulatorUpload(admin, sessionId, { bytes: new Uint8Array([1, 2, 3]), filename: "notes.txt", mimeType: "text/plain" }));
    const receipt = unwrap(await sendSimulatorUpload(admin, sessionId, { bytes: new Uint8Array([37, 80, 68, 70]), filename: "receipt.pdf", mimeType: "application/pdf" }));

    expect(botBodies(wrongType).at(-2)).toMatch(/type/i);
    expect(receipt.conversation?.fields.receipt).toMatch(/^simulator-media\//);
    const stored = receipt.lines.filter((line) => line.input?.kind === "media").at(-1)?.input;
    expect(stored).toMatchObject({ kind: "media", mediaType: "document", mimeType: "application/pdf", sizeBytes: 4, filename: "receipt.pdf" });
    expect(existsSync(path.join(process.env.DATA_DIR ?? "", receipt.conversation?.fields.receipt ?? "missing"))).toBe(true);
    expect(botBodies(receipt).at(-1)).toContain("photo of the damaged item");
  });

  it("rewinds into a fresh conversation, typing a new one-time code where the old one was typed", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));
    const asked = await tap(admin, await say(admin, sessionId, "hi"), "Change my address");
    await say(admin, sessionId, lastCode(asked));
    await say(admin, sessionId, "1 High Street, Leeds LS1 1AA");

    const rewound = unwrap(await rewindSimulation(admin, sessionId, 4));
    const view = unwrap(await getSimulatorView(admin, rewound.sessionId));

    expect(rewound.sessionId).not.toBe(sessionId);
    expect(view.steps).toHaveLength(3);
    expect(view.conversation).toMatchObject({ nodeId: "ask_new_address", verified: true });
  });

  it("warns when the draft changed after a draft session started, and restart runs the new draft", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "draft" }, customer }));
    const before = unwrap(await getSimulatorView(admin, sessionId));

    // Only the desk's draft is run as a draft in this file, so bumping every flow's revision is the desk's edit.
    await handle.db.update(flows).set({ revision: 99 });
    const after = unwrap(await getSimulatorView(admin, sessionId));
    const restarted = unwrap(await getSimulatorView(admin, unwrap(await restartSimulation(admin, sessionId)).sessionId));

    expect(before.draftChanged).toBe(false);
    expect(after.draftChanged).toBe(true);
    expect(restarted.draftChanged).toBe(false);
    expect(restarted.flow.versionLabel).toBe("Draft (revision 99)");
  });

  it("saves a session as a case that passes on its version and shows the changed reply on another", async () => {
    const original = completeSupportDeskTemplate.build();
    const changed: FlowDocument = {
      ...original,
      nodes: original.nodes.map((node) =>
        node.type === "ask" && node.id === "ask_billing" ? { ...node, data: { ...node.data, prompt: "Which billing matter is it?" } } : node,
      ),
    };
    const imported = await importFlowWithVersions(admin, { name: "Desk with history", documents: [original, changed] });
    const [v1] = imported.versionIds;
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: imported.flowId, choice: { kind: "version", versionId: v1 ?? "" }, customer }));
    await tap(admin, await say(admin, sessionId, "hi"), "Billing & refunds");
    const view = unwrap(await getSimulatorView(admin, sessionId));

    const testCase = caseFromSession(view, "Billing question");
    const same = unwrap(await replayCase(admin, { flowId: imported.flowId, choice: { kind: "version", versionId: v1 ?? "" }, testCase }));
    const live = unwrap(await replayCase(admin, { flowId: imported.flowId, choice: { kind: "live" }, testCase }));

    expect(testCase.steps).toMatchObject([
      { send: "hi" },
      { choose: "Billing & refunds", expect: { replies: ["Sure, which of these is it about?\n[Refund] [Wrong charge] [Invoice copy]"], status: "active" } },
    ]);
    expect(same.passed).toBe(true);
    expect(live.passed).toBe(false);
    expect(live.versionLabel).toBe("Version 2 (live)");
    expect(live.steps[0]?.failures).toEqual([]);
    expect(live.steps[1]?.failures[0]).toContain("Which billing matter is it?");
  });

  it("refuses agents the simulator: they may look at flows but not run them", async () => {
    const agent: Actor = { ...admin, role: "agent" };

    await expect(startSimulation(agent, { flowId: deskId, choice: { kind: "live" }, customer })).rejects.toThrow(ForbiddenError);
  });

  it("keeps one tester's sessions from another", async () => {
    const { sessionId } = unwrap(await startSimulation(admin, { flowId: deskId, choice: { kind: "live" }, customer }));
    const stranger: Actor = { ...admin, userId: "00000000-0000-7000-8000-000000000000", role: "tester" };

    const view = await getSimulatorView(stranger, sessionId);
    const sent = await sendSimulatorInput(stranger, sessionId, { kind: "customer", input: { kind: "text", text: "hi" } });

    expect(view).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(sent).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
