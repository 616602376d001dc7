import type { FailureSpec, Reliability } from '../../plan/schema';

/** The component kinds a reliability run fails, in the order of every per-kind array. */
export const COMPONENT_KINDS = ['disk', 'node', 'tor', 'feed', 'rack', 'room', 'site', 'siteLink'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export const KIND_COUNT = COMPONENT_KINDS.length;

/** Hours in a mean Julian year (365.25 days), the unit annual failure rates are quoted in. */
export const HOURS_PER_YEAR = 8766;

/** The plan's failure spec of a kind. */
export function failureSpecOf(r: Reliability, kind: ComponentKind): FailureSpec {
  return r[kind];
}

/**
 * The p-quantile of a repair time, hours: exponential −mean·ln(1 − p); lognormal with mean m and
 * log-space sigma s has median m·e^(−s²/2), so its quantile is m·e^(−s²/2 + s·z_p).
 * Example: exponential, mean 4 h, p = 0.99 → 4·ln 100 = 18.4 h.
 */
export function repairQuantileHours(spec: FailureSpec, p: number, zP: number): number {
  if (spec.repairDistribution === 'exponential') return -spec.repairHours * Math.log(1 - p);
  const s = spec.repairSigma;
  return spec.repairHours * Math.exp(-(s * s) / 2 + s * zP);
}
