import type { Plan } from '../src/plan/schema';
import {
  exactFor,
  converged,
  withMissionYears,
  DEFAULT_RELIABILITY_OPTIONS,
  type ReliabilityOptions,
  type ReliabilityRun,
} from '../src/models/reliability/reliabilityRun';
import { reliabilityFigures } from '../src/models/reliability/reliabilityFigures';
import { compileSimModel, type SimModel } from '../src/models/reliability/simModel';
import { emptyPartial, mergePartials, simulateTrials, type SimPartial } from '../src/models/reliability/simulate';
import type { JobContext } from './jobRunner';

/**
 * The compiled model of the last plan this worker saw, keyed by the plan's JSON: every job gets a
 * fresh structured clone of the plan, and compiling a 5,000-node plan (placement, rebuild times)
 * takes seconds, so a run's rounds reuse it.
 */
let cached: { key: string; plan: Plan; model: SimModel } | null = null;
function modelFor(plan: Plan, years: number[] | undefined): { plan: Plan; model: SimModel } {
  const p = withMissionYears(plan, years);
  const key = JSON.stringify(p);
  if (!cached || cached.key !== key) cached = { key, plan: p, model: compileSimModel(p) };
  return cached;
}

export interface TrialsArgs {
  plan: Plan;
  missionYears?: number[];
  seed: number;
  /** Chunks `firstChunk … firstChunk + chunks − 1` of the run, each `chunkTrials` trials. */
  firstChunk: number;
  chunks: number;
  chunkTrials: number;
  /** Trials of the whole range (the last chunk of a run may be short); default chunks × chunkTrials. */
  trials?: number;
}

/** Runs a contiguous range of a run's chunks with a checkpoint after each; returns their merged counts. */
export async function reliabilityTrialsJob(a: TrialsArgs, job: JobContext): Promise<SimPartial> {
  const { model } = modelFor(a.plan, a.missionYears);
  const total = emptyPartial(model.checkpointsHours.length);
  const trials = a.trials ?? a.chunks * a.chunkTrials;
  for (let i = 0; i < a.chunks && total.trials < trials; i++) {
    await job.checkpoint();
    mergePartials(total, simulateTrials(model, a.seed, a.firstChunk + i, Math.min(a.chunkTrials, trials - total.trials)));
    job.progress(i + 1, a.chunks);
  }
  return total;
}

export interface SummaryArgs {
  plan: Plan;
  missionYears?: number[];
  partial: SimPartial;
  options?: Partial<ReliabilityOptions>;
}

/** The figures of merged counts (with the exact chains), and whether the run has converged. */
export function reliabilitySummaryJob(a: SummaryArgs): { figures: ReliabilityRun['figures']; converged: boolean } {
  const { plan, model } = modelFor(a.plan, a.missionYears);
  const exact = exactFor(plan, model);
  return {
    figures: reliabilityFigures(plan, model, a.partial, exact.quorum, exact.dataLoss),
    converged: converged(a.partial, { ...DEFAULT_RELIABILITY_OPTIONS, ...a.options }),
  };
}

export interface VariantArgs {
  plan: Plan;
  seed: number;
  trials: number;
  chunkTrials: number;
}

/** One compare column: a fixed trial budget on one variant, in checkpointed chunks, then its figures. */
export async function reliabilityVariantJob(a: VariantArgs, job: JobContext): Promise<ReliabilityRun> {
  const model = compileSimModel(a.plan);
  const total = emptyPartial(model.checkpointsHours.length);
  let chunk = 0;
  while (total.trials < a.trials) {
    await job.checkpoint();
    mergePartials(total, simulateTrials(model, a.seed, chunk++, Math.min(a.chunkTrials, a.trials - total.trials)));
    job.progress(total.trials, a.trials);
  }
  const exact = exactFor(a.plan, model);
  return {
    figures: reliabilityFigures(a.plan, model, total, exact.quorum, exact.dataLoss),
    converged: converged(total, DEFAULT_RELIABILITY_OPTIONS),
    chunks: chunk,
  };
}
