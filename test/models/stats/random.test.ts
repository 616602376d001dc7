import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../../src/models/stats/random';

const N = 100_000;

function draws(random: Random, n: number, draw: (r: Random) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(random);
  return out;
}

function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function sd(xs: Float64Array): number {
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

describe('seededRandom(seed)', () => {
  it('seededRandom(1) and seededRandom(42) match an independent C sfc32 (test/models/stats/sfc32Reference.c)', () => {
    const expected: Record<number, number[]> = {
      1: [1828152527, 3394835397, 2967886022, 2251045104, 4148684523],
      42: [1028872839, 2516511472, 400437680, 853279530, 1920286840],
    };
    for (const [seed, words] of Object.entries(expected)) {
      const random = seededRandom(Number(seed));
      expect(words.map(() => random.next() * 2 ** 32)).toEqual(words);
    }
  });

  it('seededRandom(seed) gives the same stream for the same seed, across every draw kind', () => {
    const stream = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 10 }, () => [r.next(), r.normal(), r.lognormal(5, 0.5), r.exponential(2), r.int(7)]);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(stream(seed)).toEqual(stream(seed));
      }),
      { numRuns: 200 },
    );
  });

  it('seededRandom(a) and seededRandom(b) differ for different seeds, even neighbours', () => {
    const first = (seed: number) => {
      const r = seededRandom(seed);
      return [r.next(), r.next(), r.next()];
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (a, b) => {
        fc.pre(a !== b);
        expect(first(a)).not.toEqual(first(b));
      }),
      { numRuns: 200 },
    );
    for (let seed = 0; seed < 100; seed++) expect(first(seed)).not.toEqual(first(seed + 1));
  });

  it('next() is in [0, 1) with mean 1/2 +- 0.005 and variance 1/12 +- 0.0015 over 100k draws (about 5 standard errors)', () => {
    const xs = draws(seededRandom(7), N, (r) => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Standard error of the mean: sqrt(1/12 / 1e5) = 0.00091; of the variance: sqrt((1/80 - 1/144) / 1e5) = 0.00024.
    expect(Math.abs(mean(xs) - 1 / 2)).toBeLessThan(0.005);
    expect(Math.abs(sd(xs) ** 2 - 1 / 12)).toBeLessThan(0.0015);
  });

  it('normal() has mean 0 +- 0.016 and sd 1 +- 0.011 over 100k draws (5 standard errors: 5 / sqrt(1e5), 5 / sqrt(2e5))', () => {
    const xs = draws(seededRandom(11), N, (r) => r.normal());
    expect(Math.abs(mean(xs))).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(sd(xs) - 1)).toBeLessThan(5 / Math.sqrt(2 * N));
    // About 68.27 % within one sd; standard error sqrt(0.6827 x 0.3173 / 1e5) = 0.0015.
    const within = xs.filter((x) => Math.abs(x) < 1).length / N;
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.0075);
  });

  it('exponential(2) has mean 1/2 +- 0.008 (5 x 0.5 / sqrt(1e5)) and is never negative', () => {
    const xs = draws(seededRandom(13), N, (r) => r.exponential(2));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(mean(xs) - 1 / 2)).toBeLessThan((5 * 0.5) / Math.sqrt(N));
  });

  it('lognormal(10, 0.5) has median 10: half the draws fall below, +- 0.008 (5 x sqrt(0.25 / 1e5))', () => {
    const xs = draws(seededRandom(17), N, (r) => r.lognormal(10, 0.5));
    expect(Math.abs(xs.filter((x) => x < 10).length / N - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it('int(6) gives each of 0-5 a sixth of the time, +- 5 x sqrt((1/6)(5/6) / 1e5) = 0.0059', () => {
    const counts = new Array<number>(6).fill(0);
    const r = seededRandom(19);
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const k = r.int(6);
      if (Number.isInteger(k) && k >= 0 && k < 6) counts[k] += 1;
      else outside += 1;
    }
    expect(outside).toBe(0);
    for (const c of counts) expect(Math.abs(c / N - 1 / 6)).toBeLessThan(5 * Math.sqrt(((1 / 6) * (5 / 6)) / N));
  });
});
