import { describe, expect, it } from "vitest";
import { hashFlowDocument } from "./versions";
import { supportDeskFixture } from "@/lib/flow/test-builders";
import type { FlowDocument } from "@/lib/flow/flow-document";

describe("hashFlowDocument", () => {
  it("gives the same sha256 for the same flow whatever the key order", () => {
    const flow = supportDeskFixture();
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(flow).reverse()))) as FlowDocument;

    expect(hashFlowDocument(reordered)).toBe(hashFlowDocument(flow));
    expect(hashFlowDocument(flow)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when any setting changes, however small", () => {
    const flow = supportDeskFixture();
    const edited = structuredClone(flow);
    const start = edited.nodes.find((node) => node.type === "start");
    if (start?.type !== "start") throw new Error("fixture has no start node");
    start.data.greeting = `${start.data.greeting} `;

    expect(hashFlowDocument(edited)).not.toBe(hashFlowDocument(flow));
  });
});
