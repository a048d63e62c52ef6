/**
 * Flows as code: `npm run flow -- <command>`.
 *   validate <flow.json>             the publish validator's issues in plain words; exit 1 on errors
 *   templates <dir>                  write every product template as <dir>/<id>.json
 *   test <flow.json> <conv.json>     play scripted conversations; prints the transcript and `N passed, N failed`
 * Exit codes: 0 fine, 1 the flow (or conversation) has errors, 2 wrong usage or unreadable file.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportFlowJson, parseFlowJson, readFlowJsonValue } from "../lib/flow/flow-json";
import { parseConversationCases } from "../lib/flow/conversation-case";
import { runConversationCase } from "../runtime/flow-test/run-conversation-case";
import { createLanguageUnderstanding } from "../runtime/nlu";
import { templates } from "../lib/flow/templates";
import { validateFlow, type Issue } from "../lib/flow/validate-flow";

type Command = (args: readonly string[]) => number | Promise<number>;

const USAGE = `Usage: npm run flow -- <command>
  validate <flow.json>              check a flow the way publishing does
  test <flow.json> <conversation>   run a scripted conversation against a flow
  templates <dir>                   write every template as JSON into <dir>`;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    const code: unknown = typeof cause === "object" && cause !== null ? Reflect.get(cause, "code") : undefined;
    console.error(`Cannot read ${path}${typeof code === "string" ? ` (${code})` : ""}.`);
    return undefined;
  }
}

function formatIssue(issue: Issue, names: ReadonlyMap<string, string>): string {
  const where = [
    issue.nodeId === undefined ? undefined : `${names.get(issue.nodeId) ?? issue.nodeId} [${issue.nodeId}]`,
    issue.port === undefined ? undefined : `outcome ${issue.port}`,
    issue.field,
  ].filter((part): part is string => part !== undefined);
  const head = `${issue.severity === "error" ? "error  " : "warning"} ${issue.code}${where.length > 0 ? `  at ${where.join(" · ")}` : ""}`;
  return `${head}\n        ${issue.message}`;
}

const validate: Command = (args) => {
  const [path] = args;
  if (path === undefined || args.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const text = readText(path);
  if (text === undefined) return 2;
  const value = readFlowJsonValue(text);
  if (!value.ok) {
    for (const problem of value.error) console.log(`error   ${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`);
    return 1;
  }
  const report = validateFlow(value.value);
  // Read from the raw file so steps that failed their schema still get a name.
  const root = value.value;
  const rawNodes: unknown = typeof root === "object" && root !== null ? Reflect.get(root, "nodes") : undefined;
  const names = new Map<string, string>();
  if (Array.isArray(rawNodes)) {
    for (const raw of rawNodes) {
      if (typeof raw !== "object" || raw === null) continue;
      const id: unknown = Reflect.get(raw, "id");
      const title: unknown = Reflect.get(raw, "title");
      const type: unknown = Reflect.get(raw, "type");
      const name = typeof title === "string" && title.trim() !== "" ? title : type;
      if (typeof id === "string" && typeof name === "string") names.set(id, name);
    }
  }
  for (const issue of report.issues) console.log(formatIssue(issue, names));
  const errors = report.issues.filter((issue) => issue.severity === "error").length;
  const warnings = report.issues.length - errors;
  const name = report.flow?.name ?? path;
  console.log(`${errors === 0 ? "✓" : "✗"} ${name}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return errors === 0 ? 0 : 1;
};

const writeTemplates: Command = (args) => {
  const [dir] = args;
  if (dir === undefined || args.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  mkdirSync(dir, { recursive: true });
  for (const template of templates) {
    const file = join(dir, `${template.id}.json`);
    writeFileSync(file, exportFlowJson(template.build()));
    console.log(`wrote ${file}`);
  }
  return 0;
};

const runTests: Command = async (args) => {
  const [flowPath, casesPath] = args;
  if (flowPath === undefined || casesPath === undefined || args.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const flowText = readText(flowPath);
  const casesText = readText(casesPath);
  if (flowText === undefined || casesText === undefined) return 2;
  const flow = parseFlowJson(flowText);
  if (!flow.ok) {
    console.log(`${flowPath} is not a valid flow:`);
    for (const problem of flow.error) console.log(`  ${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`);
    return 1;
  }
  const cases = parseConversationCases(casesText);
  if (!cases.ok) {
    console.log(`${casesPath} is not a valid conversation file:`);
    for (const problem of cases.error) console.log(`  ${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`);
    return 1;
  }
  const nlu = createLanguageUnderstanding();
  let passed = 0;
  let failed = 0;
  for (const testCase of cases.value) {
    const report = await runConversationCase(flow.value, testCase, { nlu });
    console.log(`\n${report.passed ? "✓" : "✗"} ${report.name}`);
    for (const stepReport of report.steps) {
      console.log(`  customer: ${stepReport.said}`);
      for (const reply of stepReport.replies) console.log(`  bot:      ${reply.replaceAll("\n", "\n            ")}`);
      for (const failure of stepReport.failures) console.log(`  ✗ step ${stepReport.index}: ${failure}`);
    }
    if (report.outcomeFailure) console.log(`  ✗ ${report.outcomeFailure}`);
    if (report.passed) passed += 1;
    else failed += 1;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
};

/** Every subcommand. */
const commands: Record<string, Command> = {
  validate,
  templates: writeTemplates,
  test: runTests,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    console.error(USAGE);
    return 2;
  }
  return command(args);
}

process.exitCode = await main(process.argv.slice(2));
