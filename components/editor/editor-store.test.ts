import { describe, expect, it } from "vitest";
import { statusTrackingTemplate } from "@/lib/flow/templates/status-tracking-template";
import { createEditorStore, HISTORY_LIMIT } from "./editor-store";

function storeWithIds(options: { readOnly?: boolean } = {}) {
  let counter = 0;
  return createEditorStore(statusTrackingTemplate.build(), { ...options, newId: () => `new-${++counter}` });
}

describe("editor store", () => {
  it("adds a node where it was dropped, selects it, and undoes and redoes the addition", () => {
    const store = storeWithIds();
    const before = store.getState().document;

    const id = store.getState().addNode("handoff", { x: 500, y: 120 });

    expect(store.getState().document.nodes.find((node) => node.id === id)).toMatchObject({ type: "handoff", position: { x: 500, y: 120 } });
    expect(store.getState().selectedNodeIds).toEqual([id]);
    store.getState().undo();
    expect(store.getState().document).toBe(before);
    store.getState().redo();
    expect(store.getState().document.nodes.some((node) => node.id === id)).toBe(true);
  });

  it("keeps at least a hundred undo steps", () => {
    const store = storeWithIds();
    const original = store.getState().document;

    for (let i = 0; i < 120; i += 1) store.getState().addNode("message", { x: i, y: 0 });
    for (let i = 0; i < 120; i += 1) store.getState().undo();

    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    expect(store.getState().document).toBe(original);
  });

  it("merges typing in one field into a single undo step", () => {
    const store = storeWithIds();
    const node = store.getState().document.nodes.find((candidate) => candidate.type === "start");
    if (node?.type !== "start") throw new Error("template has no start");

    for (const greeting of ["H", "He", "Hel", "Hello"]) store.getState().updateNodeData(node.id, { greeting }, "start.greeting");
    store.getState().undo();

    expect(store.getState().document.nodes.find((candidate) => candidate.id === node.id)?.data).toEqual(node.data);
  });

  it("records a whole drag as one undo step", () => {
    const store = storeWithIds();
    const origin = store.getState().document;

    store.getState().startDrag();
    for (let x = 1; x <= 30; x += 1) store.getState().moveNodes(new Map([["start", { x, y: 0 }]]));
    store.getState().endDrag();
    store.getState().undo();

    expect(store.getState().document).toBe(origin);
    expect(store.getState().past).toHaveLength(0);
  });

  it("connects one edge per port, replacing the old connection of that port", () => {
    const store = storeWithIds();
    const handoff = store.getState().addNode("handoff", { x: 0, y: 400 });

    const connected = store.getState().connect({ source: "find_order", sourcePort: "error", target: handoff });

    const fromError = store.getState().document.edges.filter((edge) => edge.source === "find_order" && edge.sourcePort === "error");
    expect(connected).toBe(true);
    expect(fromError).toEqual([{ id: "find_order.error", source: "find_order", sourcePort: "error", target: handoff }]);
  });

  it("refuses connections from unknown ports, into the start step, or to the same node", () => {
    const store = storeWithIds();

    expect(store.getState().connect({ source: "find_order", sourcePort: "nope", target: "start" })).toBe(false);
    expect(store.getState().connect({ source: "find_order", sourcePort: "found", target: "start" })).toBe(false);
    expect(store.getState().connect({ source: "find_order", sourcePort: "found", target: "find_order" })).toBe(false);
  });

  it("deletes selected steps with their connections but never the start step", () => {
    const store = storeWithIds();

    store.getState().select(["start", "find_order"]);
    store.getState().deleteSelection();

    const { nodes, edges } = store.getState().document;
    expect(nodes.some((node) => node.id === "start")).toBe(true);
    expect(nodes.some((node) => node.id === "find_order")).toBe(false);
    expect(edges.some((edge) => edge.source === "find_order" || edge.target === "find_order")).toBe(false);
  });

  it("drops the edge of a port that an edit removed", () => {
    const store = storeWithIds();
    const ask = store.getState().addNode("ask", { x: 0, y: 0 });
    const node = store.getState().document.nodes.find((candidate) => candidate.id === ask);
    if (node?.type !== "ask") throw new Error("no ask");
    store.getState().updateNodeData(ask, { ...node.data, answer: { kind: "buttons", choices: [{ id: "yes", title: "Yes" }] } });
    const condition = store.getState().addNode("condition", { x: 0, y: 0 });
    const conditionNode = store.getState().document.nodes.find((candidate) => candidate.id === condition);
    if (conditionNode?.type !== "condition") throw new Error("no condition");
    store.getState().connect({ source: condition, sourcePort: "rule:vip", target: ask });

    store.getState().updateNodeData(condition, { rules: [{ ...conditionNode.data.rules[0], id: "gold", label: "Gold", when: { field: "tier", operator: "equals", value: "gold" } }] });

    expect(store.getState().document.edges.some((edge) => edge.source === condition)).toBe(false);
  });

  it("pastes copied steps with new ids and their inner connections, also into another flow", () => {
    const source = storeWithIds();
    source.getState().select(["find_order", "done"]);
    const copied = source.getState().copySelection();
    if (copied === null) throw new Error("nothing copied");
    let counter = 0;
    const target = createEditorStore(statusTrackingTemplate.build(), { newId: () => `pasted-${++counter}` });

    const pasted = target.getState().paste(copied);

    const { nodes, edges } = target.getState().document;
    expect(pasted).toBe(true);
    expect(target.getState().selectedNodeIds).toEqual(["pasted-1", "pasted-2"]);
    expect(nodes.find((node) => node.id === "pasted-1")?.type).toBe("status_lookup");
    expect(edges).toContainEqual({ id: "pasted-1.found", source: "pasted-1", sourcePort: "found", target: "pasted-2" });
  });

  it("ignores a paste that is not copied steps", () => {
    const store = storeWithIds();

    expect(store.getState().paste("hello")).toBe(false);
    expect(store.getState().paste(JSON.stringify({ kind: "threadline/steps", nodes: [{ id: "x" }], edges: [] }))).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it("changes nothing when read-only", () => {
    const store = storeWithIds({ readOnly: true });
    const before = store.getState().document;

    store.getState().addNode("message", { x: 0, y: 0 });
    store.getState().deleteElements(["find_order"], []);

    expect(store.getState().document).toBe(before);
  });
});
