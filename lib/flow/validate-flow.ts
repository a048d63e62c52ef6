import { flowDocumentSchema, flowEdgeSchema, flowSettingsSchema, type FlowDocument, type FlowEdge, type FlowSettings } from "./flow-document";
import { flowNodeSchema } from "./flow-node";
import { buildGraph, readRawNode, type RawNode } from "./validation/flow-graph";
import { checkChecklists, checkSensitiveNodes } from "./validation/checklist-rules";
import { checkFieldReferences } from "./validation/field-rules";
import type { Issue } from "./validation/issue";
import { checkNode } from "./validation/node-rules";
import { schemaIssues } from "./validation/schema-issues";
import { checkSettings } from "./validation/settings-rules";
import { checkEdges, checkInputFreeCycles, checkNodes, checkPortsConnected, checkReachability } from "./validation/structure-rules";

export type { Issue, IssueCode, IssueSeverity } from "./validation/issue";

/** What the editor shows and what publishing requires: ok means no errors (warnings allowed). */
export type ValidationReport = { ok: boolean; flow?: FlowDocument; issues: Issue[] };

const asArray = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);
const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;

/**
 * Validates a flow for publishing. Pure and fast, for the browser and the server alike. When parts of the
 * document fail their schema, the graph rules still run over what did parse, so the manager sees every
 * structural problem at once; analyses that need the whole flow (fields, checklists) wait for a clean parse.
 */
export function validateFlow(input: unknown): ValidationReport {
  const parsed = flowDocumentSchema.safeParse(input);
  const issues: Issue[] = [];

  let rawNodes: RawNode[];
  let edges: FlowEdge[];
  let settings: FlowSettings | undefined;
  let complete: boolean;
  if (parsed.success) {
    rawNodes = parsed.data.nodes.map((node, index) => ({ index, id: node.id, type: node.type, title: node.title, node }));
    edges = parsed.data.edges;
    settings = parsed.data.settings;
    complete = true;
  } else {
    issues.push(...schemaIssues(parsed.error.issues, input));
    const nodesInput = asArray(field(input, "nodes"));
    const edgesInput = asArray(field(input, "edges"));
    if (nodesInput === undefined || edgesInput === undefined) return finish(issues, undefined);
    rawNodes = nodesInput.flatMap((raw, index) => {
      const node = flowNodeSchema.safeParse(raw);
      const read = readRawNode(raw, index, node.success ? node.data : undefined);
      return read === undefined ? [] : [read];
    });
    edges = edgesInput.flatMap((raw) => {
      const edge = flowEdgeSchema.safeParse(raw);
      return edge.success ? [edge.data] : [];
    });
    const settingsResult = flowSettingsSchema.safeParse(field(input, "settings"));
    settings = settingsResult.success ? settingsResult.data : undefined;
    complete = false;
  }

  const graph = buildGraph(rawNodes, edges, settings, complete);
  issues.push(...checkNodes(rawNodes), ...checkEdges(graph), ...checkPortsConnected(graph));
  issues.push(...checkReachability(graph), ...checkInputFreeCycles(graph));
  for (const graphNode of graph.order) if (graphNode.node !== undefined) issues.push(...checkNode(graphNode.node));
  if (settings !== undefined) issues.push(...checkSettings(graph, settings));
  if (complete && settings !== undefined) {
    issues.push(...checkFieldReferences(graph, settings), ...checkChecklists(graph, settings), ...checkSensitiveNodes(graph));
  }
  return finish(issues, parsed.success ? parsed.data : undefined);
}

function finish(issues: Issue[], flow: FlowDocument | undefined): ValidationReport {
  const ok = !issues.some((issue) => issue.severity === "error");
  return flow === undefined ? { ok, issues } : { ok, flow, issues };
}
