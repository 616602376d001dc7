/**
 * The reliability Monte Carlo's speed, in simulated component-years per second:
 *   npx tsx test/bench/reliability.bench.ts
 * 1. TypeScript (`simulateTrials`) on one worker thread, on the reference and enterprise
 *    examples, after a warm-up run of the same size. A worker, as in the app, and not the main
 *    thread: under tsx the main thread has a detached ArrayBuffer, which makes V8 check every
 *    typed-array access (reliabilityWorker.ts says more).
 * 2. The same inner loop in C (test/bench/reliabilityLoop.c, built here with the system's cc -O2)
 *    on the same compiled model and the same random stream: every output of the run (event
 *    count, per-checkpoint losses and bytes, hours moments, all per-kind fields) must agree to
 *    1e-9, or the bench fails. Both loops cover exponential repair, a parallel crew and one site
 *    without links (the examples' setup); lognormal repair, a serial crew and site partitions run
 *    only in TypeScript, and only for plans that have them. TypeScript and C runs alternate,
 *    fifteen of each (a quarter to half a second of TypeScript), and the ratio is the median of the
 *    fifteen pairs' ratios: a burst of load on the shared machine slows one pair rather than one
 *    side, short pairs seldom straddle a burst's start or end, and it takes eight slowed pairs,
 *    not four, to move the median. The ratio of the two sides' fastest runs is printed beside it
 *    as a check (load only ever slows a run), not recorded.
 * 3. Worker threads: the same chunks (several seconds of work) on 1 and on 2 warm workers,
 *    component-years per second per worker, and the speed-up of the simulation itself (worker
 *    start-up and V8's optimisation happen before the clock starts).
 * Figures only: the machine is shared, so nothing here fails on time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SAMPLES } from '../../src/plan/samples/samples';
import { compileSimModel, type SimModel } from '../../src/models/reliability/simModel';
import { chunkSeed, KIND_FIELDS, type SimPartial } from '../../src/models/reliability/simulate';
import { COMPONENT_KINDS, KIND_COUNT } from '../../src/models/reliability/componentKinds';
import { figure } from './figures';

const dir = mkdtempSync(join(tmpdir(), 'rackplan-reliability-bench-'));
const loop = join(dir, 'reliabilityLoop');
execFileSync('cc', ['-O2', '-o', loop, 'test/bench/reliabilityLoop.c', '-lm']);

/** The compiled model as whitespace-separated numbers, in the order reliabilityLoop.c reads them. */
function modelText(m: SimModel): string {
  const parts: ArrayLike<number>[] = [
    [
      m.compCount,
      m.diskCount,
      m.nodeCount,
      m.rackCount,
      m.roomCount,
      m.siteCount,
      m.unitCount,
      m.checkpointsHours.length,
      m.needed,
      m.minAvailable,
      m.members,
      m.quorum,
      m.coresTotal,
      m.coresNeeded,
    ],
    m.checkpointsHours,
    m.compKind,
    m.compTarget,
    m.failuresPerHour,
    m.repairMeanHours,
    m.nodeRack,
    m.nodeFeedMask,
    m.nodeTorMask,
    m.nodeIsMember,
    m.nodeSchedulable,
    m.nodeCores,
    m.nodeDiskStart,
    m.nodeDisks,
    m.rackRoom,
    m.rackSite,
    m.rackFeedMask,
    m.rackTrip,
    m.rackNodeStart,
    m.rackNodes,
    m.diskNode,
    m.diskRebuildHours,
    m.diskUnitStart,
    m.diskUnits,
    m.unitWidth,
    m.unitBytes,
  ];
  return parts.map((a) => Array.from(a, (x) => String(x)).join(' ')).join('\n');
}

/** What reliabilityLoop.c prints: every field of its SimPartial, and its CPU time. */
interface CLoopResult {
  trials: number;
  events: number;
  componentHours: number;
  quorumLossWithin: number[];
  apiLossWithin: number[];
  dataLossWithin: number[];
  capacityShortWithin: number[];
  bytesLost: number[];
  bytesLostSq: number[];
  moments: number[];
  byKind: number[];
  cpuSeconds: number;
}

const FIELD_NAMES = [
  'events',
  'downHours',
  'nodeDownHours',
  'quorumLosses',
  'quorumHours',
  'apiHours',
  'dataLosses',
  'bytesLost',
  'unavailableHours',
  'capacityHours',
];
const MOMENT_NAMES = ['quorumHours', 'quorumHours²', 'apiHours', 'apiHours²', 'unavailableHours', 'unavailableHours²', 'capacityHours', 'capacityHours²'];

/**
 * Every output of the TypeScript run paired with the C loop's: each must agree to 1e-9
 * (relative) when both are the same algorithm on the same stream (the C adds in the same order,
 * so most agree bit for bit). Returns the pairs that do not.
 */
function differingOutputs(m: SimModel, p: SimPartial, c: CLoopResult): [string, number, number][] {
  const pairs: [string, number, number][] = [
    ['trials', p.trials, c.trials],
    ['events', p.events, c.events],
    ['componentHours', p.componentHours, c.componentHours],
  ];
  const perCheckpoint = ['quorumLossWithin', 'apiLossWithin', 'dataLossWithin', 'capacityShortWithin', 'bytesLost', 'bytesLostSq'] as const;
  for (const name of perCheckpoint)
    for (let i = 0; i < m.checkpointsHours.length; i++) pairs.push([`${name}[${m.checkpointsYears[i]} y]`, p[name][i], c[name][i] ?? NaN]);
  for (let i = 0; i < p.moments.length; i++) pairs.push([`moments.${MOMENT_NAMES[i]}`, p.moments[i], c.moments[i] ?? NaN]);
  if (p.byKind.length !== KIND_COUNT * KIND_FIELDS || c.byKind.length !== p.byKind.length) pairs.push(['byKind length', p.byKind.length, c.byKind.length]);
  for (let i = 0; i < p.byKind.length; i++)
    pairs.push([`byKind.${COMPONENT_KINDS[Math.floor(i / KIND_FIELDS)]}.${FIELD_NAMES[i % KIND_FIELDS]}`, p.byKind[i], c.byKind[i] ?? NaN]);
  return pairs.filter(([, a, b]) => !(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))));
}

const componentYears = (m: SimModel, trials: number) => (m.compCount * m.checkpointsHours[m.checkpointsHours.length - 1] * trials) / 8766;
const rate = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** A warm worker thread (reliabilityWorker.ts) on `sample`: it has run one chunk of `warmTrials` before it says it is ready. */
function startWorker(sample: string, warmTrials: number): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./reliabilityWorker.mjs', import.meta.url), { workerData: { sample, warmSeed: 1, warmTrials } });
    w.once('message', () => resolve(w));
    w.once('error', reject);
  });
}

/** Sends one request to a worker and waits for its reply. */
function ask<T>(w: Worker, request: object): Promise<T> {
  return new Promise((resolve) => {
    w.once('message', (reply: T) => resolve(reply));
    w.postMessage(request);
  });
}

// TypeScript and C runs alternate, PAIRS of each (a fraction of a second each), and the ratio is the median of the pairs'.
const PAIRS = 15;
for (const sample of ['reference.json', 'enterprise.json']) {
  const m = compileSimModel(SAMPLES[sample]());
  const trials = sample === 'reference.json' ? 150_000 : 30_000;
  const seed = 1;
  const file = join(dir, `${sample}.txt`);
  writeFileSync(file, modelText(m));
  // Steady state on both sides: the worker's untimed run of the same size lets V8 finish
  // optimising (a worker runs chunk after chunk). Times are CPU time, not wall time: on a shared
  // machine the wall clock counts other people's work.
  const worker = await startWorker(sample, trials);
  let ts: SimPartial | undefined;
  let cResult: CLoopResult | undefined;
  const tsRuns: number[] = [];
  const cRuns: number[] = [];
  for (let run = 0; run < PAIRS; run++) {
    const reply = await ask<{ partial: SimPartial; cpuSeconds: number }>(worker, { kind: 'time', seed, chunk: 0, trials });
    ts = reply.partial;
    tsRuns.push(reply.cpuSeconds);
    cResult = JSON.parse(execFileSync(loop, [file, String(chunkSeed(seed, 0)), String(trials)], { encoding: 'utf8' })) as CLoopResult;
    cRuns.push(cResult.cpuSeconds);
  }
  await worker.terminate();
  const cEvents = cResult!.events;
  const differing = differingOutputs(m, ts!, cResult!);
  const cy = componentYears(m, trials);
  const tsRate = cy / median(tsRuns);
  const cRate = cy / median(cRuns);
  const ratio = median(tsRuns.map((t, i) => cRuns[i] / t));
  const key = sample.replace('.json', '');
  figure(`reliability.${key}.tsMComponentYearsPerS`, tsRate / 1e6);
  figure(`reliability.${key}.cMComponentYearsPerS`, cRate / 1e6);
  figure(`reliability.${key}.tsToCRatio`, ratio);
  process.stdout.write(
    `${sample}: ${m.compCount} components, ${m.unitCount} storage units, ${trials} trials of ${m.checkpointsYears.at(-1)} y\n` +
      `  TypeScript ${rate(tsRate)} component-years/s (${ts!.events} events, median ${median(tsRuns).toFixed(2)} s CPU, in a worker thread)\n` +
      `  C -O2      ${rate(cRate)} component-years/s (${cEvents} events, median ${median(cRuns).toFixed(2)} s CPU)\n` +
      `  TypeScript / C = ${ratio.toFixed(2)} (pairs: ${tsRuns.map((t, i) => (cRuns[i] / t).toFixed(2)).join(' ')}; fastest runs: ${(Math.min(...cRuns) / Math.min(...tsRuns)).toFixed(2)}; bar: at least 0.5); event counts ${ts!.events === cEvents ? 'agree' : `differ by ${Math.abs(ts!.events - cEvents)}`}\n` +
      `  outputs (every SimPartial field: ${3 + 6 * m.checkpointsHours.length + ts!.moments.length + ts!.byKind.length} numbers, per checkpoint and per kind) ${differing.length === 0 ? 'all agree to 1e-9' : `differ: ${differing.map(([name, a, b]) => `${name} ${a} vs ${b}`).join('; ')}`}\n`,
  );
  // Different outputs mean the C loop is no longer the same algorithm, and the ratio means nothing.
  if (differing.length > 0) process.exitCode = 1;
}

/**
 * Runs `chunks` chunks of `chunkTrials` on `workers` warm worker threads (chunks split evenly;
 * each worker has already run one chunk of that size, so module loading and V8's optimisation
 * are not timed); returns wall seconds and the events simulated.
 */
async function onWorkers(sample: string, workers: number, chunks: number, chunkTrials: number): Promise<{ seconds: number; events: number }> {
  const pool = await Promise.all(Array.from({ length: workers }, () => startWorker(sample, chunkTrials)));
  const t0 = performance.now();
  const replies = await Promise.all(
    pool.map((w, i) => {
      const first = Math.floor((i * chunks) / workers);
      const to = Math.floor(((i + 1) * chunks) / workers);
      return ask<{ events: number }>(w, { kind: 'chunks', seed: 1, first, chunks: to - first, chunkTrials });
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(pool.map((w) => w.terminate()));
  return { seconds, events: replies.reduce((sum, r) => sum + r.events, 0) };
}

// Enough work that one worker runs for several seconds: start-up is not timed, and a burst of
// another process's load on the shared machine is a small part of each run. One and two workers
// alternate over three rounds; the speed-up is the median of the rounds' (one / two).
const sample = 'enterprise.json';
const m = compileSimModel(SAMPLES[sample]());
const chunks = 192;
const chunkTrials = 1000;
const ones: number[] = [];
const twos: number[] = [];
for (let round = 0; round < 3; round++) {
  const one = await onWorkers(sample, 1, chunks, chunkTrials);
  const two = await onWorkers(sample, 2, chunks, chunkTrials);
  // The same chunks, so the same events, whatever runs them.
  if (one.events !== two.events) process.exitCode = 1;
  ones.push(one.seconds);
  twos.push(two.seconds);
}
const speedups = ones.map((one, i) => one / twos[i]);
const one = median(ones);
const two = median(twos);
const cy = componentYears(m, chunks * chunkTrials);
figure('reliability.enterprise.twoWorkerSpeedupRatio', median(speedups));
figure('reliability.enterprise.oneWorkerMComponentYearsPerS', cy / one / 1e6);
figure('reliability.enterprise.twoWorkersPerWorkerMComponentYearsPerS', cy / two / 2 / 1e6);
process.stdout.write(
  `${sample} on warm worker threads, ${chunks} chunks of ${chunkTrials} trials (3 rounds, medians):\n` +
    `  1 worker  ${rate(cy / one)} component-years/s (${one.toFixed(2)} s wall)\n` +
    `  2 workers ${rate(cy / two)} component-years/s (${rate(cy / two / 2)} per worker, ${two.toFixed(2)} s wall): speed-up ${median(speedups).toFixed(2)}x (rounds: ${speedups.map((x) => x.toFixed(2)).join(' ')})\n`,
);
