import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = sealSecret("my-app-secret", "auth-secret");

    expect(sealed).not.toContain("my-app-secret");
    expect(openSecret(sealed, "auth-secret")).toBe("my-app-secret");
  });

  it("refuses to open with another key", () => {
    expect(() => openSecret(sealSecret("x", "one"), "two")).toThrow();
  });
});
