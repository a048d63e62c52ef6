import { describe, expect, it } from "vitest";
import { describeDiff, diffFlows, mergeForDiff } from "./diff-flows";
import { makeFlow, makeNode, supportDeskFixture } from "./test-builders";
import type { FlowDocument } from "./flow-document";

function baseFlow(): FlowDocument {
  return makeFlow(
    [
      makeNode("start", { greeting: "Hello" }, { id: "start" }),
      makeNode("ask", {
        prompt: "Pick one",
        answer: { kind: "buttons", choices: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] },
        saveTo: "pick",
      }, { id: "ask" }),
      makeNode("end", { text: "Bye" }, { id: "end" }),
      makeNode("handoff", { queue: "Support" }, { id: "agent" }),
    ],
    [
      ["start", "next", "ask"],
      ["ask", "choice:yes", "end"],
      ["ask", "choice:no", "agent"],
      ["ask", "gave_up", "agent"],
    ],
    { defaultHandoffNodeId: "agent" },
  );
}

function edit(flow: FlowDocument, change: (draft: FlowDocument) => void): FlowDocument {
  const copy = structuredClone(flow);
  change(copy);
  return copy;
}

describe("diffFlows", () => {
  it("finds nothing between a flow and its copy", () => {
    const flow = supportDeskFixture();

    const diff = diffFlows(flow, structuredClone(flow));

    expect(diff.same).toBe(true);
    expect(describeDiff(diff)).toBe("No changes");
  });

  it("lists added and removed steps with their names", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      flow.nodes = flow.nodes.filter((node) => node.id !== "end");
      flow.nodes.push(makeNode("message", { text: "New step" }, { id: "note", title: "Reminder" }));
    });

    const diff = diffFlows(before, after);

    expect(diff.nodes.added).toEqual([{ id: "note", type: "message", name: "Reminder" }]);
    expect(diff.nodes.removed.map((node) => node.id)).toEqual(["end"]);
    expect(diff.same).toBe(false);
  });

  it("names a changed setting in plain words with its old and new value", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      const start = flow.nodes.find((node) => node.id === "start");
      if (start?.type === "start") start.data.greeting = "Hi there";
    });

    const diff = diffFlows(before, after);

    expect(diff.nodes.changed).toEqual([
      expect.objectContaining({ id: "start", changes: [{ path: "greeting", label: "Greeting", before: "“Hello”", after: "“Hi there”" }] }),
    ]);
  });

  it("matches buttons by id, so a renamed button is one change and the others are untouched", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      const ask = flow.nodes.find((node) => node.id === "ask");
      if (ask?.type === "ask" && ask.data.answer.kind === "buttons") {
        ask.data.answer.choices = [{ id: "maybe", title: "Maybe" }, ...ask.data.answer.choices.map((c) => (c.id === "no" ? { ...c, title: "Nope" } : c))];
      }
    });

    const changes = diffFlows(before, after).nodes.changed[0]?.changes ?? [];

    expect(changes.map((change) => change.label)).toEqual([
      "Answer › Buttons › “Maybe” (added)",
      "Answer › Buttons › “Nope” › Title",
    ]);
    expect(changes[1]).toMatchObject({ path: "answer.choices.no.title", before: "“No”", after: "“Nope”" });
  });

  it("reports a re-pointed output as one changed connection, not an add and a remove", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      flow.edges = flow.edges.map((edge) => (edge.source === "ask" && edge.sourcePort === "choice:no" ? { ...edge, id: "new", target: "end" } : edge));
    });

    const diff = diffFlows(before, after);

    expect(diff.connections.changed).toEqual([
      expect.objectContaining({ source: "ask", sourcePort: "choice:no", fromTarget: "agent", toTarget: "end", edgeId: "new" }),
    ]);
    expect(diff.connections.added).toEqual([]);
    expect(diff.connections.removed).toEqual([]);
  });

  it("ignores edge ids: the same connection under a new id is no change", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      flow.edges = flow.edges.map((edge) => ({ ...edge, id: `renamed-${edge.id}` }));
    });

    expect(diffFlows(before, after).same).toBe(true);
  });

  it("counts a move on the canvas as layout only", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      const end = flow.nodes.find((node) => node.id === "end");
      if (end) end.position = { x: 999, y: 5 };
    });

    const diff = diffFlows(before, after);

    expect(diff.same).toBe(true);
    expect(diff.nodes.movedOnly.map((node) => node.id)).toEqual(["end"]);
    expect(describeDiff(diff)).toBe("Only the layout changed");
  });

  it("lists flow-wide settings such as the agent phrases", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      flow.settings.agentPhrases = ["agent", "operator"];
      flow.name = "Renamed";
    });

    const diff = diffFlows(before, after);

    expect(diff.flow.map((change) => change.label)).toEqual(["Flow name", "Flow settings › Phrases that mean “talk to an agent”"]);
    expect(describeDiff(diff)).toBe("2 flow settings changed");
  });

  it("merges both sides for the canvas, keeping removed steps and prefixing removed connection ids", () => {
    const before = baseFlow();
    const after = edit(before, (flow) => {
      flow.nodes = flow.nodes.filter((node) => node.id !== "end");
      flow.edges = flow.edges.map((edge) => (edge.target === "end" ? { ...edge, target: "agent", id: "to-agent" } : edge));
    });
    const diff = diffFlows(before, after);

    const merged = mergeForDiff(before, after, diff);

    expect(merged.nodes.map((node) => node.id)).toContain("end");
    expect(merged.edges.map((edge) => edge.id)).toEqual(expect.arrayContaining(["to-agent", "removed:e1"]));
  });
});
