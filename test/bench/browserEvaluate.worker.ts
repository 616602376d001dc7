// The worker of browserEvaluate.bench.ts, bundled on its own and run as a Web Worker in headless
// Chromium: times `evaluate` as evaluateWorker.ts does in Node (`timedRuns` on a fresh structural
// copy of the plan each run, as the app's worker gets each plan in a message), so the cold figure
// is measured in the engine the app's models run in.
import { evaluate } from '../../src/models/evaluate';
import type { Plan } from '../../src/plan/schema';
import { SAMPLES } from '../../src/plan/samples/samples';
import { timedRuns } from './timing';

export interface BrowserEvaluateRequest {
  sample: string;
  runs: number;
  warmup: number;
}

/** One cold run of `sample`, for a worker taking turns with another (issueBaseline.ts): answered with its ms. */
export interface BrowserTurnRequest {
  sample: string;
  turn: true;
}

export interface BrowserEvaluateResult {
  nodes: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

const plans = new Map<string, Plan>();

self.onmessage = async (event: MessageEvent<BrowserEvaluateRequest | BrowserTurnRequest>) => {
  const { sample } = event.data;
  let plan = plans.get(sample);
  if (!plan) plans.set(sample, (plan = SAMPLES[sample]()));
  const cold = (n: number, skip: number) =>
    timedRuns(
      () => structuredClone(plan),
      (copy: Plan) => evaluate(copy),
      n,
      skip,
    );
  if ('turn' in event.data) {
    self.postMessage((await cold(1, 0)).times[0]);
    return;
  }
  const { runs, warmup } = event.data;
  const first = await cold(1, 0);
  const { medianMs, p95Ms, minMs } = await cold(runs, warmup);
  const result: BrowserEvaluateResult = { nodes: plan.nodes.length, firstMs: first.medianMs, medianMs, p95Ms, minMs };
  self.postMessage(result);
};
