import { err, ok, type Result } from "../result";
import { flowDocumentSchema, type FlowDocument } from "./flow-document";
import { schemaIssues } from "./validation/schema-issues";

/** One reason a flow file could not be read: where (a JSON path such as "nodes[3].data.prompt") and why. */
export type Problem = { path: string; message: string };

/** "nodes[3].data.prompt" from zod's path segments. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc === "" ? String(part) : `${acc}.${String(part)}`), "");
}

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * Offset of the first JSON syntax error. V8 reports a position for some errors and only a snippet for others,
 * so the position is found by a small scanner of its own.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i += 1;
  };
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i += 1;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === "\\") {
        const next = text.charAt(i + 1);
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail();
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== "") i += 2;
        else {
          i += 1;
          fail();
        }
      } else if (c < " ") fail();
      else i += 1;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (match === null || match[0] === "" || match[0] === "-") fail();
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === "{") {
      i += 1;
      ws();
      if (text.charAt(i) === "}") {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        if (text.charAt(i) !== ":") fail();
        i += 1;
        value();
        ws();
        if (text.charAt(i) === ",") i += 1;
        else if (text.charAt(i) === "}") {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === "[") {
      i += 1;
      ws();
      if (text.charAt(i) === "]") {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ",") i += 1;
        else if (text.charAt(i) === "]") {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c >= "0" && c <= "9")) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (cause) {
    // A pathological nesting depth can exhaust the stack; the start of the file is then the best we can say.
    return cause instanceof JsonSyntaxAt ? cause.offset : 0;
  }
}

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

function syntaxProblem(text: string): Problem {
  const offset = jsonErrorOffset(text);
  const { line, column } = lineAndColumn(text, offset);
  const found = offset >= text.length ? "the file ends too early" : `unexpected ${JSON.stringify(text.charAt(offset))}`;
  return { path: "", message: `The file is not valid JSON at line ${line}, column ${column}: ${found}.` };
}

/** The JSON value of a flow file, before any schema check; never throws. */
export function readFlowJsonValue(text: string): Result<unknown, Problem[]> {
  if (text.trim() === "") return err([{ path: "", message: "The file is empty." }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message differs between engines and often has no position; we locate it ourselves.
    return err([syntaxProblem(text)]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return err([{ path: "", message: "A flow file must hold one JSON object with name, settings, nodes and edges." }]);
  }
  return ok(value);
}

/** Reads a flow file. Never throws: bad JSON or schema problems come back as a list with paths. */
export function parseFlowJson(text: string): Result<FlowDocument, Problem[]> {
  const read = readFlowJsonValue(text);
  if (!read.ok) return read;
  const value = read.value;
  const parsed = flowDocumentSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const plain = schemaIssues(parsed.error.issues, value);
  return err(parsed.error.issues.map((issue, i) => ({ path: jsonPath(issue.path), message: plain[i]?.message ?? issue.message })));
}

/** Key order follows the schema (zod output), so exports of the same flow are byte-identical. */
export function exportFlowJson(flow: FlowDocument): string {
  return `${JSON.stringify(flowDocumentSchema.parse(flow), null, 2)}\n`;
}
