// Times the model pipeline per sample plan: validate, a cold evaluate, each section alone, and the
// incremental evaluator after one-node edits. Each sample runs in its own worker thread
// (evaluateWorker.ts), as the app runs its models, on fresh copies between event-loop turns.
// Run: npm run bench evaluate (or: npx tsx test/bench/evaluate.bench.ts)
import { Worker } from 'node:worker_threads';
import { SAMPLES } from '../../src/plan/samples/samples';
import { figure } from './figures';

console.log(
  'evaluate(plan) per sample, in a worker thread: validate median / p95 of 20 runs; evaluate the first run, then median / p95 (min) of 30 cold runs after 10 warm-up runs',
);
for (const file of Object.keys(SAMPLES)) {
  const result = await new Promise<{ lines: string[]; figures: Array<[string, number]> }>((resolve, reject) => {
    const w = new Worker(new URL('./evaluateWorker.mjs', import.meta.url), { workerData: { file } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
  for (const line of result.lines) console.log(line);
  for (const [name, value] of result.figures) figure(name, value);
}
