/**
 * Seeded draws and interleaving, shared by the exam, the mixed review and the flashcard queue:
 * the same seed gives the same draw (so a session can be replayed and tested), and items of
 * one topic are spread out, since interleaved practice is what a mixed review is for.
 */

/** mulberry32: a small seeded generator of numbers in [0, 1). */
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

/** A shuffled copy (Fisher–Yates) drawn from `rnd`. */
export function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Up to `count` items taken one per pool in turn (round-robin), so a large pool does not
 * crowd out the others; the pools' own order decides within each.
 */
export function roundRobin<T>(pools: readonly (readonly T[])[], count: number): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < count; round++) {
    const before = out.length;
    for (const pool of pools) {
      if (out.length >= count) break;
      const item = pool[round];
      if (item !== undefined) out.push(item);
    }
    if (out.length === before) break;
  }
  return out;
}

/**
 * Reorders items so no two neighbours share a key whenever that is possible, keeping the
 * given order otherwise: at each step, the earliest item of another key after which the rest
 * can still be arranged (no key more than half of what remains).
 */
export function interleave<T>(items: readonly T[], key: (t: T) => string): T[] {
  const rest = [...items];
  const counts = new Map<string, number>();
  for (const t of rest) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  const out: T[] = [];
  let last: string | undefined;
  while (rest.length) {
    const n = rest.length;
    // After taking one of key k, n-1 remain, and k may not come first among them.
    const feasible = (k: string) =>
      [...counts].every(([s, c]) => {
        const left = s === k ? c - 1 : c;
        return left <= (s === k ? Math.floor((n - 1) / 2) : Math.floor(n / 2));
      });
    let i = rest.findIndex((t) => key(t) !== last && feasible(key(t)));
    if (i < 0) i = rest.findIndex((t) => key(t) !== last);
    if (i < 0) i = 0;
    const [t] = rest.splice(i, 1) as [T];
    const k = key(t);
    counts.set(k, counts.get(k)! - 1);
    out.push(t);
    last = k;
  }
  return out;
}
