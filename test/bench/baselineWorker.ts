// A worker thread for the baseline comparison in evaluate.bench.ts: cold `evaluate` of one sample
// plan by the code under `root` (this checkout, or the baseline tree), one run per
// message, with the method of evaluateWorker.ts (a fresh structural copy, untimed, then the run
// between task boundaries). Both sides load their models the same way, so only the code differs.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { timedRuns } from './timing';

const { root, file } = workerData as { root: string; file: string };
const { evaluate } = (await import(`${root}/src/models/evaluate.ts`)) as { evaluate: (plan: unknown) => unknown };
const { validatePlan } = (await import(`${root}/src/plan/validate.ts`)) as { validatePlan: (raw: unknown) => { ok: boolean; plan?: unknown } };
const valid = validatePlan(JSON.parse(readFileSync(`${root}/public/examples/${file}`, 'utf8')));
if (!valid.ok) throw new Error(`${file} is invalid under ${root}`);
parentPort!.on('message', () => {
  void timedRuns(
    () => structuredClone(valid.plan),
    (copy) => evaluate(copy),
    1,
    0,
  ).then((r) => parentPort!.postMessage(r.times[0]));
});
parentPort!.postMessage('ready');
