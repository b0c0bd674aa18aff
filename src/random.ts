/**
 * mulberry32: a small, fast, seeded generator of numbers in [0, 1). Not for secrets; for made-up data
 * that must come out the same run after run (generated clearances, the demo's timelines, tests and
 * benchmarks). The one copy: production code, tests and benchmarks (through dist/) all use this.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
