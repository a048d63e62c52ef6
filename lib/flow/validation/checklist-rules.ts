import { ALWAYS_SET_FIELDS, fieldLabel, fieldsSetOnPort } from "../field-analysis";
import type { Checklist, FlowSettings } from "../flow-document";
import { outputPorts } from "../ports";
import { error, quote, warning, type Issue } from "./issue";
import { edgesFrom, nameOf, portLabel, type FlowGraph } from "./flow-graph";
import { findPathWithout, mustBeSet, type Gen, type PathStep } from "./must-be-set";

/** One fact per any-of group, so "email or phone" is proven on every path rather than field by field. */
const token = (checklist: number, group: number): string => `#checklist:${checklist}:${group}`;

type Requirement = { checklist: number; group: number; fields: readonly string[] };

const requirementsOf = (checklists: readonly Checklist[]): Requirement[] =>
  checklists.flatMap((checklist, i) => checklist.requirements.map((fields, j) => ({ checklist: i, group: j, fields })));

/** Field facts plus the tokens of the requirements they satisfy. */
function requirementGen(requirements: readonly Requirement[]): Gen {
  return (node, portId) => {
    const fields = fieldsSetOnPort(node, portId);
    if (fields.length === 0) return fields;
    const tokens = requirements.flatMap((r) => (r.fields.some((field) => fields.includes(field)) ? [token(r.checklist, r.group)] : []));
    return [...fields, ...tokens];
  };
}

function initialFacts(requirements: readonly Requirement[]): Set<string> {
  const facts = new Set<string>(ALWAYS_SET_FIELDS);
  for (const r of requirements) if (r.fields.some((field) => facts.has(field))) facts.add(token(r.checklist, r.group));
  return facts;
}

/** "Choose a topic → Delivery → Ask order number (gave up) → Hand off", as a manager reads a path. */
export function describePath(graph: FlowGraph, path: readonly PathStep[]): string {
  return path
    .map((step) => {
      const name = nameOf(graph, step.nodeId);
      if (step.portId === undefined) return name;
      const node = graph.nodes.get(step.nodeId)?.node;
      const label = portLabel(graph, step.nodeId, step.portId);
      if (node?.type === "categorize") return `${name} → ${label}`;
      if (node !== undefined && outputPorts(node).length > 1) return `${name} (${label.toLowerCase()})`;
      return name;
    })
    .join(" → ");
}

function startId(graph: FlowGraph): string | undefined {
  return graph.order.find((node) => node.type === "start")?.id;
}

/**
 * The minimum-context proof: for each checklist, every step that needs it (its requiredAt steps, or every handoff
 * reachable from the intent's category port) must have each requirement collected on every path from that port.
 */
export function checkChecklists(graph: FlowGraph, settings: FlowSettings): Issue[] {
  const start = startId(graph);
  if (start === undefined || settings.checklists.length === 0) return [];
  const all = requirementsOf(settings.checklists);
  // One pass from Start serves every checklist: it only provides what is known on reaching each menu.
  const fromStart = mustBeSet(graph, all.map((r) => token(r.checklist, r.group)), [{ target: start, facts: initialFacts(all) }], requirementGen(all));
  const issues: Issue[] = [];
  settings.checklists.forEach((checklist, i) => {
    const requirements = all.filter((r) => r.checklist === i);
    const universe = requirements.map((r) => token(r.checklist, r.group));
    const gen = requirementGen(requirements);
    const portId = `category:${checklist.intent}`;
    const seedPorts = graph.order
      .filter((g) => g.node?.type === "categorize" && g.node.data.categories.some((c) => c.id === checklist.intent))
      .map((g) => ({ from: g.id, portId }));
    const seedFacts = new Map<string, Set<string>>();
    const seeds = seedPorts.flatMap((seed) => {
      const node = graph.nodes.get(seed.from)?.node;
      if (node === undefined) return [];
      const facts = new Set([...(fromStart.get(seed.from) ?? initialFacts(requirements)), ...gen(node, portId)]);
      seedFacts.set(seed.from, facts);
      return edgesFrom(graph, seed.from, portId).map((e) => ({ target: e.target, facts }));
    });
    const entry = mustBeSet(graph, universe, seeds, gen);
    const needing =
      checklist.requiredAt.length > 0
        ? [...new Set(checklist.requiredAt)]
        : graph.order.filter((g) => g.type === "handoff" && entry.has(g.id)).map((g) => g.id);

    for (const nodeId of needing) {
      const facts = entry.get(nodeId);
      if (facts === undefined) continue;
      for (const requirement of requirements) {
        const fact = token(requirement.checklist, requirement.group);
        if (facts.has(fact)) continue;
        const starts = seedPorts.filter((seed) => !(seedFacts.get(seed.from)?.has(fact) ?? false));
        const path = findPathWithout(graph, starts, nodeId, fact, gen);
        const needs = requirement.fields.map((field) => fieldLabel(settings, field)).join(" or ");
        const via = path === undefined ? "some path to it" : `the path ${describePath(graph, path)}`;
        issues.push(
          error(
            "checklist_unmet",
            `Before ${quote(nameOf(graph, nodeId))}, the ${checklist.label} checklist needs ${needs}, but ${via} does not collect it. Ask for it on that path, or connect the path elsewhere.`,
            { nodeId, ...(path === undefined ? {} : { path: path.map((step) => step.nodeId) }) },
          ),
        );
      }
    }
  });
  return issues;
}

/** Sensitive steps refuse to run unverified; warn when some path reaches one without a verified outcome. */
export function checkSensitiveNodes(graph: FlowGraph): Issue[] {
  const start = startId(graph);
  if (start === undefined) return [];
  const gen: Gen = fieldsSetOnPort;
  const entry = mustBeSet(graph, ["verified"], [{ target: start, facts: initialFacts([]) }], gen);
  const issues: Issue[] = [];
  for (const graphNode of graph.order) {
    const node = graphNode.node;
    if (node?.sensitive !== true || node.type === "verify_identity" || node.id === start) continue;
    const facts = entry.get(node.id);
    if (facts === undefined || facts.has("verified")) continue;
    const startNode = graph.nodes.get(start)?.node;
    const starts = startNode === undefined ? [] : outputPorts(startNode).map((port) => ({ from: start, portId: port.id }));
    const path = findPathWithout(graph, starts, node.id, "verified", gen);
    const via = path === undefined ? "" : ` (${describePath(graph, path)})`;
    issues.push(
      warning(
        "sensitive_unverified",
        `${quote(graphNode.name)} is marked sensitive, but customers can reach it without being verified${via}. Unverified customers will be sent to an agent there instead. Add an Account verification step before it.`,
        { nodeId: node.id, ...(path === undefined ? {} : { path: path.map((step) => step.nodeId) }) },
      ),
    );
  }
  return issues;
}
