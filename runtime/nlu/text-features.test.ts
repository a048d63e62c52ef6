import { describe, expect, it } from "vitest";
import { featuresOf, stem, tokenize } from "./text-features";

describe("text features", () => {
  it("brings inflected forms to one stem", () => {
    expect(new Set(["charge", "charges", "charged", "charging"].map(stem))).toEqual(new Set(["charg"]));
    expect(stem("deliveries")).toBe("delivery");
    expect(stem("address")).toBe("address");
  });

  it("tokenizes without accents, punctuation or emoji", () => {
    expect(tokenize("¿Dónde está mi pedido? 📦")).toEqual(["donde", "esta", "mi", "pedido"]);
  });

  it("shares character n-grams between a word and its misspelling", () => {
    const weights = { charNgram: 1, concept: 0 };
    const right = featuresOf([{ original: "order", corrected: "order" }], weights);
    const wrong = featuresOf([{ original: "oder", corrected: "oder" }], weights);

    const shared = [...right.keys()].filter((key) => key.startsWith("c:") && wrong.has(key));

    expect(shared.length).toBeGreaterThanOrEqual(2);
  });

  it("adds a support concept so that synonyms meet", () => {
    const weights = { charNgram: 0, concept: 1 };

    expect(featuresOf([{ original: "parcel", corrected: "parcel" }], weights).get("k:shipment")).toBe(1);
    expect(featuresOf([{ original: "paquete", corrected: "paquete" }], weights).get("k:shipment")).toBe(1);
  });
});
