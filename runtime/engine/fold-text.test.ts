import { describe, expect, it } from "vitest";
import { normalizeText } from "@/runtime/nlu/phrase-match";
import { foldText } from "./fold-text";

describe("foldText", () => {
  it.each(["Hello, World!", "  AB-12345  ", "Yes_please", "4/5 stars", "", "Talk to a PERSON?!", "a\tb"])("agrees with normalizeText on %j", (text) => {
    expect(foldText(text)).toBe(normalizeText(text));
  });

  it("falls back to full normalisation for accents, emoji and right-to-left text", () => {
    expect(foldText("Cancelár MI cuenta 👍")).toBe("cancelar mi cuenta");
    expect(foldText("مرحبا")).toBe(normalizeText("مرحبا"));
  });
});
