import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { inTransaction, type Tx } from "@/db/index";
import type { Conversation, SimulatorSession } from "@/db/schema";
import { claimInboundReceipt, linkReceipt, lockOpenConversation } from "@/db/queries/conversations";
import {
  createSimulatorSession,
  getDraftRevision,
  getLatestSimulatedConversation,
  getSimulatorChannel,
  getSimulatorSession,
  listSimulatedHandoffs,
  listSimulatedNotices,
  listSimulatedTranscript,
  loadFlowForSimulation,
  lockSimulatorSession,
  saveSimulatorSteps,
  type LoadedFlow,
} from "@/db/queries/simulator";
import type { Actor } from "@/lib/auth/roles";
import { flowDocumentSchema } from "@/lib/flow/flow-document";
import { customerInputSchema, type CustomerInput } from "@/lib/flow/outgoing-message";
import type { CaseStep, ConversationCase } from "@/lib/flow/conversation-case";
import { assertNever, err, ok, type Result } from "@/lib/result";
import { dataDirectory } from "@/lib/server/data-directory";
import { conversationStateSchema, type ConversationState, type EngineInput, type Output } from "@/runtime/engine";
import { createLanguageUnderstanding } from "@/runtime/nlu";
import { runConversationCase } from "@/runtime/flow-test/run-conversation-case";
import type {
  ChatLine,
  ReplayReport,
  SimulatedCustomer,
  SimulatorInput,
  SimulatorStep,
  SimulatorView,
  TraceEngineStep,
  TriggerRecord,
  VersionChoice,
} from "@/components/simulator/simulator-view";
import { inboxChangeOf, runCustomerTurn, type EngineStepTrace, type InboundOutcome } from "./inbound";
import { customerInputText, outgoingMessageText } from "./message-text";
import { notifyOutbox } from "./outbox-signal";
import { notifyInbox } from "./inbox-signal";

export type SimulatorError = {
  code: "not_found" | "no_live_version" | "unreadable" | "no_channel" | "nothing_to_time_out" | "bad_step" | "too_large" | "empty_file";
  message: string;
};

/** Files the simulated customer may upload; WhatsApp's own document limit is 100 MB, the collect step's is lower. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

const versionChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("draft") }),
  z.object({ kind: z.literal("live") }),
  z.object({ kind: z.literal("version"), versionId: z.string() }),
]);

/** What a session row keeps about its setup (the `customer` column). */
const sessionSetupSchema = z.object({
  name: z.string(),
  phone: z.string(),
  fields: z.record(z.string(), z.string()),
  choice: versionChoiceSchema,
  flowName: z.string(),
  versionNumber: z.number().int().nullable(),
});
type SessionSetup = z.infer<typeof sessionSetupSchema>;

const storedStepsSchema = z.array(z.custom<SimulatorStep>((value) => typeof value === "object" && value !== null));

/** Each session talks on its own customer key, so testers (and tabs) never share a conversation. */
const customerKeyOf = (sessionId: string) => `sim.${sessionId}`;

const nlu = createLanguageUnderstanding();

export async function startSimulation(
  actor: Actor,
  input: { flowId: string; choice: VersionChoice; customer: SimulatedCustomer },
): Promise<Result<{ sessionId: string }, SimulatorError>> {
  const loaded = await loadFlowForSimulation(actor, input.flowId, input.choice);
  if (!loaded.ok) return loaded;
  const session = await openSession(actor, loaded.value, input.choice, input.customer);
  return ok({ sessionId: session.id });
}

async function openSession(actor: Actor, loaded: LoadedFlow, choice: VersionChoice, customer: SimulatedCustomer) {
  const setup: SessionSetup = {
    ...customer,
    choice,
    flowName: loaded.flowName,
    versionNumber: loaded.versionNumber,
  };
  return createSimulatorSession(actor, {
    flowId: loaded.flowId,
    versionId: loaded.versionId,
    draftRevision: loaded.draftRevision,
    document: loaded.document,
    customer: setup,
  });
}

/** A fresh session with the same flow choice and customer; a draft or live choice picks up the latest document. */
export async function restartSimulation(actor: Actor, sessionId: string): Promise<Result<{ sessionId: string }, SimulatorError>> {
  const session = await getSimulatorSession(actor, sessionId);
  if (!session) return err({ code: "not_found", message: "That simulator session is gone. Start a new one." });
  const setup = sessionSetupSchema.parse(session.customer);
  return startSimulation(actor, {
    flowId: session.flowId,
    choice: setup.choice,
    customer: { name: setup.name, phone: setup.phone, fields: setup.fields },
  });
}

/**
 * Goes back to just before step `toStep` (1-based): a fresh conversation on the same document, fed the customer's
 * recorded inputs up to there. One-time codes are typed afresh, since the new conversation sends a new code.
 */
export async function rewindSimulation(
  actor: Actor,
  sessionId: string,
  toStep: number,
): Promise<Result<{ sessionId: string }, SimulatorError>> {
  const session = await getSimulatorSession(actor, sessionId);
  if (!session) return err({ code: "not_found", message: "That simulator session is gone. Start a new one." });
  const steps = storedStepsSchema.parse(session.steps);
  if (toStep < 1 || toStep > steps.length) return err({ code: "bad_step", message: "There is no such step to go back to." });
  const setup = sessionSetupSchema.parse(session.customer);
  const fresh = await createSimulatorSession(actor, {
    flowId: session.flowId,
    versionId: session.versionId,
    draftRevision: session.draftRevision,
    document: flowDocumentSchema.parse(session.document),
    customer: setup,
  });
  for (const step of steps.slice(0, toStep - 1)) {
    const replayed = await sendSimulatorInput(actor, fresh.id, step.input, { retypeCode: step.usesCode === true });
    if (!replayed.ok) return replayed;
  }
  return ok({ sessionId: fresh.id });
}

/**
 * One thing the simulated customer does, through the webhook's own pipeline: a receipt, the conversation lock and
 * runCustomerTurn, all in one transaction; replies become outbox rows the sender marks sent.
 */
export async function sendSimulatorInput(
  actor: Actor,
  sessionId: string,
  input: SimulatorInput,
  options: { retypeCode?: boolean } = {},
): Promise<Result<SimulatorView, SimulatorError>> {
  const started = performance.now();
  const outcome = await inTransaction(async (tx): Promise<Result<InboundOutcome, SimulatorError>> => {
    const session = await lockSimulatorSession(tx, actor, sessionId);
    if (!session) return err({ code: "not_found", message: "That simulator session is gone. Start a new one." });
    const channel = await getSimulatorChannel(tx);
    if (!channel) return err({ code: "no_channel", message: "The simulator channel is missing. Restart the app to recreate it." });
    const setup = sessionSetupSchema.parse(session.customer);
    const key = customerKeyOf(session.id);
    const latest = await getLatestSimulatedConversation(tx, channel.id, key);
    const lastCode = latestCode(await listSimulatedNotices(tx, channel.id, key));
    const flow = { document: flowDocumentSchema.parse(session.document), flowId: session.flowId, versionId: session.versionId };
    const trace: EngineStepTrace[] = [];

    let effective = input;
    if (options.retypeCode && input.kind === "customer" && input.input.kind === "text" && lastCode) {
      effective = { kind: "customer", input: { kind: "text", text: lastCode } };
    }
    const usesCode = effective.kind === "customer" && effective.input.kind === "text" && lastCode !== null && effective.input.text.trim() === lastCode;

    let conversation: Conversation;
    let turnOutcome: InboundOutcome;
    let result: string;
    if (effective.kind === "timeout") {
      if (!latest || latest.status !== "active") {
        return err({ code: "nothing_to_time_out", message: "There is no open conversation waiting for the customer." });
      }
      conversation = (await lockConversation(tx, channel.id, key, setup)).conversation;
      turnOutcome = await runCustomerTurn(tx, conversation, { input: { kind: "timeout" }, defaultFlowId: null, flow, trace, customerFields: setup.fields });
      result = turnOutcome.status;
    } else {
      const waMessageId = `sim.${randomUUID()}`;
      await claimInboundReceipt(tx, waMessageId, channel.id);
      conversation = (await lockConversation(tx, channel.id, key, setup)).conversation;
      await linkReceipt(tx, waMessageId, conversation.id);
      turnOutcome = await runCustomerTurn(tx, conversation, {
        inbound: { direction: "inbound", author: "customer", waMessageId, content: effective.input, text: customerInputText(effective.input) },
        input: { kind: "customer", input: effective.input },
        defaultFlowId: null,
        update: { lastCustomerMessageAt: new Date(), outsideWindow: false },
        flow,
        trace,
        customerFields: setup.fields,
      });
      result = turnOutcome.status === "stored" ? `stored (${turnOutcome.reason})` : turnOutcome.status;
    }

    const before = latest?.id === conversation.id ? parseState(latest.state) : null;
    const after = await readState(tx, conversation.id, channel.id, key);
    const steps = storedStepsSchema.parse(session.steps);
    steps.push({
      index: steps.length + 1,
      at: new Date().toISOString(),
      input: effective,
      turnMs: Math.round(performance.now() - started),
      outcome: result,
      nodeAfter: after?.nodeId ?? null,
      engine: trace.map(describeEngineStep),
      triggers: triggersOf(trace, before, after),
      replies: trace.flatMap((entry) => entry.outputs.flatMap((output) => (output.kind === "message" ? [outgoingMessageText(output.message)] : []))),
      ...(usesCode ? { usesCode: true } : {}),
    });
    await saveSimulatorSteps(tx, session.id, steps);
    return ok(turnOutcome);
  });
  if (!outcome.ok) return outcome;
  notifyOutbox();
  // Simulated handoffs reach the inbox too (marked "Simulated"), so testers can try the agent's side.
  const change = inboxChangeOf(outcome.value);
  if (change) notifyInbox(change);
  return getSimulatorView(actor, sessionId);
}

function lockConversation(tx: Tx, channelId: string, customerKey: string, setup: SessionSetup) {
  return lockOpenConversation(tx, {
    channelId,
    customerKey,
    customerPhone: setup.phone.replace(/[^\d+]/g, ""),
    ...(setup.name.trim() ? { customerName: setup.name.trim() } : {}),
    isSimulated: true,
  });
}

async function readState(tx: Tx, conversationId: string, channelId: string, customerKey: string): Promise<ConversationState | null> {
  const latest = await getLatestSimulatedConversation(tx, channelId, customerKey);
  return latest?.id === conversationId ? parseState(latest.state) : null;
}

function parseState(raw: unknown): ConversationState | null {
  const parsed = conversationStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function latestCode(notices: readonly { kind: string; text: string }[]): string | null {
  const last = notices.filter((notice) => notice.kind === "otp").at(-1);
  return last?.text.match(/(\d{4,10})\s*$/)?.[1] ?? null;
}

function triggersOf(trace: readonly EngineStepTrace[], before: ConversationState | null, after: ConversationState | null): TriggerRecord[] {
  const fired: TriggerRecord[] = trace.flatMap((entry) =>
    entry.events
      .filter((event) => event.type === "trigger.fired")
      .map((event) => ({
        kind: String(event.data?.kind ?? "trigger"),
        reason: String(event.data?.reason ?? ""),
        triggerId: typeof event.data?.triggerId === "string" ? event.data.triggerId : null,
        nodeId: event.nodeId ?? null,
      })),
  );
  // The engine's own reasons ("talk to an agent", sensitive steps, flow errors) raise no trigger event.
  const escalation = after?.escalation ?? null;
  if (escalation && !before?.escalation && !fired.some((record) => record.reason === escalation.reason)) {
    fired.push({ kind: escalation.kind, reason: escalation.reason, triggerId: escalation.triggerId, nodeId: before?.nodeId ?? null });
  }
  return fired;
}

function describeEngineStep(entry: EngineStepTrace): TraceEngineStep {
  return {
    input: describeEngineInput(entry.input),
    nodeBefore: entry.nodeBefore,
    nodeAfter: entry.nodeAfter,
    status: entry.status,
    outputs: entry.outputs.map(describeOutput),
    events: entry.events.map((event) => ({
      type: event.type,
      ...(event.nodeId === undefined ? {} : { nodeId: event.nodeId }),
      ...(event.port === undefined ? {} : { port: event.port }),
      ...(event.data === undefined ? {} : { data: event.data }),
    })),
    ms: entry.ms,
  };
}

function describeEngineInput(input: EngineInput): string {
  switch (input.kind) {
    case "customer":
      return `customer: ${customerInputText(input.input)}`;
    case "effect_result":
      return `effect answer: ${input.result.kind}${input.result.kind === "lookup" ? ` (${input.result.outcome})` : ""}${input.result.kind === "failure" ? ` (${input.result.reason})` : ""}`;
    case "timeout":
      return "inactivity timeout";
    case "resume":
      return `resume at ${input.nodeId}`;
    default:
      return assertNever(input);
  }
}

/** Effects are described without their secrets: a one-time code must not be written into the trace. */
function describeOutput(output: Output): string {
  if (output.kind === "message") return `message: ${outgoingMessageText(output.message)}`;
  const effect = output.effect;
  switch (effect.kind) {
    case "lookup":
      return `effect: look up “${effect.reference}” (${effect.source.kind})`;
    case "send_otp":
      return "effect: send a one-time code";
    case "list_slots":
      return "effect: list free slots";
    case "book_slot":
      return `effect: book ${effect.slotLabel}`;
    case "reschedule_slot":
      return `effect: move ${effect.appointmentId} to ${effect.slotLabel}`;
    case "cancel_booking":
      return `effect: cancel ${effect.appointmentId}`;
    case "create_handoff":
      return `effect: hand off to ${effect.packet.queue} (${effect.packet.reason})`;
    default:
      return assertNever(effect);
  }
}

/** Everything the simulator page shows for a session. */
export async function getSimulatorView(actor: Actor, sessionId: string): Promise<Result<SimulatorView, SimulatorError>> {
  const session = await getSimulatorSession(actor, sessionId);
  if (!session) return err({ code: "not_found", message: "That simulator session is gone. Start a new one." });
  // Read before the transaction: PGlite has one connection, so a query outside an open transaction would wait for it.
  const draftRevision = await getDraftRevision(actor, session.flowId);
  return inTransaction(async (tx) => {
    const channel = await getSimulatorChannel(tx);
    if (!channel) return err({ code: "no_channel", message: "The simulator channel is missing. Restart the app to recreate it." });
    return ok(await buildView(tx, session, channel.id, draftRevision));
  });
}

async function buildView(tx: Tx, session: SimulatorSession, channelId: string, draftRevision: number | null): Promise<SimulatorView> {
  const setup = sessionSetupSchema.parse(session.customer);
  const document = flowDocumentSchema.parse(session.document);
  const key = customerKeyOf(session.id);
  const [transcript, notices, handoffs, latest] = [
    await listSimulatedTranscript(tx, channelId, key),
    await listSimulatedNotices(tx, channelId, key),
    await listSimulatedHandoffs(tx, channelId, key),
    await getLatestSimulatedConversation(tx, channelId, key),
  ];
  const state = latest ? parseState(latest.state) : null;
  const draftChanged = setup.choice.kind === "draft" && draftRevision !== session.draftRevision;
  const firstConversation = transcript[0]?.conversationId;
  const lines: ChatLine[] = transcript.map((line, index) => {
    const previous = transcript[index - 1];
    const answered = transcript.some((later) => later.conversationId === line.conversationId && later.seq > line.seq && later.direction === "outbound");
    const input = line.direction === "inbound" ? customerInputSchema.safeParse(line.content) : null;
    return {
      key: `${line.conversationId}:${line.seq}`,
      from: line.author,
      at: line.createdAt.toISOString(),
      text: line.text,
      input: input?.success ? input.data : null,
      payload: line.payload,
      status: line.direction === "inbound" ? (answered ? "read" : "delivered") : (line.outboxStatus ?? line.deliveryStatus),
      startsConversation: previous !== undefined && previous.conversationId !== line.conversationId && line.conversationId !== firstConversation,
    };
  });
  const handoff = latest?.status === "handoff" ? handoffs[0] : undefined;
  return {
    sessionId: session.id,
    flow: {
      id: session.flowId,
      name: setup.flowName,
      document,
      versionLabel: versionLabel(setup, session.draftRevision),
      choice: setup.choice,
    },
    customer: { name: setup.name, phone: setup.phone, fields: setup.fields },
    draftChanged,
    lines,
    notices: notices.map((notice) => ({ id: notice.id, text: notice.text, at: notice.createdAt.toISOString() })),
    conversation: state
      ? {
          nodeId: state.nodeId,
          status: state.status,
          fields: state.fields,
          checklist: state.checklist,
          path: state.path,
          intent: state.intent,
          confidence: state.confidence,
          verified: state.verified,
          escalation: state.escalation ? { kind: state.escalation.kind, reason: state.escalation.reason } : null,
        }
      : null,
    conversationStatus: latest ? latest.status : "none",
    handoff: handoff ? { queue: handoff.queue, reason: handoff.reason, priority: handoff.priority } : null,
    steps: storedStepsSchema.parse(session.steps),
    sensitiveFields: document.settings.fields.filter((field) => field.sensitive).map((field) => field.key),
  };
}

function versionLabel(setup: SessionSetup, draftRevision: number | null): string {
  switch (setup.choice.kind) {
    case "draft":
      return `Draft${draftRevision === null ? "" : ` (revision ${draftRevision})`}`;
    case "live":
      return setup.versionNumber === null ? "Live version" : `Version ${setup.versionNumber} (live)`;
    case "version":
      return setup.versionNumber === null ? "Published version" : `Version ${setup.versionNumber}`;
    default:
      return assertNever(setup.choice);
  }
}

/** Stores an uploaded file under the data directory, content-addressed, and sends it as the customer's message. */
export async function sendSimulatorUpload(
  actor: Actor,
  sessionId: string,
  file: { bytes: Uint8Array; filename: string; mimeType: string },
): Promise<Result<SimulatorView, SimulatorError>> {
  if (file.bytes.byteLength === 0) return err({ code: "empty_file", message: "That file is empty." });
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
    return err({ code: "too_large", message: `The simulator accepts files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` });
  }
  const session = await getSimulatorSession(actor, sessionId);
  if (!session) return err({ code: "not_found", message: "That simulator session is gone. Start a new one." });
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const folder = path.join(dataDirectory(), "simulator-media");
  await mkdir(folder, { recursive: true });
  const storedAs = path.join("simulator-media", sha256);
  await writeFile(path.join(dataDirectory(), storedAs), file.bytes);
  const mimeType = file.mimeType.trim().toLowerCase() || "application/octet-stream";
  const input: CustomerInput = {
    kind: "media",
    mediaType: mediaTypeOf(mimeType),
    mimeType,
    mediaId: `sim-media-${sha256.slice(0, 24)}`,
    sizeBytes: file.bytes.byteLength,
    sha256,
    ...(file.filename.trim() ? { filename: file.filename.trim().slice(0, 240) } : {}),
    storedAs,
  };
  return sendSimulatorInput(actor, sessionId, { kind: "customer", input });
}

function mediaTypeOf(mimeType: string): "image" | "video" | "audio" | "document" {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("video/")) return "video";
  if (mimeType.startsWith("audio/")) return "audio";
  return "document";
}

/** Booking references and the like differ on every run; an expected reply keeps only the text before them. */
const VOLATILE = /\bBK-[0-9A-Z]+\b/;

/** The session as a scripted conversation (lib/flow/conversation-case.ts) that flows as code and replay can run. */
export function caseFromSession(view: SimulatorView, name: string): ConversationCase {
  const steps: CaseStep[] = view.steps.flatMap((step): CaseStep[] => {
    const scripted = caseStepOf(step);
    if (!scripted) return [];
    const replies = step.replies.map((reply) => reply.split(VOLATILE)[0]?.trimEnd() ?? "").filter((reply) => reply !== "");
    const status = statusAfter(step);
    return [{ ...scripted, expect: { replies, ...(status ? { status } : {}) } }];
  });
  const last = view.conversationStatus;
  return {
    name,
    customer: { phone: view.customer.phone, ...(view.customer.name ? { name: view.customer.name } : {}), fields: view.customer.fields },
    now: view.steps[0]?.at ?? new Date().toISOString(),
    steps,
    ...(last === "none" ? {} : { expectOutcome: last }),
  };
}

function statusAfter(step: SimulatorStep): "active" | "handoff" | "ended" | null {
  const final = step.engine.at(-1)?.status;
  if (final === "waiting_effect" || final === "active") return "active";
  if (final === "handoff" || final === "ended") return final;
  return null;
}

function caseStepOf(step: SimulatorStep): CaseStep | null {
  if (step.input.kind === "timeout") return { timeout: true };
  const input = step.input.input;
  switch (input.kind) {
    case "text":
      return { send: step.usesCode ? "{{otp}}" : input.text };
    case "choice":
      return { choose: input.title };
    case "media":
      return {
        upload: {
          mediaType: input.mediaType === "sticker" ? "image" : input.mediaType,
          mimeType: input.mimeType,
          sizeBytes: input.sizeBytes ?? 0,
          ...(input.filename ? { filename: input.filename } : {}),
        },
      };
    case "location":
      return { location: { latitude: input.latitude, longitude: input.longitude } };
    case "unsupported":
      return null;
    default:
      return assertNever(input);
  }
}

/** Plays a saved case against a version through the flows-as-code runner and reports, step by step, what differs. */
export async function replayCase(
  actor: Actor,
  input: { flowId: string; choice: VersionChoice; testCase: ConversationCase },
): Promise<Result<ReplayReport, SimulatorError>> {
  const loaded = await loadFlowForSimulation(actor, input.flowId, input.choice);
  if (!loaded.ok) return loaded;
  const report = await runConversationCase(loaded.value.document, input.testCase, { nlu });
  const label =
    input.choice.kind === "draft" ? "Draft" : `Version ${loaded.value.versionNumber ?? "?"}${input.choice.kind === "live" ? " (live)" : ""}`;
  return ok({
    name: report.name,
    versionLabel: label,
    passed: report.passed,
    outcomeFailure: report.outcomeFailure,
    steps: report.steps.map((step) => ({ ...step, replies: [...step.replies], failures: [...step.failures] })),
  });
}
