import { describe, expect, it } from "vitest";
import { makeAskNode, makeFlow, makeNode } from "@/lib/flow/test-builders";
import { conversationStateSchema, initialState, type ConversationState } from "./conversation-state";
import { step } from "./step";
import { stepResultSchema } from "./step-result";
import { Conversation } from "./testing/conversation";
import { fakeNlu } from "./testing/fake-nlu";
import { makeCtx } from "./testing/make-context";

const askEmail = makeAskNode({ prompt: "Your email?" }, { id: "email" });
const simpleFlow = (settings = {}) =>
  makeFlow(
    [makeNode("start", { greeting: "Hello!" }, { id: "start" }), askEmail, makeNode("end", { text: "Thanks!" }, { id: "end" }), makeNode("handoff", {}, { id: "agent" })],
    [
      ["start", "next", "email"],
      ["email", "answered", "end"],
      ["email", "gave_up", "agent"],
    ],
    { defaultHandoffNodeId: "agent", ...settings },
  );

describe("step", () => {
  it("starts at the start node and runs on until the first question", () => {
    const chat = new Conversation(simpleFlow());

    chat.say("hi");

    expect(chat.texts()).toEqual(["Hello!", "Your email?"]);
    expect(chat.state).toMatchObject({ nodeId: "email", status: "active", path: ["start", "email"] });
    expect(chat.eventTypes()).toEqual(["node.entered", "node.completed", "node.entered"]);
    expect(chat.state?.fields).toMatchObject({ first_message: "hi", customer_phone: "+447700900123", customer_name: "Ana" });
  });

  it("hands off to the default handoff when the customer asks for an agent at a question", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("hi");

    chat.say("Can I talk to a PERSON please?");

    expect(chat.state).toMatchObject({ status: "handoff", nodeId: "agent", escalation: { kind: "agent_request" } });
    expect(chat.effects()).toEqual([expect.objectContaining({ kind: "create_handoff" })]);
  });

  it("stays silent during a handoff and continues where the agent resumes it", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("agent");

    const silent = chat.say("hello? anyone?");
    chat.send({ kind: "resume", nodeId: "email" });

    expect(silent.outputs).toEqual([]);
    expect(chat.texts()).toEqual(["Your email?"]);
    expect(chat.state).toMatchObject({ status: "active", nodeId: "email", escalation: null });
  });

  it("refuses to run a sensitive node for an unverified customer", () => {
    const flow = makeFlow(
      [makeNode("start", {}, { id: "start" }), makeAskNode({}, { id: "secret", sensitive: true, title: "Change address" }), makeNode("handoff", {}, { id: "agent" })],
      [["start", "next", "secret"]],
      { defaultHandoffNodeId: "agent" },
    );
    const chat = new Conversation(flow);

    chat.say("hi");

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { kind: "sensitive_node", reason: "\"Change address\" needs a verified customer" } });
  });

  it("breaks a loop that never waits for the customer and hands off with a flow error", () => {
    const flow = makeFlow(
      [makeNode("start", {}, { id: "start" }), makeNode("message", { text: "A" }, { id: "a" }), makeNode("message", { text: "B" }, { id: "b" })],
      [
        ["start", "next", "a"],
        ["a", "next", "b"],
        ["b", "next", "a"],
      ],
    );
    const chat = new Conversation(flow);

    chat.say("hi");

    expect(chat.state).toMatchObject({ status: "handoff", nodeId: "__default_handoff", escalation: { kind: "flow_error" } });
    expect(chat.texts().filter((text) => text === "A").length).toBeLessThanOrEqual(3);
  });

  it("hands off with a flow error when nothing is connected to the port taken", () => {
    const flow = makeFlow([makeNode("start", {}, { id: "start" }), makeNode("handoff", {}, { id: "agent" })], []);
    const chat = new Conversation(flow);

    chat.say("hi");

    expect(chat.state).toMatchObject({ status: "handoff", nodeId: "agent", escalation: { kind: "flow_error" } });
  });

  it("drops a quiet customer on timeout", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("hi");

    chat.send({ kind: "timeout" });

    expect(chat.state?.status).toBe("ended");
    expect(chat.eventTypes()).toEqual(["conversation.dropped"]);
  });

  it("escalates a quiet customer when a flow-failure trigger asks for it", () => {
    const chat = new Conversation(
      simpleFlow({ triggers: [{ id: "quiet", reason: "Went quiet", rule: { kind: "flow_failure", onInactivity: true } }] }),
    );
    chat.say("hi");

    chat.send({ kind: "timeout" });

    expect(chat.state).toMatchObject({ status: "handoff", escalation: { reason: "Went quiet", kind: "flow_failure", triggerId: "quiet" } });
  });

  it("treats a timeout while waiting for an effect as that effect failing", () => {
    const flow = makeFlow(
      [
        makeNode("start", {}, { id: "start" }),
        makeNode("status_lookup", { prompt: "Ref?", source: { kind: "static", records: [] }, foundText: "F", notFoundText: "N", errorText: "E" }, { id: "look" }),
        makeNode("end", {}, { id: "end" }),
      ],
      [
        ["start", "next", "look"],
        ["look", "error", "end"],
      ],
    );
    const chat = new Conversation(flow);
    chat.say("hi");
    chat.say("AB-1");

    chat.send({ kind: "timeout" });

    expect(chat.texts()).toEqual(["E"]);
    expect(chat.state?.status).toBe("ended");
  });

  it("closes quietly, without a drop-out, when the customer does not rate", () => {
    const flow = makeFlow([makeNode("start", {}, { id: "start" }), makeNode("end", { text: "Bye", csat: { enabled: true } }, { id: "end" })], [["start", "next", "end"]]);
    const chat = new Conversation(flow);
    chat.say("hi");

    chat.send({ kind: "timeout" });

    expect(chat.state?.status).toBe("ended");
    expect(chat.events.map((event) => event.type)).not.toContain("conversation.dropped");
  });

  it("waits for a pending effect, but still hands off when the customer asks for an agent", () => {
    const flow = makeFlow(
      [makeNode("start", {}, { id: "start" }), makeNode("verify_identity", { method: { kind: "otp" }, prompt: "Code?" }, { id: "v" }), makeNode("handoff", {}, { id: "agent" })],
      [["start", "next", "v"]],
    );
    const chat = new Conversation(flow);
    chat.say("hi");

    const ignored = chat.say("hello?");
    chat.say("agent");

    expect(ignored.outputs).toEqual([]);
    expect(ignored.state.status).toBe("waiting_effect");
    expect(chat.state).toMatchObject({ status: "handoff", pendingEffect: null });
  });

  it("ignores a resume to a node the flow does not have", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("agent");

    const result = chat.send({ kind: "resume", nodeId: "gone" });

    expect(result.outputs).toEqual([]);
    expect(result.state.status).toBe("handoff");
  });

  it("ignores effect results it is not waiting for", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("hi");
    const before = chat.state;

    const result = chat.send({ kind: "effect_result", effectId: "eff_unknown", result: { kind: "send_otp" } });

    expect(result.outputs).toEqual([]);
    expect(result.state).toBe(before);
  });

  it("answers messages it cannot read with the fallback text and keeps waiting", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("hi");

    chat.customer({ kind: "unsupported", type: "reaction" });

    expect(chat.texts()).toEqual(["Sorry, I can only read text, buttons, photos and documents here."]);
    expect(chat.state?.nodeId).toBe("email");
  });

  it("starts over on a malformed state", () => {
    const broken = { ...initialState("email"), scratch: "nope" } as unknown as ConversationState;

    const result = step(simpleFlow(), broken, { kind: "customer", input: { kind: "text", text: "hi" } }, makeCtx());

    expect(result.state.path).toEqual(["start", "email"]);
  });

  it("starts a new conversation when an ended one gets a message", () => {
    const chat = new Conversation(simpleFlow());
    chat.say("hi");
    chat.say("ana@example.com");

    chat.say("one more thing");

    expect(chat.texts()).toEqual(["Hello!", "Your email?"]);
    expect(chat.state?.customerTurns).toBe(1);
  });

  it("builds its own handoff when the flow has none", () => {
    const flow = makeFlow([makeNode("start", {}, { id: "start" }), askEmail], [["start", "next", "email"]]);
    const chat = new Conversation(flow);
    chat.say("hi");

    chat.say("human");

    expect(chat.state).toMatchObject({ status: "handoff", nodeId: "__default_handoff" });
    expect(chat.effects()[0]).toMatchObject({ kind: "create_handoff", packet: { queue: "General support" } });
  });

  it("hands off instead of throwing when language understanding breaks", () => {
    const nlu = fakeNlu({
      analyzeSentiment: () => {
        throw new Error("model missing");
      },
    });

    const result = step(simpleFlow(), null, { kind: "customer", input: { kind: "text", text: "hi" } }, makeCtx({ nlu }));

    const later = step(simpleFlow(), result.state, { kind: "customer", input: { kind: "text", text: "hello?" } }, makeCtx());

    expect(result.state).toMatchObject({ status: "handoff", escalation: { kind: "flow_error", reason: "Flow error: model missing" } });
    expect(result.outputs.map((output) => output.kind)).toEqual(["message", "effect"]);
    expect(conversationStateSchema.safeParse(result.state).success).toBe(true);
    expect(later.outputs).toEqual([]);
  });

  it.each([
    ["empty", ""],
    ["very long", "x".repeat(10_000)],
    ["emoji", "👍🏽🔥 ok"],
    ["right-to-left", "مرحبا، أريد التحدث إلى وكيل"],
    ["control characters", "\u0000\u0007\u001b[31m\r\n\t"],
    ["lone surrogate", "\ud800abc"],
  ])("survives %s input with a schema-valid result", (_label, text) => {
    const chat = new Conversation(simpleFlow());
    chat.say("hi");

    const result = chat.say(text);

    expect(stepResultSchema.safeParse(result).success).toBe(true);
    expect(result.state.nodeId).toBe("email");
  });

  it("keeps answers to sensitive questions out of the summary lines", () => {
    const chat = new Conversation(simpleFlow({ fields: [{ key: "email", label: "Email", sensitive: true }] }));
    chat.say("hi");

    chat.say("secret@example.com");

    expect(JSON.stringify(chat.state?.recent)).not.toContain("secret@example.com");
    expect(chat.state?.fields.email).toBe("secret@example.com");
  });

  it("repeats itself exactly for the same flow, state, input and seed", () => {
    const flow = makeFlow(
      [makeNode("start", {}, { id: "start" }), makeNode("verify_identity", { method: { kind: "otp" }, prompt: "Code?" }, { id: "v" })],
      [["start", "next", "v"]],
    );
    const input = { kind: "customer" as const, input: { kind: "text" as const, text: "hi" } };

    const first = step(flow, null, input, makeCtx({ seed: 42 }));
    const second = step(flow, null, input, makeCtx({ seed: 42 }));
    const other = step(flow, null, input, makeCtx({ seed: 43 }));

    expect(second).toEqual(first);
    expect(other.outputs).not.toEqual(first.outputs);
  });
});
