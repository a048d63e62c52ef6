import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { FlowDocument } from "@/lib/flow/flow-document";
import { assertNever } from "@/lib/result";
import { conversationStateSchema, type ConversationState } from "./conversation-state";
import type { Effect, EffectResult } from "./effect";
import type { EngineInput } from "./engine-input";
import { step } from "./step";
import { stepResultSchema, type StepResult } from "./step-result";
import { makeCtx } from "./testing/make-context";
import { flowArbitrary, inputSpecArbitrary, type InputSpec } from "./testing/random-flow";

function resultFor(effect: Effect, variant: number): EffectResult {
  if (variant === 0) return { kind: "failure", reason: "timeout" };
  switch (effect.kind) {
    case "lookup":
      return variant % 2 === 1 ? { kind: "lookup", outcome: "found", values: { status: "shipped", tier: "gold" } } : { kind: "lookup", outcome: "not_found", values: {} };
    case "send_otp":
      return { kind: "send_otp" };
    case "list_slots":
      return { kind: "list_slots", slots: Array.from({ length: variant * 3 }, (_, index) => ({ id: `s${index}`, label: `Slot ${index}` })) };
    case "book_slot":
      return { kind: "book_slot", bookingRef: "BK-1" };
    case "reschedule_slot":
      return { kind: "reschedule_slot", bookingRef: "BK-2" };
    case "cancel_booking":
      return variant === 1 ? { kind: "failure", reason: "not_found" } : { kind: "cancel_booking" };
    case "create_handoff":
      return { kind: "create_handoff", handoffId: "h1" };
    default:
      return assertNever(effect);
  }
}

/** Turns a spec into a concrete input using what the bot last sent, so random runs reach deep into flows. */
function concretize(spec: InputSpec, flow: FlowDocument, state: ConversationState | null, last: StepResult | null, code: string): EngineInput {
  const outputs = last?.outputs ?? [];
  switch (spec.kind) {
    case "say":
      return { kind: "customer", input: { kind: "text", text: spec.text } };
    case "tap": {
      const options = outputs.flatMap((output) =>
        output.kind === "message" && output.message.kind === "buttons"
          ? output.message.buttons
          : output.kind === "message" && output.message.kind === "list"
            ? output.message.sections.flatMap((section) => section.rows)
            : [],
      );
      const option = options[spec.option % Math.max(1, options.length)];
      return { kind: "customer", input: option ? { kind: "choice", id: option.id, title: option.title } : { kind: "choice", id: "nope", title: "Nope" } };
    }
    case "code":
      return { kind: "customer", input: { kind: "text", text: code } };
    case "media":
      return { kind: "customer", input: { kind: "media", mediaType: spec.mime.startsWith("image") ? "image" : spec.mime.startsWith("video") ? "video" : "document", mimeType: spec.mime, mediaId: "m1", sizeBytes: spec.size } };
    case "location":
      return { kind: "customer", input: { kind: "location", latitude: 51.5, longitude: -0.1 } };
    case "unsupported":
      return { kind: "customer", input: { kind: "unsupported", type: "reaction" } };
    case "effect": {
      const effect = outputs.flatMap((output) => (output.kind === "effect" ? [output.effect] : [])).find((candidate) => candidate.id === state?.pendingEffect?.id);
      return effect ? { kind: "effect_result", effectId: effect.id, result: resultFor(effect, spec.variant) } : { kind: "timeout" };
    }
    case "stale_effect":
      return { kind: "effect_result", effectId: "eff_stale", result: { kind: "send_otp" } };
    case "timeout":
      return { kind: "timeout" };
    case "resume":
      return { kind: "resume", nodeId: flow.nodes[spec.node % flow.nodes.length]?.id ?? "n0" };
    default:
      return assertNever(spec);
  }
}

type Run = { states: ConversationState[]; results: StepResult[] };

function runConversation(flow: FlowDocument, specs: readonly InputSpec[], seed: number, onStep?: (state: ConversationState | null, result: StepResult) => void): Run {
  const ctx = makeCtx({ seed });
  let state: ConversationState | null = null;
  let last: StepResult | null = null;
  let code = "0000";
  const run: Run = { states: [], results: [] };
  for (const spec of [{ kind: "say", text: "hello" } as const, ...specs]) {
    const input = concretize(spec, flow, state, last, code);
    const result = step(flow, state, input, ctx);
    for (const output of result.outputs) if (output.kind === "effect" && output.effect.kind === "send_otp") code = output.effect.code;
    onStep?.(state, result);
    state = result.state;
    last = result;
    run.states.push(result.state);
    run.results.push(result);
  }
  return run;
}

const conversations = fc.record({ flow: flowArbitrary(), specs: fc.array(inputSpecArbitrary, { maxLength: 14 }), seed: fc.nat() });

describe("step on random flows and inputs", () => {
  test.prop([conversations], { numRuns: 300 })("never throws and always returns a schema-valid, JSON-safe result", ({ flow, specs, seed }) => {
    const run = runConversation(flow, specs, seed);

    for (const result of run.results) {
      // Only the catch-all fail-safe leaves the flow (node id ""): reaching it means a handler threw.
      expect(result.state.nodeId, JSON.stringify(result.state.escalation)).not.toBe("");
      expect(stepResultSchema.safeParse(result).error).toBeUndefined();
      expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
    }
  });

  test.prop([conversations], { numRuns: 100 })("repeats exactly for the same flow, inputs and seed", ({ flow, specs, seed }) => {
    const first = runConversation(flow, specs, seed);
    const second = runConversation(flow, specs, seed);

    expect(second).toEqual(first);
  });

  test.prop([conversations], { numRuns: 200 })("reaches a handoff on \"agent\" from every waiting node", ({ flow, specs, seed }) => {
    const waiting: ConversationState[] = [];
    runConversation(flow, specs, seed, (_before, result) => {
      if (result.state.status === "active" || result.state.status === "waiting_effect") waiting.push(result.state);
    });

    for (const state of waiting) {
      const result = step(flow, state, { kind: "customer", input: { kind: "text", text: "agent" } }, makeCtx({ seed }));
      expect(result.state.status).toBe("handoff");
      expect(conversationStateSchema.safeParse(result.state).success).toBe(true);
    }
  });

  test.prop([conversations], { numRuns: 100 })("ends every step by waiting, handing off or ending within a bounded number of nodes", ({ flow, specs, seed }) => {
    const run = runConversation(flow, specs, seed);

    for (const result of run.results) {
      expect(result.events.filter((event) => event.type === "node.entered").length).toBeLessThanOrEqual(252);
      expect(["active", "waiting_effect", "handoff", "ended"]).toContain(result.state.status);
    }
  });
});
