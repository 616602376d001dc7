// The worker of browserEvaluate.bench.ts, bundled on its own and run as a Web Worker in headless
// Chromium: times `evaluate` as evaluateWorker.ts does in Node (a fresh structural copy of the
// plan before each run, as the app's worker gets each plan in a message, and a task boundary
// around each run), so the cold figure is measured in the engine the app's models run in.
import { evaluate } from '../../src/models/evaluate';
import type { Plan } from '../../src/plan/schema';
import { SAMPLES } from '../../src/plan/samples/samples';

export interface BrowserEvaluateRequest {
  sample: string;
  runs: number;
  warmup: number;
}

export interface BrowserEvaluateResult {
  nodes: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

/** A macrotask boundary (as between two messages to the app's worker), without timer clamping. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

async function timeOne(plan: Plan): Promise<number> {
  const copy = structuredClone(plan);
  await nextTask();
  const t0 = performance.now();
  evaluate(copy);
  const ms = performance.now() - t0;
  await nextTask();
  return ms;
}

self.onmessage = async (event: MessageEvent<BrowserEvaluateRequest>) => {
  const { sample, runs, warmup } = event.data;
  const plan = SAMPLES[sample]();
  const firstMs = await timeOne(plan);
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ms = await timeOne(plan);
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const result: BrowserEvaluateResult = {
    nodes: plan.nodes.length,
    firstMs,
    medianMs: times[Math.floor(runs / 2)],
    p95Ms: times[Math.min(runs - 1, Math.floor(runs * 0.95))],
    minMs: times[0],
  };
  self.postMessage(result);
};
