import type { FlowEdge } from "../flow-document";
import { outputPorts } from "../ports";
import { error, quote, warning, type Issue } from "./issue";
import { NON_WAITING_TYPES, nameOf, portLabel, type FlowGraph, type RawNode } from "./flow-graph";

/** Exactly one start; node ids unique. */
export function checkNodes(rawNodes: readonly RawNode[]): Issue[] {
  const issues: Issue[] = [];
  const starts = rawNodes.filter((raw) => raw.type === "start");
  if (starts.length === 0) {
    issues.push(error("missing_start", "The flow has no Start step. Add one so conversations know where to begin."));
  }
  for (const extra of starts.slice(1)) {
    issues.push(
      error("multiple_starts", `The flow has ${starts.length} Start steps; it needs exactly one. Delete this one.`, { nodeId: extra.id }),
    );
  }
  const seen = new Set<string>();
  for (const raw of rawNodes) {
    if (seen.has(raw.id)) {
      issues.push(
        error("duplicate_node_id", `Two steps share the id ${quote(raw.id)}. Give step ${raw.index + 1} a new id.`, { nodeId: raw.id }),
      );
    }
    seen.add(raw.id);
  }
  return issues;
}

/** Edge ids unique; endpoints and ports exist; one edge per port. */
export function checkEdges(graph: FlowGraph): Issue[] {
  const issues: Issue[] = [];
  const seenIds = new Set<string>();
  const byPort = new Map<string, FlowEdge[]>();
  for (const edge of graph.edges) {
    if (seenIds.has(edge.id)) {
      issues.push(error("duplicate_edge_id", `Two connections share the id ${quote(edge.id)}. Remove or rename one.`, { edgeId: edge.id }));
    }
    seenIds.add(edge.id);
    const source = graph.nodes.get(edge.source);
    if (source === undefined) {
      issues.push(
        error("edge_unknown_source", `A connection starts at a step that does not exist (${quote(edge.source)}). Remove the connection.`, {
          edgeId: edge.id,
        }),
      );
    }
    if (!graph.nodes.has(edge.target)) {
      issues.push(
        error(
          "edge_unknown_target",
          `A connection from ${quote(nameOf(graph, edge.source))} leads to a step that does not exist (${quote(edge.target)}). Remove it or connect it again.`,
          { edgeId: edge.id, ...(source === undefined ? {} : { nodeId: edge.source, port: edge.sourcePort }) },
        ),
      );
    }
    if (source?.node !== undefined && !outputPorts(source.node).some((port) => port.id === edge.sourcePort)) {
      issues.push(
        error(
          "edge_unknown_port",
          `A connection leaves ${quote(source.name)} from ${quote(edge.sourcePort)}, which this step no longer has (was a choice deleted?). Remove the connection.`,
          { nodeId: edge.source, edgeId: edge.id, port: edge.sourcePort },
        ),
      );
    }
    const key = `${edge.source}\u0000${edge.sourcePort}`;
    const list = byPort.get(key);
    if (list === undefined) byPort.set(key, [edge]);
    else list.push(edge);
  }
  for (const list of byPort.values()) {
    const [first, ...extra] = list;
    if (first === undefined || extra.length === 0 || !graph.nodes.has(first.source)) continue;
    for (const edge of extra) {
      issues.push(
        error(
          "port_multiple_edges",
          `${quote(nameOf(graph, edge.source))} has ${list.length} connections from ${quote(portLabel(graph, edge.source, edge.sourcePort))}; each outcome can lead to one step only. Remove the extra one.`,
          { nodeId: edge.source, port: edge.sourcePort, edgeId: edge.id },
        ),
      );
    }
  }
  return issues;
}

/** Every outcome of every step leads somewhere, so no customer is left without an answer. */
export function checkPortsConnected(graph: FlowGraph): Issue[] {
  const issues: Issue[] = [];
  for (const graphNode of graph.order) {
    if (graphNode.node === undefined) continue;
    const used = new Set((graph.outgoing.get(graphNode.id) ?? []).map((edge) => edge.sourcePort));
    for (const port of outputPorts(graphNode.node)) {
      if (used.has(port.id)) continue;
      issues.push(
        error(
          "port_unconnected",
          `${quote(graphNode.name)} has nothing connected to ${quote(port.label)}. Connect it to the next step, or to an End step if the conversation should finish there.`,
          { nodeId: graphNode.id, port: port.id },
        ),
      );
    }
  }
  return issues;
}

/** Nodes the runtime can enter: from Start along edges, or directly as a handoff named in the settings. */
export function reachableFrom(graph: FlowGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = roots.filter((id) => graph.nodes.has(id));
  for (const id of stack) seen.add(id);
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined) break;
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (seen.has(edge.target) || !graph.nodes.has(edge.target)) continue;
      seen.add(edge.target);
      stack.push(edge.target);
    }
  }
  return seen;
}

export function entryRoots(graph: FlowGraph): string[] {
  const starts = graph.order.filter((node) => node.type === "start").map((node) => node.id);
  const settings = graph.settings;
  if (settings === undefined) return starts;
  const handoffs = [settings.defaultHandoffNodeId, ...settings.triggers.map((trigger) => trigger.handoffNodeId)];
  return [...starts, ...handoffs.filter((id): id is string => id !== undefined)];
}

export function checkReachability(graph: FlowGraph): Issue[] {
  const reachable = reachableFrom(graph, entryRoots(graph));
  return graph.order
    .filter((node) => !reachable.has(node.id))
    .map((node) =>
      warning("unreachable_node", `No path from Start reaches ${quote(node.name)}, so customers will never see it. Connect it or delete it.`, {
        nodeId: node.id,
      }),
    );
}

/**
 * A loop made only of steps that do not wait for the customer (messages, conditions, set field…) would send
 * messages forever. Found as strongly connected components of the non-waiting subgraph (Tarjan, iterative).
 */
export function checkInputFreeCycles(graph: FlowGraph): Issue[] {
  const isNonWaiting = (id: string): boolean => {
    const type = graph.nodes.get(id)?.type;
    return type !== undefined && NON_WAITING_TYPES.has(type);
  };
  const successors = (id: string): string[] =>
    (graph.outgoing.get(id) ?? []).map((edge) => edge.target).filter((target) => isNonWaiting(target));

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.order) {
    if (!isNonWaiting(root.id) || index.has(root.id)) continue;
    const work: { id: string; next: number; succ: string[] }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, succ: successors(id) });
    };
    open(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const succ = frame.succ[frame.next];
      if (succ !== undefined) {
        frame.next += 1;
        if (!index.has(succ)) open(succ);
        else if (onStack.has(succ)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(succ) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
          if (member === frame.id) break;
        }
        const selfLoop = component.length === 1 && successors(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }

  return components.map((component) => {
    const members = new Set(component);
    const first = graph.order.find((node) => members.has(node.id))?.id ?? component[0] ?? "";
    const cycle = cycleThrough(first, members, successors);
    const names = [...cycle, first].map((id) => quote(nameOf(graph, id))).join(" → ");
    return error(
      "input_free_cycle",
      `${names} can repeat forever without waiting for the customer. Add a question to the loop or let it end.`,
      { nodeId: first, path: cycle },
    );
  });
}

/** A concrete cycle from `start` back to itself inside one component (BFS, so the shortest). */
function cycleThrough(start: string, members: ReadonlySet<string>, successors: (id: string) => string[]): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (id === undefined) break;
    for (const next of successors(id)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [id];
        let cursor = id;
        while (cursor !== start) {
          cursor = parent.get(cursor) ?? start;
          path.unshift(cursor);
        }
        return path;
      }
      if (parent.has(next)) continue;
      parent.set(next, id);
      queue.push(next);
    }
  }
  return [start];
}
