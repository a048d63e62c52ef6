import { describe, expect, it } from "vitest";
import { completeSupportDeskTemplate } from "@/lib/flow/templates";
import { nodeName, pathDecorations } from "./path-decorations";

const desk = completeSupportDeskTemplate.build();

describe("pathDecorations", () => {
  it("marks the current node, the visited ones and the edges taken between them", () => {
    const { nodeDecorations, highlightedEdgeIds } = pathDecorations(desk, ["start", "choose_topic", "verify"], "verify");

    expect(nodeDecorations.verify).toMatchObject({ tone: "current", badge: "Now here" });
    expect(nodeDecorations.start?.tone).toBe("visited");
    expect(nodeDecorations.find_order).toBeUndefined();
    const lit = highlightedEdgeIds.map((id) => desk.edges.find((edge) => edge.id === id)).map((edge) => `${edge?.source}→${edge?.target}`);
    expect(lit).toEqual(["start→choose_topic", "choose_topic→verify"]);
  });

  it("ignores a current node the document does not have", () => {
    expect(pathDecorations(desk, [], "gone").nodeDecorations).toEqual({});
  });

  it("names nodes by their title, falling back to the type", () => {
    expect(nodeName(desk, "verify")).toBe("Send a code");
    expect(nodeName(desk, "start")).toBe("start");
    expect(nodeName(desk, null)).toBe("—");
  });
});
