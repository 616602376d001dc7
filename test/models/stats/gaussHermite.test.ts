import { describe, expect, it } from 'vitest';
import { normalQuadrature } from '../../../src/models/stats/gaussHermite';

/** E[Z^k] of a standard normal: 0 for odd k, (k − 1)!! for even k. */
const moment = (k: number) => (k % 2 === 1 ? 0 : Array.from({ length: k / 2 }, (_, i) => 2 * i + 1).reduce((a, b) => a * b, 1));

describe('normalQuadrature', () => {
  for (const m of [1, 2, 5, 12, 24]) {
    it(`normalQuadrature(${m}) integrates Z^k exactly for k ≤ ${2 * m - 1}: weights sum to 1, E[Z²] = 1, E[Z⁴] = 3`, () => {
      const { z, w } = normalQuadrature(m);
      expect(z.length).toBe(m);
      for (let k = 0; k <= Math.min(2 * m - 1, 12); k++) {
        let sum = 0;
        for (let i = 0; i < m; i++) sum += w[i] * z[i] ** k;
        expect(sum).toBeCloseTo(moment(k), 8);
      }
    });
  }

  it('normalQuadrature(12) gives E[exp(σZ)] = exp(σ² / 2), the lognormal mean, to 1e-9', () => {
    const { z, w } = normalQuadrature(12);
    for (const sigma of [0.1, 0.57, 1.2]) {
      let sum = 0;
      for (let i = 0; i < z.length; i++) sum += w[i] * Math.exp(sigma * z[i]);
      expect(sum / Math.exp(sigma ** 2 / 2) - 1).toBeCloseTo(0, 9);
    }
  });

  it('normalQuadrature(m) returns ascending nodes, symmetric about 0, and the same rule on a second call', () => {
    const r = normalQuadrature(10);
    for (let i = 1; i < 10; i++) expect(r.z[i]).toBeGreaterThan(r.z[i - 1]);
    for (let i = 0; i < 10; i++) expect(r.z[i]).toBeCloseTo(-r.z[9 - i], 12);
    expect(normalQuadrature(10)).toBe(r);
  });
});
