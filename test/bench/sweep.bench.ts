// Times the failure sweep: the baseline built once, then every scenario as a delta.
// Run: npm run bench sweep, or npx tsx test/bench/sweep.bench.ts
// Self-contained (its own worker threads), so it does not depend on the bench runner's internals.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { runSweep, sweepChunk, sweepScenarios } from '../../src/models/drills/sweep';
import { sweepBasis } from '../../src/models/drills/sweepBasis';
import { drillHealth } from '../../src/models/drills/drillHealth';
import { validatePlan } from '../../src/plan/validate';
import { figure } from './figures';

const FILE = 'public/examples/hyperscale-5000.json';

function load() {
  const valid = validatePlan(JSON.parse(readFileSync(FILE, 'utf8')));
  if (!valid.ok) throw new Error(`${FILE} is invalid`);
  return valid.plan;
}

/** Runs a sweep split over `workers` threads; wall time from the first post to the last answer, with each thread building its own basis. */
async function threaded(workers: number, pairs: boolean, total: number): Promise<{ wallMs: number; basisMs: number; scenarioMs: number }> {
  const threads = Array.from({ length: workers }, () => new Worker(new URL('./sweepWorker.mjs', import.meta.url)));
  // Warm the threads up (module load) so the figure is the sweep, as in a pool that already runs.
  await Promise.all(
    threads.map(
      (w) =>
        new Promise((resolve) => {
          w.once('message', resolve);
          w.postMessage({ file: FILE, pairs, start: 0, end: 0 });
        }),
    ),
  );
  const t0 = performance.now();
  const per = Math.ceil(total / workers);
  const answers = await Promise.all(
    threads.map(
      (w, k) =>
        new Promise<{ basisMs: number; scenarioMs: number }>((resolve) => {
          w.once('message', resolve);
          w.postMessage({ file: FILE, pairs, start: k * per, end: Math.min(total, (k + 1) * per) });
        }),
    ),
  );
  const wallMs = performance.now() - t0;
  await Promise.all(threads.map((w) => w.terminate()));
  return { wallMs, basisMs: Math.max(...answers.map((a) => a.basisMs)), scenarioMs: Math.max(...answers.map((a) => a.scenarioMs)) };
}

const plan = load();
let t = performance.now();
const basis = sweepBasis(plan);
const basisMs = performance.now() - t;
const n1 = sweepScenarios(basis);
const n2 = sweepScenarios(basis, { pairs: true });
t = performance.now();
sweepChunk(basis, n1, 0, n1.length);
const n1Ms = performance.now() - t;
t = performance.now();
sweepChunk(basis, n2, n1.length, n2.length);
const n2Ms = performance.now() - t;
t = performance.now();
drillHealth(plan, { components: [{ kind: 'rack', rackId: plan.racks[0].id }] });
const fullMs = performance.now() - t;
const worst = runSweep(basis).rows[0];

console.log(`sweep of ${FILE} (${plan.nodes.length} nodes, ${plan.racks.length} racks), Node, one run each (machine shared: compare ratios)`);
console.log(`  baseline (sweepBasis)               ${basisMs.toFixed(0)} ms`);
console.log(`  one drill by the full path          ${fullMs.toFixed(1)} ms  (what a naive sweep pays per scenario)`);
console.log(`  N-1: ${n1.length} scenarios, in-process   ${n1Ms.toFixed(0)} ms  (${((1000 * n1Ms) / n1.length).toFixed(1)} µs each); worst ${worst.id}`);
console.log(
  `  N-2 pairs of racks and feeds: ${n2.length - n1.length} scenarios   ${n2Ms.toFixed(0)} ms  (${((1000 * n2Ms) / (n2.length - n1.length)).toFixed(1)} µs each)`,
);
console.log(`  cores available: ${availableParallelism()}`);
figure('sweep.hyperscale-5000.n1.inProcessMs', n1Ms + basisMs);
for (const pairs of [false, true]) {
  const total = pairs ? n2.length : n1.length;
  const one = await threaded(1, pairs, total);
  const two = await threaded(2, pairs, total);
  const key = pairs ? 'n1n2' : 'n1';
  figure(`sweep.hyperscale-5000.${key}.oneWorkerMs`, one.wallMs);
  figure(`sweep.hyperscale-5000.${key}.twoWorkersMs`, two.wallMs);
  figure(`sweep.hyperscale-5000.${key}.speedupRatio`, one.wallMs / two.wallMs);
  console.log(
    `  ${pairs ? 'N-1 + N-2' : 'N-1'} with worker threads (each builds its basis): 1 worker ${one.wallMs.toFixed(0)} ms (basis ${one.basisMs.toFixed(0)} + scenarios ${one.scenarioMs.toFixed(0)}), 2 workers ${two.wallMs.toFixed(0)} ms (basis ${two.basisMs.toFixed(0)} + scenarios ${two.scenarioMs.toFixed(0)}); speed-up ${(one.wallMs / two.wallMs).toFixed(2)}×`,
  );
}
