import { describe, expect, it } from "vitest";
import { containsPhrase, findPhrase, normalizeText } from "./phrase-match";

describe("phrase matching", () => {
  it("ignores case, accents and punctuation", () => {
    expect(normalizeText("Cancelár  MI cuenta!")).toBe("cancelar mi cuenta");
    expect(containsPhrase("I want to CANCÉL my account, now", "cancel my account")).toBe(true);
  });

  it("matches on word boundaries only", () => {
    expect(containsPhrase("get me an agent", "agent")).toBe(true);
    expect(containsPhrase("the agents said", "agent")).toBe(false);
    expect(containsPhrase("reagent", "agent")).toBe(false);
  });

  it("returns the first phrase found", () => {
    expect(findPhrase("please, a human!", ["agent", "human"])).toBe("human");
    expect(findPhrase("hello", ["agent"])).toBeNull();
  });
});
