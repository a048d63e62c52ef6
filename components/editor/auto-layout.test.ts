import { describe, expect, it } from "vitest";
import { statusTrackingTemplate } from "@/lib/flow/templates/status-tracking-template";
import { layoutFlow } from "./auto-layout";

describe("layoutFlow", () => {
  it("places every step, each connection's target to the right of its source", async () => {
    const flow = statusTrackingTemplate.build();

    const positions = await layoutFlow(flow, {});

    expect(positions.size).toBe(flow.nodes.length);
    for (const edge of flow.edges) {
      expect(positions.get(edge.target)?.x ?? 0).toBeGreaterThan(positions.get(edge.source)?.x ?? 0);
    }
  });
});
