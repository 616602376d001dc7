import { performance } from 'node:perf_hooks';

/**
 * Runs `fn` after `warmup` untimed runs and returns the median, p95 and minimum of `runs` timed
 * runs, ms. On a shared machine the minimum is the run least disturbed by other load.
 */
export function measure(fn: () => unknown, runs = 30, warmup = 5): { medianMs: number; p95Ms: number; minMs: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)], p95Ms: times[Math.min(runs - 1, Math.floor(runs * 0.95))], minMs: times[0], runs };
}
