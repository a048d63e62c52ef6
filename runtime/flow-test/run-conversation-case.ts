import { step, type ConversationState, type EngineContext, type EngineInput, type StepResult } from "@/runtime/engine";
import type { LanguageUnderstanding } from "@/runtime/nlu/types";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { CaseExpectation, CaseStep, ConversationCase } from "@/lib/flow/conversation-case";
import type { CustomerInput, OutgoingMessage } from "@/lib/flow/outgoing-message";
import { outgoingMessageText } from "@/runtime/message-text";
import { createInMemoryEffects } from "./in-memory-effects";

export type TranscriptEntry = { from: "customer" | "bot"; text: string };
export type StepReport = {
  index: number;
  said: string;
  replies: string[];
  failures: string[];
  nodeId: string;
  status: ConversationState["status"];
};
export type CaseReport = {
  name: string;
  passed: boolean;
  steps: StepReport[];
  outcomeFailure: string | null;
  transcript: TranscriptEntry[];
};

const MAX_EFFECT_ROUNDS = 20;

/**
 * Plays a scripted conversation against a flow through the real engine and checks each expectation. Pure but for
 * the effects, which are answered in memory (HTTP lookups excepted).
 */
export async function runConversationCase(
  flow: FlowDocument,
  testCase: ConversationCase,
  options: { nlu: LanguageUnderstanding; fetchImpl?: typeof fetch },
): Promise<CaseReport> {
  const effects = createInMemoryEffects(flow, { fetchImpl: options.fetchImpl });
  let counter = 0;
  const ctx: EngineContext = {
    now: testCase.now,
    random: () => ((counter = (counter * 1103515245 + 12345) % 2147483648) / 2147483648),
    nlu: options.nlu,
    customer: {
      phone: testCase.customer.phone,
      fields: testCase.customer.fields,
      ...(testCase.customer.name ? { name: testCase.customer.name } : {}),
    },
  };
  let state: ConversationState | null = null;
  let lastMessages: OutgoingMessage[] = [];
  const transcript: TranscriptEntry[] = [];
  const steps: StepReport[] = [];
  let resolved = false;

  const drive = async (input: EngineInput): Promise<OutgoingMessage[]> => {
    let result: StepResult = step(flow, state, input, ctx);
    const messages: OutgoingMessage[] = [];
    for (let round = 0; ; round += 1) {
      state = result.state;
      messages.push(...result.outputs.flatMap((output) => (output.kind === "message" ? [output.message] : [])));
      if (result.events.some((event) => event.type === "conversation.resolved")) resolved = true;
      const answers = new Map<string, Awaited<ReturnType<typeof effects.resolve>>>();
      for (const output of result.outputs) {
        if (output.kind === "effect") answers.set(output.effect.id, await effects.resolve(output.effect));
      }
      const pending = state.pendingEffect;
      const answer = pending ? answers.get(pending.id) : undefined;
      if (!pending || !answer || round >= MAX_EFFECT_ROUNDS) return messages;
      result = step(flow, state, { kind: "effect_result", effectId: pending.id, result: answer }, ctx);
    }
  };

  for (const [index, scripted] of testCase.steps.entries()) {
    const { input, said } = toInput(scripted, lastMessages, effects.lastOtp());
    transcript.push({ from: "customer", text: said });
    const messages = await drive(input);
    const replies = messages.map(outgoingMessageText);
    for (const reply of replies) transcript.push({ from: "bot", text: reply });
    if (messages.length > 0) lastMessages = messages;
    const current = state as ConversationState | null;
    steps.push({
      index: index + 1,
      said,
      replies,
      failures: current ? checkExpectation(scripted.expect, replies, current) : ["the engine returned no state"],
      nodeId: current?.nodeId ?? "",
      status: current?.status ?? "active",
    });
  }

  const final = state as ConversationState | null;
  const outcomeFailure = checkOutcome(testCase.expectOutcome, final, resolved);
  return {
    name: testCase.name,
    passed: outcomeFailure === null && steps.every((report) => report.failures.length === 0),
    steps,
    outcomeFailure,
    transcript,
  };
}

function toInput(
  scripted: CaseStep,
  lastMessages: readonly OutgoingMessage[],
  otp: string | null,
): { input: EngineInput; said: string } {
  if ("send" in scripted) {
    const text = scripted.send.replaceAll("{{otp}}", otp ?? "");
    return { input: customer({ kind: "text", text }), said: text };
  }
  if ("choose" in scripted) {
    const options = lastMessages.flatMap((message) =>
      message.kind === "buttons" ? message.buttons : message.kind === "list" ? message.sections.flatMap((section) => section.rows) : [],
    );
    const wanted = scripted.choose.toLowerCase();
    const option =
      options.find((candidate) => candidate.title.toLowerCase() === wanted) ??
      options.find((candidate) => candidate.id.toLowerCase() === wanted || candidate.id.toLowerCase().endsWith(`:${wanted}`));
    // An option that is not on screen is sent as typed text, as a customer would type it.
    if (!option) return { input: customer({ kind: "text", text: scripted.choose }), said: scripted.choose };
    return { input: customer({ kind: "choice", id: option.id, title: option.title }), said: option.title };
  }
  if ("upload" in scripted) {
    const { mediaType, mimeType, sizeBytes, filename } = scripted.upload;
    return {
      input: customer({ kind: "media", mediaType, mimeType, sizeBytes, mediaId: `case-${filename ?? mediaType}`, ...(filename ? { filename } : {}) }),
      said: `[${mediaType}${filename ? `: ${filename}` : ""}]`,
    };
  }
  if ("location" in scripted) {
    return { input: customer({ kind: "location", ...scripted.location }), said: "[location]" };
  }
  return { input: { kind: "timeout" }, said: "(no reply: inactivity timeout)" };
}

const customer = (input: CustomerInput): EngineInput => ({ kind: "customer", input });

function checkExpectation(expected: CaseExpectation | undefined, replies: readonly string[], state: ConversationState): string[] {
  if (!expected) return [];
  const failures: string[] = [];
  if (expected.replies) {
    if (replies.length < expected.replies.length) {
      failures.push(`expected ${expected.replies.length} replies, got ${replies.length}`);
    }
    expected.replies.forEach((want, index) => {
      const got = replies[index];
      if (got !== undefined && !got.toLowerCase().includes(want.toLowerCase())) {
        failures.push(`reply ${index + 1}: expected to contain “${want}”, got “${got}”`);
      }
    });
  }
  for (const [key, want] of Object.entries(expected.fields ?? {})) {
    if (state.fields[key] !== want) failures.push(`field ${key}: expected “${want}”, got “${state.fields[key] ?? "(not set)"}”`);
  }
  const status = state.status === "waiting_effect" ? "active" : state.status;
  if (expected.status && expected.status !== status) failures.push(`status: expected ${expected.status}, got ${status}`);
  if (expected.node && expected.node !== state.nodeId) failures.push(`node: expected ${expected.node}, got ${state.nodeId}`);
  return failures;
}

function checkOutcome(expected: ConversationCase["expectOutcome"], state: ConversationState | null, resolved: boolean): string | null {
  if (!expected) return null;
  if (!state) return "the conversation never started";
  if (expected === "resolved") return resolved ? null : `expected the conversation to be resolved, it is ${state.status}`;
  const status = state.status === "waiting_effect" ? "active" : state.status;
  return status === expected ? null : `expected the conversation to end ${expected}, it is ${status}`;
}
