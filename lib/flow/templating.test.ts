import { describe, expect, it } from "vitest";
import { fillFields, renderTemplate, templateKeys } from "./templating";

describe("templating", () => {
  it("replaces known fields and tolerates spaces inside the braces", () => {
    const text = "Hi {{name}}, order {{ order_id }} is {{status}}.";

    const out = fillFields(text, { name: "Ana", order_id: "AB-1", status: "shipped" });

    expect(out).toBe("Hi Ana, order AB-1 is shipped.");
  });

  it("renders unknown and inherited keys as empty text", () => {
    expect(fillFields("[{{missing}}][{{constructor}}]", {})).toBe("[][]");
  });

  it("does not expand placeholders that arrive inside a value", () => {
    expect(fillFields("{{a}}", { a: "{{b}}", b: "secret" })).toBe("{{b}}");
  });

  it("leaves text without placeholders and malformed braces alone", () => {
    expect(renderTemplate("{{Not A Key}} {x}", () => "v")).toBe("{{Not A Key}} {x}");
  });

  it("lists referenced keys once each", () => {
    expect(templateKeys("{{a}} {{b}} {{ a }}")).toEqual(["a", "b"]);
  });
});
