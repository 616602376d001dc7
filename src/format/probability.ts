import { sig } from './units';

/**
 * Reliability figures span many orders of magnitude (a 3-replica volume's yearly loss
 * probability is near 1e-12), so unlike `sig` these keep e-notation for genuinely tiny values
 * instead of printing "< 0.001".
 */

/** A probability as a percentage: `probability(0.0033) = "0.33 %"`, `probability(3.6e-13) = "3.6e-11 %"`. */
export function probability(p: number): string {
  if (!Number.isFinite(p)) return '-';
  if (p === 0) return '0 %';
  const pct = p * 100;
  return pct >= 0.01 ? `${+pct.toPrecision(2)} %` : `${pct.toExponential(1)} %`;
}

/** Hours of a small yearly figure: `hoursPerYear(0.055) = "0.055 h"`, `hoursPerYear(2e-5) = "2.0e-5 h"`. */
export function hoursFigure(h: number): string {
  if (!Number.isFinite(h)) return 'unbounded';
  if (h === 0) return '0 h';
  return h >= 0.01 ? `${sig(+h.toPrecision(2))} h` : `${h.toExponential(1)} h`;
}
