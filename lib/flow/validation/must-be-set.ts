import type { FlowNode } from "../flow-node";
import type { FlowGraph } from "./flow-graph";

/** Facts (field keys, or derived tokens) a node+port guarantees when the node leaves by that port. */
export type Gen = (node: FlowNode, portId: string) => readonly string[];

/** Facts flowing into a node from outside the graph walk, e.g. "customer_phone" into Start. */
export type Seed = { target: string; facts: ReadonlySet<string> };

/**
 * Forward must-be-set dataflow: which of the `universe` facts hold on entry to each node on every path from
 * the seeds. Intersection at joins; unvisited nodes stand for "everything" until a path reaches them, and the
 * worklist runs to the greatest fixpoint, so loops are handled. Nodes never reached are absent from the result.
 * Facts are bit sets over the universe (facts outside it are ignored), which keeps a 500-node flow in the
 * low milliseconds.
 */
export function mustBeSet(
  graph: FlowGraph,
  universe: readonly string[],
  seeds: readonly Seed[],
  gen: Gen,
): Map<string, Set<string>> {
  const bit = new Map(universe.map((fact, i) => [fact, i]));
  const words = Math.max(1, Math.ceil(universe.length / 32));
  const toBits = (facts: Iterable<string>): Uint32Array => {
    const bits = new Uint32Array(words);
    for (const fact of facts) {
      const i = bit.get(fact);
      if (i !== undefined) bits[i >>> 5] = (bits[i >>> 5] ?? 0) | (1 << (i & 31));
    }
    return bits;
  };
  const genCache = new Map<string, Uint32Array>();
  const genBits = (node: FlowNode, portId: string): Uint32Array => {
    const key = `${node.id}\u0000${portId}`;
    let bits = genCache.get(key);
    if (bits === undefined) {
      bits = toBits(gen(node, portId));
      genCache.set(key, bits);
    }
    return bits;
  };

  const entry = new Map<string, Uint32Array>();
  const queue: string[] = [];
  const queued = new Set<string>();
  const meet = (target: string, facts: Uint32Array) => {
    if (!graph.nodes.has(target)) return;
    const current = entry.get(target);
    if (current === undefined) {
      entry.set(target, facts.slice());
    } else {
      let changed = false;
      for (let w = 0; w < words; w += 1) {
        const before = current[w] ?? 0;
        const after = before & (facts[w] ?? 0);
        if (after !== before) {
          current[w] = after;
          changed = true;
        }
      }
      if (!changed) return;
    }
    if (!queued.has(target)) {
      queued.add(target);
      queue.push(target);
    }
  };
  for (const seed of seeds) meet(seed.target, toBits(seed.facts));
  const out = new Uint32Array(words);
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (id === undefined) break;
    queued.delete(id);
    const node = graph.nodes.get(id)?.node;
    const facts = entry.get(id);
    if (node === undefined || facts === undefined) continue;
    for (const edge of graph.outgoing.get(id) ?? []) {
      const generated = genBits(node, edge.sourcePort);
      for (let w = 0; w < words; w += 1) out[w] = (facts[w] ?? 0) | (generated[w] ?? 0);
      meet(edge.target, out);
    }
  }

  const result = new Map<string, Set<string>>();
  for (const [id, bits] of entry) {
    result.set(id, new Set(universe.filter((_, i) => ((bits[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0)));
  }
  return result;
}

/** One hop of a witness path: the node, and the port it was left by (absent on the last node). */
export type PathStep = { nodeId: string; portId?: string };

/**
 * A shortest path from the seeds to `target` along which no port generates `fact` — the concrete reason a
 * must-be-set fact fails, for messages such as "the path A → B → C does not collect it".
 */
export function findPathWithout(
  graph: FlowGraph,
  starts: readonly { from: string; portId: string }[],
  target: string,
  fact: string,
  gen: Gen,
): PathStep[] | undefined {
  type Hop = { from: string; portId: string; first: boolean };
  const parent = new Map<string, Hop>();
  const queue: string[] = [];
  for (const start of starts) {
    for (const edge of graph.outgoing.get(start.from) ?? []) {
      if (edge.sourcePort !== start.portId || parent.has(edge.target) || !graph.nodes.has(edge.target)) continue;
      parent.set(edge.target, { ...start, first: true });
      queue.push(edge.target);
    }
  }
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (id === undefined) break;
    if (id === target) {
      const path: PathStep[] = [{ nodeId: id }];
      let hop = parent.get(id);
      while (hop !== undefined) {
        path.unshift({ nodeId: hop.from, portId: hop.portId });
        hop = hop.first ? undefined : parent.get(hop.from);
      }
      return path;
    }
    const node = graph.nodes.get(id)?.node;
    if (node === undefined) continue;
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (parent.has(edge.target) || !graph.nodes.has(edge.target)) continue;
      if (gen(node, edge.sourcePort).includes(fact)) continue;
      parent.set(edge.target, { from: id, portId: edge.sourcePort, first: false });
      queue.push(edge.target);
    }
  }
  return undefined;
}
