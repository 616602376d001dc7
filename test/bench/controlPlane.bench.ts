/**
 * Control-plane evaluation of the 5,000-node example, timed in Node:
 *   npx tsx test/bench/controlPlane.bench.ts
 * Prints the median of 30 runs after 5 warm-up runs (commit latency integrated numerically, no
 * sampling). The budget is "well under 50 ms"; unit tests never assert wall-clock time.
 */
import { controlPlaneReport } from '../../src/models/controlPlane/controlPlaneReport';
import { hyperscalePlan } from '../../src/plan/samples/samples';

const plan = hyperscalePlan();
const options = {};
for (let i = 0; i < 5; i++) controlPlaneReport(plan, options);
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  controlPlaneReport(plan, options);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
process.stdout.write(
  `controlPlaneReport(hyperscale-5000): median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms over ${times.length} runs\n`,
);
