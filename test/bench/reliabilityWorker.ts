// A worker thread for reliability.bench.ts: compiles the plan once, then runs the chunks it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { SAMPLES } from '../../src/plan/samples/samples';
import { compileSimModel } from '../../src/models/reliability/simModel';
import { simulateTrials } from '../../src/models/reliability/simulate';

const model = compileSimModel(SAMPLES[workerData.sample as string]());
simulateTrials(model, 99, 0, 50); // warm-up, so the JIT has compiled the loop before timing
parentPort!.on('message', ({ seed, chunks, chunkTrials, first }: { seed: number; chunks: number; chunkTrials: number; first: number }) => {
  let events = 0;
  for (let i = 0; i < chunks; i++) events += simulateTrials(model, seed, first + i, chunkTrials).events;
  parentPort!.postMessage({ events });
});
parentPort!.postMessage({ ready: true });
