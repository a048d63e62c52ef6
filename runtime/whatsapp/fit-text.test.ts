import { describe, expect, it } from "vitest";
import { cutText, fitText } from "./fit-text";

describe("fitText", () => {
  it("leaves text within the limit untouched", () => {
    expect(fitText("hello", 5)).toBe("hello");
  });

  it("ends cut text with an ellipsis inside the limit", () => {
    expect(fitText("hello world", 8)).toBe("hello w…");
  });

  it("counts emoji as one character and never splits them", () => {
    const text = "👍👍👍👍👍";

    const fitted = fitText(text, 3);

    expect(fitted).toBe("👍👍…");
    expect([...fitted]).toHaveLength(3);
  });

  it("keeps a five-emoji string that is ten UTF-16 units long", () => {
    expect(fitText("👍👍👍👍👍", 5)).toBe("👍👍👍👍👍");
  });

  it("does not leave a space before the ellipsis", () => {
    expect(fitText("ab cd", 4)).toBe("ab…");
  });
});

describe("cutText", () => {
  it("cuts without an ellipsis", () => {
    expect(cutText("abcdef", 3)).toBe("abc");
  });
});
