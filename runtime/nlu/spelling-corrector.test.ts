import { describe, expect, it } from "vitest";
import { createSpellingCorrector } from "./spelling-corrector";

const corrector = createSpellingCorrector(
  new Map([
    ["order", 5],
    ["password", 3],
    ["receipt", 2],
    ["crash", 2],
    ["arrived", 1],
  ]),
);

describe("spelling corrector", () => {
  it("fixes one missing, extra, swapped or wrong letter", () => {
    expect(corrector.correct("oder")).toBe("order");
    expect(corrector.correct("passsword")).toBe("password");
    expect(corrector.correct("reciept")).toBe("receipt");
    expect(corrector.correct("crahs")).toBe("crash");
    expect(corrector.correct("arrivad")).toBe("arrived");
  });

  it("leaves known, short, numeric and far-off words alone", () => {
    expect(corrector.correct("order")).toBe("order");
    expect(corrector.correct("ord")).toBe("ord");
    expect(corrector.correct("12345")).toBe("12345");
    expect(corrector.correct("weather")).toBe("weather");
  });
});
