/**
 * The reliability Monte Carlo's speed, in simulated component-years per second:
 *   npx tsx test/bench/reliability.bench.ts
 * 1. One thread, TypeScript (`simulateTrials`), on the reference and enterprise examples, after a
 *    warm-up run of the same size.
 * 2. The same inner loop in C (test/bench/reliabilityLoop.c, built here with the system's cc -O2)
 *    on the same compiled model and the same random stream: every output of the run (event
 *    count, per-checkpoint losses and bytes, hours moments, all per-kind fields) must agree to
 *    1e-9, or the bench fails. Both loops cover exponential repair, a parallel crew and one site
 *    without links (the examples' setup); lognormal repair, a serial crew and site partitions run
 *    only in TypeScript, and only for plans that have them. TypeScript and C runs alternate, five of each, and the
 *    ratio is the median of the five pairs' ratios, so a burst of load on the shared machine
 *    slows one pair rather than one side.
 * 3. Worker threads: the same chunks on 1 and on 2 workers, component-years per second per
 *    worker, and the speed-up.
 * Figures only: the machine is shared, so nothing here fails on time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SAMPLES } from '../../src/plan/samples/samples';
import { compileSimModel, type SimModel } from '../../src/models/reliability/simModel';
import { chunkSeed, simulateTrials, KIND_FIELDS, type SimPartial } from '../../src/models/reliability/simulate';
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
const cpuSeconds = (run: () => void) => {
  const cpu0 = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1e6;
};

for (const sample of ['reference.json', 'enterprise.json']) {
  const m = compileSimModel(SAMPLES[sample]());
  const trials = sample === 'reference.json' ? 100_000 : 20_000;
  const seed = 1;
  const file = join(dir, `${sample}.txt`);
  writeFileSync(file, modelText(m));
  // Steady state on both sides: one untimed run of the same size lets V8 finish optimising (a
  // worker runs chunk after chunk). Times are CPU time, not wall time: on a shared machine the
  // wall clock counts other people's work.
  simulateTrials(m, seed, 7, trials);
  let ts = simulateTrials(m, seed, 0, 1);
  let cResult: CLoopResult | undefined;
  const tsRuns: number[] = [];
  const cRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    tsRuns.push(cpuSeconds(() => (ts = simulateTrials(m, seed, 0, trials))));
    cResult = JSON.parse(execFileSync(loop, [file, String(chunkSeed(seed, 0)), String(trials)], { encoding: 'utf8' })) as CLoopResult;
    cRuns.push(cResult.cpuSeconds);
  }
  const cEvents = cResult!.events;
  const differing = differingOutputs(m, ts, cResult!);
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
      `  TypeScript ${rate(tsRate)} component-years/s (${ts.events} events, median ${median(tsRuns).toFixed(2)} s CPU)\n` +
      `  C -O2      ${rate(cRate)} component-years/s (${cEvents} events, median ${median(cRuns).toFixed(2)} s CPU)\n` +
      `  TypeScript / C = ${ratio.toFixed(2)} (pairs: ${tsRuns.map((t, i) => (cRuns[i] / t).toFixed(2)).join(' ')}; bar: at least 0.5); event counts ${ts.events === cEvents ? 'agree' : `differ by ${Math.abs(ts.events - cEvents)}`}\n` +
      `  outputs (every SimPartial field: ${3 + 6 * m.checkpointsHours.length + ts.moments.length + ts.byKind.length} numbers, per checkpoint and per kind) ${differing.length === 0 ? 'all agree to 1e-9' : `differ: ${differing.map(([name, a, b]) => `${name} ${a} vs ${b}`).join('; ')}`}\n`,
  );
  // Different outputs mean the C loop is no longer the same algorithm, and the ratio means nothing.
  if (differing.length > 0) process.exitCode = 1;
}

/** Runs `chunks` chunks of `chunkTrials` on `workers` worker threads (chunks split evenly); returns wall seconds. */
async function onWorkers(sample: string, workers: number, chunks: number, chunkTrials: number): Promise<number> {
  const pool = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<Worker>((resolve) => {
          const w = new Worker(new URL('./reliabilityWorker.mjs', import.meta.url), { workerData: { sample } });
          w.once('message', () => resolve(w));
        }),
    ),
  );
  const t0 = performance.now();
  await Promise.all(
    pool.map(
      (w, i) =>
        new Promise<void>((resolve) => {
          const from = Math.floor((i * chunks) / workers);
          const to = Math.floor(((i + 1) * chunks) / workers);
          w.once('message', () => resolve());
          w.postMessage({ seed: 1, chunks: to - from, chunkTrials, first: from });
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(pool.map((w) => w.terminate()));
  return seconds;
}

const sample = 'enterprise.json';
const m = compileSimModel(SAMPLES[sample]());
const chunks = 16;
const chunkTrials = 1000;
const one = await onWorkers(sample, 1, chunks, chunkTrials);
const two = await onWorkers(sample, 2, chunks, chunkTrials);
figure('reliability.enterprise.twoWorkerSpeedupRatio', one / two);
const cy = componentYears(m, chunks * chunkTrials);
figure('reliability.enterprise.oneWorkerMComponentYearsPerS', cy / one / 1e6);
figure('reliability.enterprise.twoWorkersPerWorkerMComponentYearsPerS', cy / two / 2 / 1e6);
process.stdout.write(
  `${sample} on worker threads, ${chunks} chunks of ${chunkTrials} trials:\n` +
    `  1 worker  ${rate(cy / one)} component-years/s (${one.toFixed(2)} s)\n` +
    `  2 workers ${rate(cy / two)} component-years/s (${rate(cy / two / 2)} per worker, ${two.toFixed(2)} s): speed-up ${(one / two).toFixed(2)}x\n`,
);
