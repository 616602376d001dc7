import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted, summarise } from '../../../src/models/stats/quantile';

// Expected values are numpy.quantile(x, q) with its default method="linear" (Hyndman-Fan type 7).
describe('quantileSorted(sorted, q)', () => {
  it('quantileSorted([1, 2, 3, 4], 0.5) is (2 + 3) / 2', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe((2 + 3) / 2);
  });

  it('quantileSorted([1, 2, 3, 4], 0.25) is 1 + 0.75 x (2 - 1) = 1.75 (h = (4 - 1) x 0.25)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1 + 0.75 * (2 - 1));
  });

  it('quantileSorted([1..10], 0.9) is 9 + 0.1 x (10 - 9) = 9.1 (h = 9 x 0.9 = 8.1)', () => {
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9 + 0.1 * (10 - 9), 12);
  });

  it('quantileSorted(x, 0) and (x, 1) are the extremes; q outside [0, 1] is clamped', () => {
    const x = Float64Array.from([2, 5, 11]);
    expect([quantileSorted(x, 0), quantileSorted(x, 1), quantileSorted(x, -3), quantileSorted(x, 7)]).toEqual([2, 11, 2, 11]);
  });

  it('quantileSorted([], q) is NaN; quantileSorted([x], q) is x', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([42], 0.3)).toBe(42);
  });

  it('quantileSorted(x, q) is within [min, max], rises with q, and hits x[k] at q = k / (n - 1)', () => {
    const sortedArb = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }).map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(sortedArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (x, q1, q2, k) => {
        const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const a = quantileSorted(x, lo);
        const b = quantileSorted(x, hi);
        expect(a).toBeGreaterThanOrEqual(x[0]);
        expect(b).toBeLessThanOrEqual(x[x.length - 1]);
        expect(a).toBeLessThanOrEqual(b + 1e-9 * Math.max(1, Math.abs(b)));
        const i = k % x.length;
        if (x.length > 1) expect(quantileSorted(x, i / (x.length - 1))).toBeCloseTo(x[i], 6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('summarise(samples)', () => {
  it('summarise([3, 1, 2]) is p50 2, mean (3 + 1 + 2) / 3, min 1, max 3, sorting in place', () => {
    const samples = [3, 1, 2];
    expect(summarise(samples)).toEqual({ p50: 2, p90: 2 + 0.8 * (3 - 2), p99: 2 + 0.98 * (3 - 2), mean: (3 + 1 + 2) / 3, min: 1, max: 3 });
    expect(samples).toEqual([1, 2, 3]);
  });

  it('summarise(Float64Array) sorts numerically, not as strings: [10, 9, 100] has min 9, max 100', () => {
    const s = summarise(Float64Array.from([10, 9, 100]));
    expect([s.min, s.p50, s.max]).toEqual([9, 10, 100]);
  });

  it('summarise([]) is NaN everywhere rather than undefined', () => {
    const s = summarise([]);
    for (const v of Object.values(s)) expect(v).toBeNaN();
  });
});
