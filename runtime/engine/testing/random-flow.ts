import { fc } from "@fast-check/vitest";
import type { z } from "zod";
import type { FlowDocument } from "@/lib/flow/flow-document";
import type { flowTriggerSchema } from "@/lib/flow/nodes/escalation-rule";
import { NODE_TYPES, type FlowNode, type NodeType } from "@/lib/flow/flow-node";
import { outputPorts } from "@/lib/flow/ports";
import { makeFlow, makeNode, type EdgeSpec } from "@/lib/flow/test-builders";

// Arbitraries for valid flows: node data is drawn from small pools and parsed by the real node schemas,
// and edges attach to each node's real ports, so every generated graph is one a user could build.

const word = fc.constantFrom("billing", "order", "router", "refund", "hello", "gold", "agent", "cancel my account", "ok");
const text = fc.constantFrom("Hi {{customer_name}}", "Your order {{order_id}} is {{status}}", "Thanks!", "Please answer", "🙂 مرحبا");
const fieldKey = fc.constantFrom("email", "order_id", "tier", "status", "note", "verified");
const localIds = (count: number) => Array.from({ length: count }, (_, index) => `o${index}`);

const nodeData: { [T in NodeType]: fc.Arbitrary<Record<string, unknown>> } = {
  start: fc.record({ greeting: fc.constantFrom("", "Hello!", "Hi {{customer_name}}") }),
  message: fc.record({ text }),
  ask: fc.record({
    prompt: text,
    saveTo: fieldKey,
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    answer: fc.oneof(
      fc.record({
        kind: fc.constant("free_text"),
        check: fc.constantFrom({ kind: "none" }, { kind: "email" }, { kind: "phone" }, { kind: "date" }, { kind: "number", min: 1, max: 9 }, { kind: "regex", pattern: "^[A-Z]{2}-\\d+$" }, { kind: "regex", pattern: "([" }),
      }),
      fc.integer({ min: 1, max: 3 }).map((count) => ({ kind: "buttons", choices: localIds(count).map((id) => ({ id, title: `Choice ${id}` })) })),
      fc.integer({ min: 1, max: 10 }).map((count) => ({ kind: "list", button: "Pick", sections: [{ title: "Options", rows: localIds(count).map((id) => ({ id, title: `Row ${id}` })) }] })),
    ),
  }),
  condition: fc.record({
    rules: fc.uniqueArray(
      fc.record({ id: fc.constantFrom("r1", "r2"), label: fc.constant("Rule"), when: fc.record({ field: fieldKey, operator: fc.constantFrom("equals", "is_set", "greater_than", "one_of"), value: word }) }),
      { minLength: 1, maxLength: 2, selector: (rule: { id: string }) => rule.id },
    ),
  }),
  set_field: fc.record({ field: fieldKey, value: fc.constantFrom("gold", "{{first_message}}", "") }),
  escalation_trigger: fc.record({
    reason: fc.constant("Rule matched"),
    rules: fc.constantFrom([{ kind: "keyword", phrases: ["refund"] }], [{ kind: "negative_sentiment" }], [{ kind: "flow_failure" }], [{ kind: "low_confidence" }]),
  }),
  end: fc.record({ text: fc.constantFrom("", "Bye"), resolved: fc.boolean(), csat: fc.record({ enabled: fc.boolean() }) }),
  categorize: fc.record({
    prompt: text,
    display: fc.constantFrom("buttons", "list"),
    useFirstMessage: fc.boolean(),
    categories: fc.integer({ min: 1, max: 4 }).map((count) => localIds(count).map((id, index) => ({ id, title: `Topic ${id}`, examples: [["billing", "order", "router", "refund"][index] ?? "other"] }))),
  }),
  status_lookup: fc.record({
    prompt: text,
    referencePattern: fc.constantFrom("", "^[A-Z]{2}-\\d{3}$", "(("),
    foundText: text,
    notFoundText: text,
    errorText: text,
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    source: fc.constantFrom(
      { kind: "static", records: [{ reference: "AB-123", values: { status: "shipped" } }] },
      { kind: "http", urlTemplate: "https://x.example/{{reference}}", mapping: [{ field: "status", path: "status" }] },
    ),
  }),
  verify_identity: fc.record({
    prompt: text,
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    method: fc.constantFrom({ kind: "otp", codeLength: 4 }, { kind: "phone_match" }, { kind: "date_of_birth", expectedField: "note" }),
  }),
  troubleshoot: fc.record({
    steps: fc.integer({ min: 1, max: 3 }).map((count) => localIds(count).map((id) => ({ id, title: `Step ${id}`, instructions: "Do it" }))),
  }),
  schedule: fc.record({
    actions: fc.subarray(["book", "reschedule", "cancel"] as const, { minLength: 1 }),
    calendar: fc.constantFrom({ kind: "static", slots: [{ id: "s1", label: "Mon 9:00" }] }, { kind: "hours" }),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
  }),
  collect_documents: fc.record({
    maxRetries: fc.integer({ min: 0, max: 2 }),
    items: fc.constantFrom(
      [{ id: "photo", label: "Photo", instructions: "Send a photo", kind: "media", acceptedTypes: ["image/*"], saveTo: "note" }],
      [
        { id: "doc", label: "Doc", instructions: "Send a PDF", kind: "media", acceptedTypes: ["application/pdf"], maxSizeMb: 1, saveTo: "note" },
        { id: "text", label: "Text", instructions: "Say something", kind: "text", required: false, saveTo: "status" },
      ],
    ),
  }),
  handoff: fc.record({ queue: fc.constantFrom("Support", "Billing"), hours: fc.constantFrom(undefined, { timeZone: "Europe/Paris", days: [1, 2, 3], openHour: 9, closeHour: 17, closedText: "Closed" }) }),
};

const nodeSpec = fc.constantFrom(...NODE_TYPES.filter((type) => type !== "start")).chain((type) =>
  fc.record({ type: fc.constant(type), data: nodeData[type], sensitive: fc.nat(7).map((roll) => roll === 0) }),
);

const triggerPool: z.input<typeof flowTriggerSchema>[] = [
  { id: "kw", reason: "Keyword", rule: { kind: "keyword", phrases: ["cancel my account"] } },
  { id: "sad", reason: "Negative", rule: { kind: "negative_sentiment" } },
  { id: "low", reason: "Low confidence", rule: { kind: "low_confidence" } },
  { id: "vip", reason: "VIP", rule: { kind: "high_value", when: { field: "tier", operator: "equals", value: "gold" } } },
  { id: "sec", reason: "Security", rule: { kind: "security", phrases: ["hacked"] } },
  { id: "fail", reason: "Stuck", rule: { kind: "flow_failure", maxValidationFailures: 2, onInactivity: true } },
];

/** A valid flow: a start node, up to `maxNodes` random nodes, random wiring with some ports left open. */
export const flowArbitrary = (maxNodes = 12): fc.Arbitrary<FlowDocument> =>
  fc
    .record({
      start: nodeData.start,
      specs: fc.array(nodeSpec, { minLength: 1, maxLength: maxNodes }),
      wiring: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      triggers: fc.subarray(triggerPool),
      useDefaultHandoff: fc.boolean(),
    })
    .map(({ start, specs, wiring, triggers, useDefaultHandoff }) => {
      const nodes: FlowNode[] = [makeNode("start", start, { id: "n0" })];
      specs.forEach((spec, index) => nodes.push(makeNode(spec.type, spec.data, { id: `n${index + 1}`, sensitive: spec.sensitive })));
      const edges: EdgeSpec[] = [];
      let cursor = 0;
      for (const node of nodes) {
        for (const port of outputPorts(node)) {
          const pick = (wiring[cursor++ % wiring.length] ?? 0) % (nodes.length * 4 + 1);
          // One pick in (4n + 1) leaves the port open, which the engine must survive.
          const target = pick === nodes.length * 4 ? undefined : nodes[pick % nodes.length];
          if (target) edges.push([node.id, port.id, target.id]);
        }
      }
      const handoff = nodes.find((node) => node.type === "handoff");
      return makeFlow(nodes, edges, {
        triggers,
        ...(useDefaultHandoff && handoff ? { defaultHandoffNodeId: handoff.id } : {}),
      });
    });

/** What the simulated customer or runtime does next; turned into a concrete input against the last result. */
export type InputSpec =
  | { kind: "say"; text: string }
  | { kind: "tap"; option: number }
  | { kind: "code" }
  | { kind: "media"; mime: string; size: number }
  | { kind: "location" }
  | { kind: "unsupported" }
  | { kind: "effect"; variant: number }
  | { kind: "stale_effect" }
  | { kind: "timeout" }
  | { kind: "resume"; node: number };

const sayPool = fc.constantFrom(
  "",
  "hello",
  "billing",
  "where is my order",
  "AB-123",
  "ab-123 please",
  "ana@example.com",
  "+44 7700 900123",
  "2024-01-31",
  "5",
  "yes",
  "no",
  "never mind",
  "this is terrible",
  "cancel my account",
  "I was hacked",
  "👍🏽",
  "مرحبا",
  "\u0000\u001b[2J",
  "x".repeat(10_000),
);

export const inputSpecArbitrary: fc.Arbitrary<InputSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("say" as const), text: fc.oneof(sayPool, fc.string({ maxLength: 40 })) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("tap" as const), option: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "code" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("media" as const), mime: fc.constantFrom("image/jpeg", "application/pdf", "video/mp4"), size: fc.nat(3_000_000) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "location" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "unsupported" as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("effect" as const), variant: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "stale_effect" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "timeout" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("resume" as const), node: fc.nat(20) }) },
);
