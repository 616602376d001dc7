// A worker thread for sweep.bench.ts: builds the sweep basis of a sample plan once, then runs the
// chunks of scenarios it is sent. The UI's worker pool does the same with comlink.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { sweepChunk, sweepScenarios } from '../../src/models/drills/sweep';
import { sweepBasis } from '../../src/models/drills/sweepBasis';
import { validatePlan } from '../../src/plan/validate';

parentPort?.on('message', (msg: { file: string; pairs: boolean; start: number; end: number }) => {
  const t0 = performance.now();
  const valid = validatePlan(JSON.parse(readFileSync(msg.file, 'utf8')));
  if (!valid.ok) throw new Error(`${msg.file} is invalid`);
  const basis = sweepBasis(valid.plan);
  const scenarios = sweepScenarios(basis, { pairs: msg.pairs });
  const t1 = performance.now();
  const rows = sweepChunk(basis, scenarios, msg.start, msg.end);
  const t2 = performance.now();
  parentPort?.postMessage({ rows: rows.length, worst: rows.reduce((m, r) => Math.max(m, r.severity), 0), basisMs: t1 - t0, scenarioMs: t2 - t1 });
});
