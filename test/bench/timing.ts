// No Node imports: browserEvaluate.worker.ts runs these in a Web Worker of Chromium too.
import { nextTask } from '../../workers/jobRunner';

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

/**
 * Median, p95 and minimum of `runs` timed runs of `fn` (and every time), after `warmup` untimed
 * ones, ms, with a task boundary before and after each run as between two messages to the app's
 * worker (the same `nextTask` its jobs yield with, so V8's pending GC and compile tasks run
 * there and not inside the timed run). `prepare` (untimed) makes each run's argument.
 */
export async function timedRuns<T>(prepare: (i: number) => T, fn: (arg: T) => unknown, runs: number, warmup: number) {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const arg = prepare(i);
    await nextTask();
    const t0 = performance.now();
    fn(arg);
    const ms = performance.now() - t0;
    await nextTask();
    if (i >= warmup) times.push(ms);
  }
  return { ...summary(times), times };
}
