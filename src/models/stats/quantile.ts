/**
 * The q-quantile (0..1) of an ascending-sorted sample, by linear interpolation between order
 * statistics (type 7, the default of R and numpy).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A distribution summary every uncertain prediction carries. Units are those of the samples. */
export interface Distribution {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Summarises samples (any order; the array is sorted in place). No samples give NaN everywhere. */
export function summarise(samples: Float64Array | number[]): Distribution {
  const sorted = samples instanceof Float64Array ? samples.sort() : samples.sort((x, y) => x - y);
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p99: quantileSorted(sorted, 0.99),
    mean: sum / sorted.length,
    // An empty array has no sorted[0]; NaN keeps the declared number type honest.
    min: sorted.length > 0 ? sorted[0] : Number.NaN,
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
  };
}
