import { describe, expect, it } from "vitest";
import { toCsv } from "./metrics-csv";

describe("toCsv", () => {
  it("quotes fields with commas, quotes and line breaks and ends lines with CRLF", () => {
    expect(toCsv([["metric", "value"], ['Say "hi", then', 3], ["empty", null]])).toBe(
      'metric,value\r\n"Say ""hi"", then",3\r\nempty,\r\n',
    );
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(toCsv([["=HYPERLINK(1)", -2]])).toBe("'=HYPERLINK(1),-2\r\n");
  });
});
