/**
 * NetworkPolicy truth table: time per full matrix (one port/protocol) on generated clusters
 * of 200 pods / 50 policies, 2,000 / 400 and 10,000 / 1,000, with the bit-set evaluator;
 * plus the pair-by-pair evaluation of the 2,000 / 400 cluster for the ratio.
 * Targets (issue 3): 2,000/400 ≤ 50 ms, 10,000/1,000 ≤ 2 s, memory ≤ 300 MB.
 * "cold" rebuilds the per-state model (as after any change to pods, namespaces or
 * policies); "warm" reuses it (the same state probed again, e.g. for another port).
 */
import type { ClusterState } from '../../src/engine/cluster/index.ts';
import { naiveMatrix, probeMatrix } from '../../src/engine/netpol/index.ts';
import { generate, touched } from './netpol-cluster.ts';

/** Wall and CPU time of one call (CPU time is the steadier figure on a shared machine). */
function time(fn: () => unknown): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { wall, cpu: (u.user + u.system) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const query = { port: 80, protocol: 'TCP' as const };
const sizes: Array<{ pods: number; policies: number; warmup: number; runs: number }> = [
  { pods: 200, policies: 50, warmup: 20, runs: 15 },
  { pods: 2000, policies: 400, warmup: 10, runs: 11 },
  { pods: 10000, policies: 1000, warmup: 2, runs: 5 },
];
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores`,
);
let fast2000 = 0;
let state2000: ClusterState | undefined;
for (const { pods, policies, warmup, runs } of sizes) {
  const state = generate(pods, policies);
  if (pods === 2000) state2000 = state;
  for (let i = 0; i < warmup; i++) probeMatrix(touched(state), query);
  const cold: Array<{ wall: number; cpu: number }> = [];
  const warm: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < runs; i++) {
    const fresh = touched(state);
    cold.push(time(() => probeMatrix(fresh, query)));
    warm.push(time(() => probeMatrix(fresh, query)));
  }
  const kept = probeMatrix(touched(state), query);
  let allowed = 0;
  for (let d = 0; d < kept.pods.length; d++) allowed += kept.allowed(0, d) ? 1 : 0;
  const n = kept.pods.length;
  const cpu = median(cold.map((t) => t.cpu));
  if (pods === 2000) fast2000 = cpu;
  console.log(
    `${String(pods).padStart(6)} pods / ${String(policies).padStart(5)} policies, ${n}×${n} cells: ` +
      `full matrix cold ${cpu.toFixed(1)} ms CPU (wall ${median(cold.map((t) => t.wall)).toFixed(1)} ms), ` +
      `warm model ${median(warm.map((t) => t.cpu)).toFixed(1)} ms CPU; median of ${runs}; ` +
      `bit matrix ${mb(n * Math.ceil(n / 32) * 4)}, rss ${mb(process.memoryUsage().rss)} ` +
      `(row 0 reaches ${allowed})`,
  );
}

if (state2000) {
  // The pair-by-pair evaluator takes minutes on the whole 2,000 × 2,000 table: time a
  // sample of source rows (every destination) and scale to all rows.
  const fresh = touched(state2000);
  const rows = 100;
  const t = time(() => naiveMatrix(fresh, { ...query, rows }));
  const total = probeMatrix(fresh, query).pods.length;
  const cpu = (t.cpu * total) / rows;
  console.log(
    `  2000 pods /   400 policies, pair-by-pair (naiveMatrix): ${rows} of ${total} rows in ${(t.cpu / 1000).toFixed(2)} s CPU, ` +
      `${(cpu / 1000).toFixed(1)} s for the full matrix: ${(cpu / fast2000).toFixed(0)}× the bit-set matrix`,
  );
}
console.log(`rss at the end ${mb(process.memoryUsage().rss)}`);
