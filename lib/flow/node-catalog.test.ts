import { describe, expect, it } from "vitest";
import { NODE_TYPES, nodeSchemaByType } from "./flow-node";
import { createDefaultNode, nodeCatalog, nodeDisplayName, summarizeNode } from "./node-catalog";
import { validateFlow } from "./validate-flow";

describe("nodeCatalog", () => {
  it.each(NODE_TYPES)("creates a schema-valid default %s node at the given id and position", (type) => {
    const node = createDefaultNode(type, `n-${type}`, { x: 40, y: 80 });

    const parsed = nodeSchemaByType[type].safeParse(node);

    expect(parsed.success).toBe(true);
    expect(node).toMatchObject({ id: `n-${type}`, type, position: { x: 40, y: 80 } });
  });

  it.each(NODE_TYPES)("describes %s in plain words with a label, icon, group and one-line summary", (type) => {
    const entry = nodeCatalog[type];
    const node = createDefaultNode(type, "n1", { x: 0, y: 0 });

    const summary = summarizeNode(node);

    expect(entry.label.length).toBeGreaterThan(2);
    expect(entry.icon.length).toBeGreaterThan(0);
    expect(entry.description.length).toBeGreaterThan(30);
    expect(["Patterns", "Messages & questions", "Logic", "Escalation"]).toContain(entry.group);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).not.toContain("\n");
  });

  it("puts the seven patterns in the Patterns group", () => {
    const patterns = NODE_TYPES.filter((type) => nodeCatalog[type].group === "Patterns");

    expect(patterns.sort()).toEqual(["categorize", "collect_documents", "handoff", "schedule", "status_lookup", "troubleshoot", "verify_identity"]);
  });

  it("summarizes a configuration in a few words", () => {
    const categorize = createDefaultNode("categorize", "c", { x: 0, y: 0 });
    const lookup = createDefaultNode("status_lookup", "s", { x: 0, y: 0 });

    expect(summarizeNode(categorize)).toBe("3 categories · list");
    expect(summarizeNode(lookup)).toBe("Static table · 1 record · saves order_id");
  });

  it("prefers a step's own title over its type label", () => {
    expect(nodeDisplayName({ type: "ask", title: "Ask order number" })).toBe("Ask order number");
    expect(nodeDisplayName({ type: "ask", title: "  " })).toBe("Ask a question");
  });

  it("default nodes dropped on a canvas pass the validator's per-node checks", () => {
    const nodes = NODE_TYPES.map((type, i) => createDefaultNode(type, `n${i}`, { x: i * 320, y: 0 }));

    const report = validateFlow({ schemaVersion: 1, name: "Palette", settings: {}, nodes, edges: [] });

    const perNode = report.issues.filter((issue) => !["port_unconnected", "unreachable_node", "no_default_handoff", "undefined_field"].includes(issue.code));
    expect(perNode).toEqual([]);
  });
});
