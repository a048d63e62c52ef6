import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";

const today = "2026-11-26"; // a Thursday

describe("extractEntities", () => {
  it("finds references with the default patterns", () => {
    const entities = extractEntities("were is ORD-99231? also #48213 and order 77120", { today });

    expect(entities.filter((e) => e.kind === "reference").map((e) => e.value)).toEqual(["ORD-99231", "#48213", "77120"]);
  });

  it("uses the node's own reference patterns and skips invalid ones", () => {
    const entities = extractEntities("ticket TK/2024/0042 please", { today, referencePatterns: ["(", String.raw`TK/\d{4}/\d{4}`] });

    expect(entities).toEqual([{ kind: "reference", value: "TK/2024/0042", pattern: String.raw`TK/\d{4}/\d{4}` }]);
  });

  it("finds and lowercases e-mail addresses", () => {
    expect(extractEntities("mail me at John.Doe+shop@Example.co.uk thanks", { today })).toEqual([
      { kind: "email", value: "john.doe+shop@example.co.uk" },
    ]);
  });

  it("normalises international phone numbers to + and digits", () => {
    const phones = extractEntities("call +44 20 7946 0958, or 0055 11 91234-5678, or (555) 123-4567", { today })
      .filter((e) => e.kind === "phone")
      .map((e) => e.value);

    expect(phones).toEqual(["+442079460958", "+5511912345678", "5551234567"]);
  });

  it("resolves relative dates against the given today, not the clock", () => {
    const dates = extractEntities("tomorrow, next monday, in 3 days, 25/12, Dec 3 or last friday", { today })
      .filter((e) => e.kind === "date")
      .map((e) => (e.kind === "date" ? [e.text, e.value] : []));

    expect(dates).toEqual([
      ["tomorrow", "2026-11-27"],
      ["next monday", "2026-11-30"],
      ["in 3 days", "2026-11-29"],
      ["25/12", "2026-12-25"],
      ["Dec 3", "2026-12-03"],
      ["last friday", "2026-11-20"],
    ]);
  });

  it("understands Spanish and Portuguese relative dates", () => {
    expect(extractEntities("mañana por la tarde", { today })).toEqual([{ kind: "date", value: "2026-11-27", text: "mañana" }]);
    expect(extractEntities("amanhã às 10h", { today })).toEqual([{ kind: "date", value: "2026-11-27", text: "amanhã" }]);
  });

  it("does not mistake durations, times or 'now' for dates", () => {
    const kinds = extractEntities("I'm 3 days late, call at 3pm, refund NOW", { today }).map((e) => e.kind);

    expect(kinds).not.toContain("date");
  });

  it("reads numbers with decimal commas and thousands separators, but not codes", () => {
    const numbers = extractEntities("paid 39,90 then 1,000.50 for 2 items with code SAVE20", { today })
      .filter((e) => e.kind === "number")
      .map((e) => (e.kind === "number" ? e.value : null));

    expect(numbers).toEqual([39.9, 1000.5, 2]);
  });

  it("gives each stretch of text to one entity only", () => {
    const entities = extractEntities("order ORD-12345 on 25/12/2026", { today });

    expect(entities).toEqual([
      { kind: "reference", value: "ORD-12345", pattern: String.raw`\b[A-Z]{2,5}-\d{3,}\b` },
      { kind: "date", value: "2026-12-25", text: "25/12/2026" },
    ]);
  });

  it("skips dates when today is not a valid day instead of guessing", () => {
    expect(extractEntities("tomorrow", { today: "not a date" })).toEqual([]);
  });
});
