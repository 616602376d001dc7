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
  return { ...summary(times), runs };
}

/** Median, p95 and minimum of a list of times, ms. */
export function summary(times: readonly number[]): { medianMs: number; p95Ms: number; minMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const n = sorted.length;
  return { medianMs: sorted[Math.floor(n / 2)], p95Ms: sorted[Math.min(n - 1, Math.floor(n * 0.95))], minMs: sorted[0] };
}
