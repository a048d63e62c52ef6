import { describe, expect, it } from "vitest";
import { exportFlowJson, parseFlowJson } from "./flow-json";
import { completeSupportDeskTemplate } from "./templates";

describe("parseFlowJson", () => {
  it("reads an exported flow back to the same document", () => {
    const flow = completeSupportDeskTemplate.build();

    const parsed = parseFlowJson(exportFlowJson(flow));

    expect(parsed).toEqual({ ok: true, value: flow });
  });

  it("reports invalid JSON with its line and column", () => {
    const result = parseFlowJson('{\n  "name": "x",\n  "nodes": [,]\n}');

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toHaveLength(1);
      expect(result.error[0]?.message).toMatch(/not valid JSON at line 3, column \d+/);
    }
  });

  it.each([
    ["an empty file", "", "The file is empty."],
    ["a list instead of an object", "[]", "A flow file must hold one JSON object with name, settings, nodes and edges."],
    ["a bare string", '"flow"', "A flow file must hold one JSON object with name, settings, nodes and edges."],
  ])("explains %s", (_, text, message) => {
    expect(parseFlowJson(text)).toEqual({ ok: false, error: [{ path: "", message }] });
  });

  it("lists every schema problem with its JSON path", () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      name: "",
      settings: {},
      nodes: [{ id: "a", type: "ask", position: { x: 0, y: 0 }, data: { prompt: "Hi?", answer: { kind: "free_text", check: { kind: "none" } } } }],
      edges: [{ id: "e", source: "a", target: "b" }],
    });

    const result = parseFlowJson(text);

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toEqual([
        { path: "name", message: "Give the flow a name." },
        { path: "nodes[0].data.saveTo", message: "“Ask a question”: The field to save to is missing." },
        { path: "edges[0].sourcePort", message: "Connection 1: The connection's starting point is missing." },
      ]);
    }
  });

  it("never throws, whatever the text", () => {
    for (const text of ["{", "null", "1e999", '{"nodes": {"a": 1}}', "\u0000", "{".repeat(5000)]) {
      expect(() => parseFlowJson(text)).not.toThrow();
      expect(parseFlowJson(text).ok).toBe(false);
    }
  });
});

describe("exportFlowJson", () => {
  it("is stable and pretty", () => {
    const flow = completeSupportDeskTemplate.build();

    const once = exportFlowJson(flow);
    const reread = parseFlowJson(once);
    const twice = reread.ok ? exportFlowJson(reread.value) : "";

    expect(twice).toBe(once);
    expect(once).toContain('\n  "name": "Complete support desk",');
    expect(once.endsWith("}\n")).toBe(true);
  });
});
