import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/models/stats/random';
import { EXPONENTIAL_ZIGGURAT, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_V } from '../../../src/models/stats/ziggurat';

/** FNV-1a over the two 32-bit halves of each double, as zigguratReference.c computes it. */
function hashDraws(draw: () => number, n: number): number {
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  let h = 2166136261;
  for (let i = 0; i < n; i++) {
    bits[0] = draw();
    h = Math.imul(h ^ words[0], 16777619) >>> 0;
    h = Math.imul(h ^ words[1], 16777619) >>> 0;
  }
  return h;
}

describe('EXPONENTIAL_ZIGGURAT (Marsaglia and Tsang 2000, 256 layers)', () => {
  const { k, w, f } = EXPONENTIAL_ZIGGURAT;
  const POSITIONS = 2 ** 24;
  const x = (i: number) => w[i] * POSITIONS;

  it('every layer i >= 1 has area v: x_i (e^-x_(i-1) - e^-x_i) = v within 1e-12 (x_0 = 0)', () => {
    for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
      const upper = i === 1 ? 1 : Math.exp(-x(i - 1));
      expect(Math.abs(x(i) * (upper - Math.exp(-x(i))) - ZIGGURAT_V)).toBeLessThan(1e-12);
    }
  });

  it('the base strip has area v too: r e^-r plus the tail beyond r, e^-r, within 1e-12', () => {
    expect(Math.abs(ZIGGURAT_R * Math.exp(-ZIGGURAT_R) + Math.exp(-ZIGGURAT_R) - ZIGGURAT_V)).toBeLessThan(1e-12);
    expect(x(255)).toBe(ZIGGURAT_R);
  });

  it('f holds e^-x at each edge and k the fast-accept share x_(i-1) / x_i of 2^24', () => {
    for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
      expect(Math.abs(f[i] / Math.exp(-x(i)) - 1)).toBeLessThan(1e-14);
      const share = i === 1 ? 0 : x(i - 1) / x(i);
      expect(Math.abs(k[i] - share * POSITIONS)).toBeLessThanOrEqual(1);
    }
    expect(f[0]).toBe(1);
    expect(Math.abs(k[0] - (ZIGGURAT_R / (ZIGGURAT_V / Math.exp(-ZIGGURAT_R))) * POSITIONS)).toBeLessThanOrEqual(1);
  });
});

describe('seededRandom(seed).standardExponential()', () => {
  it('draws the same bits as the C ziggurat of test/models/stats/zigguratReference.c (seeds 1 and 42, 10^6 draws each)', () => {
    // Output of `cc -O2 zigguratReference.c -lm && ./a.out`: five draws, then a hash of the next 10^6.
    const expected: Record<number, { first: number[]; hash: number }> = {
      1: { first: [1.2986109736236731, 2.213531901074818, 1.9512358810779602, 2.3481337450573538, 4.0012561867294938], hash: 3477919612 },
      42: { first: [0.42151784704177581, 2.625049832714065, 0.22155878312336799, 0.14117682205683743, 0.70289254532723544], hash: 2166893748 },
    };
    for (const [seed, { first, hash }] of Object.entries(expected)) {
      const random = seededRandom(Number(seed));
      expect(first.map(() => random.standardExponential())).toEqual(first);
      expect(hashDraws(() => random.standardExponential(), 1_000_000)).toBe(hash);
    }
  });

  it('follows Exp(1): Kolmogorov-Smirnov distance to 1 - e^-x over 10^5 draws (seed 23) is below 1.95 / sqrt(n), the 0.1 % critical value', () => {
    const n = 100_000;
    const random = seededRandom(23);
    const xs = Float64Array.from({ length: n }, () => random.standardExponential()).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const cdf = 1 - Math.exp(-xs[i]);
      d = Math.max(d, (i + 1) / n - cdf, cdf - i / n);
    }
    expect(xs[0]).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('reaches the tail and the wedges in the right amounts: P(X > r) = e^-r and P(X > 3) = e^-3 within 5 standard errors over 10^6 draws (seed 29)', () => {
    const n = 1_000_000;
    const random = seededRandom(29);
    let beyondR = 0;
    let beyond3 = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const x = random.standardExponential();
      if (x > ZIGGURAT_R) beyondR++;
      if (x > 3) beyond3++;
      mean += x / n;
    }
    for (const [count, p] of [
      [beyondR, Math.exp(-ZIGGURAT_R)],
      [beyond3, Math.exp(-3)],
    ]) {
      expect(Math.abs(count / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
    // Exp(1) has mean 1 and sd 1: standard error 1 / sqrt(10^6).
    expect(Math.abs(mean - 1)).toBeLessThan(5 / Math.sqrt(n));
  });
});
