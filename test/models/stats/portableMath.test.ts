import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableExp, portableLog } from '../../../src/models/stats/portableMath';

const EPS = Number.EPSILON;

describe('portableExp(x) and portableLog(y)', () => {
  it('portableExp(x) is within 2 units in the last place of Math.exp(x) for -700 < x < 700', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(portableExp(x) / Math.exp(x) - 1)).toBeLessThanOrEqual(2 * EPS);
      }),
      { numRuns: 2000 },
    );
  });

  it('portableLog(y) is within 4 units in the last place of Math.log(y) away from y = 1, and exact at 1, 2 and 1/2', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -1000, max: 2 ** 1000, noNaN: true }), (y) => {
        fc.pre(Math.abs(y - 1) > 1e-3);
        expect(Math.abs(portableLog(y) / Math.log(y) - 1)).toBeLessThanOrEqual(4 * EPS);
      }),
      { numRuns: 2000 },
    );
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.LN2);
    expect(portableLog(0.5)).toBe(-Math.LN2);
  });

  it('portableLog(y) keeps its relative accuracy near y = 1 too (the ziggurat tail takes ln(1 - u) for any u)', () => {
    for (const u of [2 ** -32, 1e-9, 1e-6, 1e-4, 1e-3]) {
      for (const y of [1 - u, 1 + u]) expect(Math.abs(portableLog(y) / Math.log(y) - 1)).toBeLessThanOrEqual(4 * EPS);
    }
  });
});
