// A worker thread for reliability.bench.ts: compiles the plan once, runs one chunk of the size it
// will be timed on (so V8 has optimised the loop), then answers two kinds of message:
//   { kind: 'time', seed, chunk, trials }: runs one chunk and returns its SimPartial and CPU seconds;
//   { kind: 'chunks', seed, first, chunks, chunkTrials }: runs consecutive chunks, returns their events.
// The TypeScript loop is timed here, not on the bench's main thread: under tsx, loading .ts modules
// on the main thread detaches an ArrayBuffer (node --trace-protector-invalidation shows V8's
// "ArrayBufferDetaching" protector going), after which V8 checks every typed-array access in
// optimised code for a detached buffer; the same loop then ran about 25 % more instructions
// (callgrind). A worker thread has its own isolate and keeps the fast code, as the app's
// reliability worker does (it never transfers a buffer, so none is detached).
import { parentPort, workerData } from 'node:worker_threads';
import { SAMPLES } from '../../src/plan/samples/samples';
import { compileSimModel } from '../../src/models/reliability/simModel';
import { simulateTrials } from '../../src/models/reliability/simulate';

type Request =
  { kind: 'time'; seed: number; chunk: number; trials: number } | { kind: 'chunks'; seed: number; first: number; chunks: number; chunkTrials: number };

const { sample, warmSeed, warmTrials } = workerData as { sample: string; warmSeed: number; warmTrials: number };
const model = compileSimModel(SAMPLES[sample]());
simulateTrials(model, warmSeed, 7, warmTrials);
simulateTrials(model, warmSeed, 0, 1);

parentPort!.on('message', (request: Request) => {
  if (request.kind === 'time') {
    // process.cpuUsage counts the whole process, but the main thread only waits for this reply.
    const cpu0 = process.cpuUsage();
    const partial = simulateTrials(model, request.seed, request.chunk, request.trials);
    const cpu = process.cpuUsage(cpu0);
    parentPort!.postMessage({ partial, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    return;
  }
  let events = 0;
  for (let i = 0; i < request.chunks; i++) events += simulateTrials(model, request.seed, request.first + i, request.chunkTrials).events;
  parentPort!.postMessage({ events });
});
parentPort!.postMessage({ ready: true });
