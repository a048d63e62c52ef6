import { describe, expect, it } from "vitest";
import { choiceOptions, decodeChoice, encodeChoice } from "./version-choice";

describe("version choices", () => {
  it("round-trips draft, live and a published version through a select value", () => {
    for (const choice of [{ kind: "draft" }, { kind: "live" }, { kind: "version", versionId: "abc" }] as const) {
      expect(decodeChoice(encodeChoice(choice))).toEqual(choice);
    }
  });

  it("offers the live version first, then the draft, then every published version", () => {
    const flow = {
      id: "f",
      name: "Desk",
      versions: [
        { id: "v2", number: 2, live: true, note: "", createdAt: "" },
        { id: "v1", number: 1, live: false, note: "First", createdAt: "" },
      ],
    };

    expect(choiceOptions(flow).map((option) => option.label)).toEqual([
      "Live version (v2)",
      "Draft (unpublished changes)",
      "Version 2 · live",
      "Version 1 — First",
    ]);
  });

  it("offers only the draft for a flow never published", () => {
    expect(choiceOptions({ id: "f", name: "New", versions: [] }).map((option) => option.value)).toEqual(["draft"]);
  });
});
