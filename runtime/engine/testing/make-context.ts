import type { EngineContext } from "../engine-context";
import { fakeNlu } from "./fake-nlu";

/** mulberry32: a tiny seeded generator, so tests and the benchmark repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeCtx(overrides: Partial<EngineContext> & { seed?: number } = {}): EngineContext {
  const { seed = 1, ...rest } = overrides;
  return {
    now: "2026-03-02T10:00:00.000Z", // a Monday, 10:00 UTC
    random: seededRandom(seed),
    nlu: fakeNlu(),
    customer: { phone: "+447700900123", name: "Ana" },
    ...rest,
  };
}
