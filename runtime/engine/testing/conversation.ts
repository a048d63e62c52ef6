import type { FlowDocument } from "@/lib/flow/flow-document";
import { assertNever } from "@/lib/result";
import type { CustomerInput, OutgoingMessage } from "@/lib/flow/outgoing-message";
import type { ConversationState } from "../conversation-state";
import type { Effect, EffectResult } from "../effect";
import type { EngineContext } from "../engine-context";
import type { EngineInput } from "../engine-input";
import { step } from "../step";
import type { AnalyticsEvent } from "../analytics-event";
import type { StepResult } from "../step-result";
import { makeCtx } from "./make-context";

/** Drives a flow turn by turn in tests, keeping the state and everything the bot said and did. */
export class Conversation {
  state: ConversationState | null = null;
  last: StepResult | null = null;
  readonly events: AnalyticsEvent[] = [];
  readonly ctx: EngineContext;

  constructor(
    readonly flow: FlowDocument,
    ctx: Partial<EngineContext> & { seed?: number } = {},
  ) {
    this.ctx = makeCtx(ctx);
  }

  send(input: EngineInput): StepResult {
    const result = step(this.flow, this.state, input, this.ctx);
    this.state = result.state;
    this.last = result;
    this.events.push(...result.events);
    return result;
  }

  say(text: string) {
    return this.send({ kind: "customer", input: { kind: "text", text } });
  }

  /** Taps a reply whose title or id contains `label` in the last interactive message. */
  tap(label: string) {
    const options = this.lastOptions();
    const option = options.find((candidate) => candidate.title === label) ?? options.find((candidate) => candidate.id.endsWith(`:${label}`));
    if (!option) throw new Error(`No option "${label}" in ${JSON.stringify(options)}`);
    return this.send({ kind: "customer", input: { kind: "choice", id: option.id, title: option.title } });
  }

  customer(input: CustomerInput) {
    return this.send({ kind: "customer", input });
  }

  /** Answers the effect the engine is waiting for. */
  resolve(result: EffectResult) {
    const effect = this.pendingEffect();
    if (!effect) throw new Error("No effect is waiting for an answer");
    return this.send({ kind: "effect_result", effectId: effect.id, result });
  }

  messages(): OutgoingMessage[] {
    return (this.last?.outputs ?? []).flatMap((output) => (output.kind === "message" ? [output.message] : []));
  }

  texts(): string[] {
    return this.messages().map((message) => {
      switch (message.kind) {
        case "text":
          return message.text;
        case "buttons":
        case "list":
        case "location_request":
          return message.body;
        case "media":
        case "template":
          return `[${message.kind}]`;
        default:
          return assertNever(message);
      }
    });
  }

  effects(): Effect[] {
    return (this.last?.outputs ?? []).flatMap((output) => (output.kind === "effect" ? [output.effect] : []));
  }

  pendingEffect(): Effect | undefined {
    const id = this.state?.pendingEffect?.id;
    return this.effects().find((effect) => effect.id === id);
  }

  eventTypes(): string[] {
    return (this.last?.events ?? []).map((event) => event.type);
  }

  lastOptions(): { id: string; title: string }[] {
    const interactive = this.messages().findLast((message) => message.kind === "buttons" || message.kind === "list");
    if (interactive?.kind === "buttons") return interactive.buttons;
    if (interactive?.kind === "list") return interactive.sections.flatMap((section) => section.rows);
    return [];
  }
}
