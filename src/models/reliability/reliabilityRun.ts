import type { Plan } from '../../plan/schema';
import { exactDataLoss, exactQuorum } from './exactFigures';
import { reliabilityFigures, wilson, meanEstimate, type ReliabilityFigures } from './reliabilityFigures';
import { compileSimModel, type SimModel } from './simModel';
import { emptyPartial, mergePartials, simulateTrials, M_API_HOURS, M_QUORUM_HOURS, type SimPartial } from './simulate';

export interface ReliabilityOptions {
  seed: number;
  /** Trial budget: the run stops here even if not converged. */
  maxTrials: number;
  /** Trials per chunk (the unit of work a worker runs between progress reports and cancel checks). */
  chunkTrials: number;
  /** Stop when every headline interval's half-width is at most this share of its value… */
  relativeHalfWidth: number;
  /** …or below these absolute floors (a probability, hours per year). */
  probabilityFloor: number;
  hoursFloor: number;
  /** Replaces the plan's mission years (`--years N`). */
  missionYears?: number[];
}

export const DEFAULT_RELIABILITY_OPTIONS: ReliabilityOptions = {
  seed: 1,
  maxTrials: 20_000,
  chunkTrials: 500,
  relativeHalfWidth: 0.1,
  probabilityFloor: 1e-3,
  hoursFloor: 0.01,
};

/** The plan with mission years replaced (for `--years`). */
export function withMissionYears(plan: Plan, years: number[] | undefined): Plan {
  return years ? { ...plan, reliability: { ...plan.reliability, missionYears: years } } : plan;
}

/**
 * Whether a run has converged: the intervals of P(quorum loss within the first checkpoint) and of
 * hours without quorum and without the API per year are each within ±relativeHalfWidth of their
 * value, or narrower than the absolute floors (then a rare figure comes from the exact chain).
 */
export function converged(p: SimPartial, o: Pick<ReliabilityOptions, 'relativeHalfWidth' | 'probabilityFloor' | 'hoursFloor'>): boolean {
  if (p.trials === 0) return false;
  const x = p.quorumLossWithin[0];
  const ci = wilson(x, p.trials);
  const pHat = x / p.trials;
  const ok = (half: number, value: number, floor: number) => half <= o.relativeHalfWidth * value || half <= floor;
  if (!ok((ci.high - ci.low) / 2, pHat, o.probabilityFloor)) return false;
  for (const k of [M_QUORUM_HOURS, M_API_HOURS]) {
    const e = meanEstimate(p.moments[k * 2], p.moments[k * 2 + 1], p.trials);
    if (!ok((e.high - e.low) / 2, e.value, o.hoursFloor)) return false;
  }
  return true;
}

export interface ReliabilityRun {
  figures: ReliabilityFigures;
  converged: boolean;
  chunks: number;
}

/** The exact solutions for a compiled plan (quorum chain, replica sets). */
export function exactFor(plan: Plan, m: SimModel) {
  return { quorum: exactQuorum(plan, m), dataLoss: exactDataLoss(plan, m) };
}

/**
 * Runs the whole reliability analysis in this thread, chunk after chunk until `converged` or the
 * trial budget (what the CLI and tests do; the app runs the same chunks in workers).
 * Deterministic: the same plan and options give the same figures.
 */
export function runReliability(plan: Plan, options: Partial<ReliabilityOptions> = {}): ReliabilityRun {
  const o = { ...DEFAULT_RELIABILITY_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ReliabilityOptions;
  const p = withMissionYears(plan, o.missionYears);
  const m = compileSimModel(p);
  const total = emptyPartial(m.checkpointsHours.length);
  let chunk = 0;
  let done = false;
  while (total.trials < o.maxTrials) {
    const trials = Math.min(o.chunkTrials, o.maxTrials - total.trials);
    mergePartials(total, simulateTrials(m, o.seed, chunk++, trials));
    if (chunk >= 2 && converged(total, o)) {
      done = true;
      break;
    }
  }
  const exact = exactFor(p, m);
  return { figures: reliabilityFigures(p, m, total, exact.quorum, exact.dataLoss), converged: done, chunks: chunk };
}
