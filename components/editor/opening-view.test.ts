import { describe, expect, it } from "vitest";
import { templates, completeSupportDeskTemplate } from "@/lib/flow/templates";
import { openingView } from "./opening-view";

const grid = (columns: number, rows: number) =>
  Array.from({ length: columns * rows }, (_, index) => ({ position: { x: (index % columns) * 320, y: Math.floor(index / columns) * 200 } }));

describe("openingView", () => {
  it("fits every template and the complete support desk whole, down to 50 %", () => {
    for (const template of [...templates, completeSupportDeskTemplate]) {
      expect(openingView(template.build().nodes)).toEqual({ padding: 0.15, maxZoom: 1, minZoom: 0.5 });
    }
  });

  it("opens a flow too big for a useful overview at 100 %", () => {
    // 500 steps in 29 columns: about 9,200 × 3,600 flow units.
    expect(openingView(grid(29, 18)).minZoom).toBe(1);
    // A long single row is big too.
    expect(openingView(grid(14, 1)).minZoom).toBe(1);
  });

  it("keeps the overview for a flow just under the limit and for an empty one", () => {
    expect(openingView(grid(12, 14)).minZoom).toBe(0.5);
    expect(openingView([]).minZoom).toBe(0.5);
  });
});
