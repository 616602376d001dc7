import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../src/models/controlPlane/normal';
import { normalCdfFast } from '../../../src/models/controlPlane/normalCdfFast';

describe('normalCdfFast', () => {
  it('normalCdfFast(z) agrees with normalCdf(z) within 1e-7 everywhere', () => {
    fc.assert(
      fc.property(fc.double({ min: -12, max: 12, noNaN: true }), (z) => {
        expect(Math.abs(normalCdfFast(z) - normalCdf(z))).toBeLessThan(1e-7);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalCdfFast(z) never falls as z rises (beyond rounding, 1e-15), and is 0 and 1 far out', () => {
    let prev = 0;
    for (let z = -9; z <= 9; z += 0.001) {
      const p = normalCdfFast(z);
      expect(p).toBeGreaterThanOrEqual(prev - 1e-15);
      prev = p;
    }
    expect(normalCdfFast(-20)).toBe(0);
    expect(normalCdfFast(20)).toBe(1);
    // Within the 1.2e-7 of the erfc fit the table is built from.
    expect(Math.abs(normalCdfFast(0) - 0.5)).toBeLessThan(1.2e-7);
  });
});
