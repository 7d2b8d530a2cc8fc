/** Timing helpers for benchmarks: warm up, repeat, report the median and the spread. */
export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export function measure(fn: () => unknown, runs = 7, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    runs,
  };
}

export function fmt(t: Timing): string {
  return `median ${t.medianMs.toFixed(1)} ms (min ${t.minMs.toFixed(1)}, max ${t.maxMs.toFixed(1)}, ${t.runs} runs)`;
}

export function heapMB(): number {
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
