import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitLatency,
  commitLatencyCdfs,
  COMMIT_LATENCY_RESOLUTION,
  exactCommitLatency,
  expectedCommitMs,
  type CommitLatency,
  type CommitLatencyInput,
  type CommitLatencyMemo,
  type LatencyQuantiles,
} from '../../../src/models/controlPlane/commitLatency';
import { normalCdf } from '../../../src/models/controlPlane/normal';
import { latencyInputArb } from '../../arbitraries/controlPlane';
import { sampleCommitLatency } from './sampleCommitLatency';

/** A symmetric RTT matrix from its upper triangle, row by row. */
function rtt(n: number, upper: number[]): Float64Array {
  const m = new Float64Array(n * n);
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      m[i * n + j] = upper[k];
      m[j * n + i] = upper[k++];
    }
  return m;
}

function input(medians: number[], sigmas: number[], upper: number[], extra: Partial<CommitLatencyInput> = {}): CommitLatencyInput {
  const n = medians.length;
  return {
    names: medians.map((_, i) => `cp-${i + 1}`),
    fsyncMedianMs: medians,
    fsyncSigma: sigmas,
    rttMs: rtt(n, upper),
    applyMs: 0.05,
    rttJitterSigma: 0,
    ...extra,
  };
}

/** Φ⁻¹(p) by bisection on the normal CDF (test-side, independent of the model's table). */
function normalQuantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** z of a two-sided 1 − 5.7e-7 interval: with ~40 figures in each of 40 runs, a false alarm about once in 1,000 test runs. */
const Z = 5;
/** The stated numerical accuracy of the integration (README, "Control plane"): means within 0.1 %, quantiles within 2e-3 in probability (the worst generated extremes; typical plans 1e-5). */
const ACCURACY = 1e-3;
const PROBABILITY_ACCURACY = 2e-3;
const QUANTILE_TIME_ACCURACY = 0.05;

/** The Monte Carlo's confidence interval for the p-quantile of sorted samples: order statistics N p ± Z √(N p (1 − p)). */
function quantileInterval(sorted: Float64Array, p: number): [number, number] {
  const n = sorted.length;
  const half = Z * Math.sqrt(n * p * (1 - p));
  return [sorted[Math.max(0, Math.floor(n * p - half) - 1)], sorted[Math.min(n - 1, Math.ceil(n * p + half))]];
}

/** The Monte Carlo's confidence interval for the mean: sample mean ± (Z + 1) standard errors (heavy lognormal tails skew it). */
function meanInterval(sorted: Float64Array): [number, number] {
  const n = sorted.length;
  let sum = 0;
  let sq = 0;
  for (const x of sorted) sum += x;
  const mean = sum / n;
  for (const x of sorted) sq += (x - mean) ** 2;
  const se = Math.sqrt(sq / (n - 1) / n);
  return [mean - (Z + 1) * se, mean + (Z + 1) * se];
}

function expectWithin(label: string, value: number, [lo, hi]: [number, number]) {
  expect(value, `${label} ${value} outside [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo * (1 - ACCURACY) - 1e-12);
  expect(value, `${label} ${value} outside [${lo}, ${hi}]`).toBeLessThanOrEqual(hi * (1 + ACCURACY) + 1e-12);
}

function expectInsideMonteCarlo(exact: LatencyQuantiles, sampled: { sorted: Float64Array }, label: string) {
  for (const [key, p] of [
    ['p50', 0.5],
    ['p90', 0.9],
    ['p99', 0.99],
  ] as const)
    expectWithin(`${label} ${key}`, exact[key], quantileInterval(sampled.sorted, p));
  expectWithin(`${label} mean`, exact.mean, meanInterval(sampled.sorted));
}

const figures = (r: CommitLatency): number[] =>
  [...r.byLeader.flatMap((b) => [b.commitMs, b.writeMs]), r.anyLeaderWriteMs].flatMap((d) => [d.p50, d.p90, d.p99, d.mean]);

describe('commitLatency', () => {
  it('commitLatency(3 fixed members) commits at the faster follower: max(1, min(0.5 + 2, 0.5 + 3))', () => {
    const r = commitLatency(input([1, 2, 3], [0, 0, 0], [0.5, 0.5, 0.5]));
    const leader1 = r.byLeader[0];
    expect(leader1.commitMs.p50).toBeCloseTo(Math.max(1, Math.min(0.5 + 2, 0.5 + 3)), 6);
    // Clients on cp-2 and cp-3 go through the leader (+ one RTT); a third of clients are local.
    expect(leader1.writeMs.mean).toBeCloseTo(2.5 + (0 + 0.5 + 0.5) / 3 + 0.05, 6);
    // Two thirds of writes take 2.5 + 0.5 + 0.05: the p50 and p90 are that, the fastest third 2.55.
    expect(leader1.writeMs.p50).toBeCloseTo(2.5 + 0.5 + 0.05, 6);
    // Leader cp-2: followers 0.5 + 1 and 0.5 + 3 → the faster is 1.5, but the leader's own fsync is 2.
    expect(r.byLeader[1].commitMs.p50).toBeCloseTo(Math.max(2, 0.5 + 1), 6);
  });

  it('commitLatency(5 fixed members) commits at the 2nd fastest follower (q - 1 = 2)', () => {
    // Leader cp-1 with RTTs 0.1, 0.2, 0.3, 0.4 to the others, every fsync 1 ms.
    const r = commitLatency(input([1, 1, 1, 1, 1], [0, 0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0, 0, 0]));
    expect(r.byLeader[0].commitMs.p50).toBeCloseTo(Math.max(1, 1 + 0.2), 6);
    expect(r.byLeader[0].commitMs.p99).toBeCloseTo(Math.max(1, 1 + 0.2), 6);
  });

  it('commitLatency(1 member) is the lognormal fsync: quantiles median · exp(σ z_p), mean median · exp(σ² / 2)', () => {
    const one = input([0.04], [0.5], [], { leaderCpuMs: [0.18], clientRttMs: 0.3 });
    const c = commitLatency(one).byLeader[0];
    for (const [key, p] of [
      ['p50', 0.5],
      ['p90', 0.9],
      ['p99', 0.99],
    ] as const) {
      expect(c.commitMs[key] / (0.18 + 0.04 * Math.exp(0.5 * normalQuantile(p))) - 1).toBeCloseTo(0, 5);
      expect(c.writeMs[key] / (0.18 + 0.04 * Math.exp(0.5 * normalQuantile(p)) + 0.3 + 0.05) - 1).toBeCloseTo(0, 5);
    }
    expect(c.commitMs.mean / (0.18 + 0.04 * Math.exp(0.5 ** 2 / 2)) - 1).toBeCloseTo(0, 5);
    expect(expectedCommitMs(one, 0) / (0.18 + 0.04 * Math.exp(0.5 ** 2 / 2)) - 1).toBeCloseTo(0, 5);
  });

  it('commitLatency(1 member with an IOPS floor above its median) commits at the floor half the time and more: p50 is the floor', () => {
    // Floor 0.06 ms over a 0.04 ms median: P(fsync ≤ 0.06) = Φ(ln 1.5 / 0.5) = 0.79, so p50 is the floor.
    const c = commitLatency(input([0.04], [0.5], [], { fsyncFloorMs: [0.06] })).byLeader[0].commitMs;
    expect(c.p50).toBeCloseTo(0.06, 9);
    expect(c.p99 / (0.04 * Math.exp(0.5 * normalQuantile(0.99))) - 1).toBeCloseTo(0, 5);
  });

  it('commitLatency(3 identical members, no RTT) has the closed form P(V ≤ v) = G(v) · (1 − (1 − G(v))²)', () => {
    // Leader and the faster of two followers, all fsyncs iid lognormal(0.4 ms, 0.6): with x = G(v)
    // the quantile p solves 2x² − x³ = p.
    const r = commitLatency(input([0.4, 0.4, 0.4], [0.6, 0.6, 0.6], [0, 0, 0], { rttJitterSigma: 0.1 }));
    for (const [key, p] of [
      ['p50', 0.5],
      ['p90', 0.9],
      ['p99', 0.99],
    ] as const) {
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 100; i++) {
        const x = (lo + hi) / 2;
        if (2 * x * x - x ** 3 < p) lo = x;
        else hi = x;
      }
      const v = 0.4 * Math.exp(0.6 * normalQuantile(lo));
      for (const b of r.byLeader) expect(b.commitMs[key] / v - 1).toBeCloseTo(0, 5);
    }
  });

  it('commitLatency(input) lies within the Monte Carlo confidence interval (20,000 draws) of every figure on generated members', () => {
    fc.assert(
      fc.property(latencyInputArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (x, seed, jitterOff) => {
        const exact = commitLatency({ ...x, rttJitterSigma: jitterOff ? 0 : x.rttJitterSigma });
        const sampled = sampleCommitLatency({ ...x, rttJitterSigma: jitterOff ? 0 : x.rttJitterSigma, seed, samples: 20_000 });
        exact.byLeader.forEach((b, L) => {
          expectInsideMonteCarlo(b.commitMs, sampled.byLeader[L].commitMs, `leader ${L} commit`);
          expectInsideMonteCarlo(b.writeMs, sampled.byLeader[L].writeMs, `leader ${L} write`);
        });
        expectInsideMonteCarlo(exact.anyLeaderWriteMs, sampled.anyLeaderWriteMs, 'any leader write');
      }),
      { numRuns: 40 },
    );
  });

  it('commitLatency(plan) within the Monte Carlo interval on a mixed five-member plan (NVMe to HDD, one member 10 ms away, IOPS floors)', () => {
    const x = input([0.04, 0.4, 1.5, 0.04, 9], [0.57, 0.57, 0.82, 0.57, 0.82], [0.1, 0.2, 0.5, 10, 0.1, 0.2, 0.5, 0.3, 0.4, 0.6], {
      rttJitterSigma: 0.1,
      fsyncFloorMs: [0.01, 0.05, 0.67, 0.01, 11],
      leaderCpuMs: [0.18, 0.18, 0.3, 0.14, 0.18],
      messageMs: [0.04, 0.04, 0.07, 0.03, 0.04],
      clientRttMs: 0.2,
    });
    const exact = commitLatency(x);
    const sampled = sampleCommitLatency({ ...x, seed: 11, samples: 200_000 });
    exact.byLeader.forEach((b, L) => {
      expectInsideMonteCarlo(b.commitMs, sampled.byLeader[L].commitMs, `leader ${L} commit`);
      expectInsideMonteCarlo(b.writeMs, sampled.byLeader[L].writeMs, `leader ${L} write`);
    });
    expectInsideMonteCarlo(exact.anyLeaderWriteMs, sampled.anyLeaderWriteMs, 'any leader write');
  });

  it('commitLatency(2 HDD members with the IOPS floor above the median) within the Monte Carlo interval (the anti-patterns plan)', () => {
    // 7200 rpm class: median 9 ms, p99 60 ms; 180 IOPS at 2 IOs per commit floors every fsync at 11.1 ms,
    // a point mass of 60 % that the RTT jitter barely spreads.
    const sigma = Math.log(60 / 9) / 2.326;
    const x = input([9, 9], [sigma, sigma], [0.05], {
      rttJitterSigma: 0.1,
      fsyncFloorMs: [2000 / 180, 2000 / 180],
      leaderCpuMs: [0.18, 0.18],
      messageMs: [0.04, 0.04],
    });
    const exact = commitLatency(x);
    const sampled = sampleCommitLatency({ ...x, seed: 3, samples: 400_000 });
    exact.byLeader.forEach((b, L) => {
      expectInsideMonteCarlo(b.commitMs, sampled.byLeader[L].commitMs, `leader ${L} commit`);
      expectInsideMonteCarlo(b.writeMs, sampled.byLeader[L].writeMs, `leader ${L} write`);
    });
  });

  it('commitLatency(input) quantiles sit within 2e-3 in probability or 5 % in time, and means within 0.1 %, of an 8× finer grid with 4× the quadrature nodes', () => {
    fc.assert(
      fc.property(latencyInputArb, (x) => {
        const r = commitLatency(x);
        const finer = { gridPoints: 8 * COMMIT_LATENCY_RESOLUTION.gridPoints, quadratureNodes: 4 * COMMIT_LATENCY_RESOLUTION.quadratureNodes };
        const fine = exactCommitLatency(x, finer);
        const cdf = commitLatencyCdfs(x, finer);
        // A quantile q of p is right when the finer CDF reaches p at q and has not passed p just
        // below it, up to 2e-3 in probability or QUANTILE_TIME_ACCURACY in time (a Lévy-type
        // distance). Most generated sets are within 1e-3 in probability; sets with followers
        // 50 ms away and a heavy-tailed fsync are not: 8 of 60 seeds of 40 sets broke 2e-3 in
        // probability, the worst quantile was 3 % off in time (a known gap of the 128-point grid,
        // src/models/README.md). The bound fails on anything worse than that.
        const expectQuantiles = (d: LatencyQuantiles, at: (t: number) => number) => {
          for (const [key, p] of [
            ['p50', 0.5],
            ['p90', 0.9],
            ['p99', 0.99],
          ] as const) {
            expect(at(d[key] * (1 + QUANTILE_TIME_ACCURACY))).toBeGreaterThanOrEqual(p - PROBABILITY_ACCURACY);
            expect(at(d[key] * (1 - QUANTILE_TIME_ACCURACY))).toBeLessThanOrEqual(p + PROBABILITY_ACCURACY);
          }
        };
        r.byLeader.forEach((b, L) => {
          expectQuantiles(b.commitMs, (t) => cdf.commit(L, t));
          expectQuantiles(b.writeMs, (t) => cdf.write(L, t));
          expect(Math.abs(b.commitMs.mean / fine.byLeader[L].commitMs.mean - 1)).toBeLessThanOrEqual(ACCURACY);
          expect(Math.abs(b.writeMs.mean / fine.byLeader[L].writeMs.mean - 1)).toBeLessThanOrEqual(ACCURACY);
        });
        expectQuantiles(r.anyLeaderWriteMs, cdf.anyLeader);
      }),
      { numRuns: 40 },
    );
  });

  it('commitLatency(plan) names the distant member as the worst leader', () => {
    // cp-3 is 10 ms from everyone, the others 0.2 ms apart.
    const r = commitLatency(input([0.04, 0.04, 0.04], [0.57, 0.57, 0.57], [0.2, 10, 10]));
    expect(r.worst.leader).toBe('cp-3');
    expect(r.worst.commitMs.p50).toBeGreaterThan(10);
    // The best leader commits fast, but the API server on cp-3 still forwards its writes 10 ms away.
    expect(r.best.commitMs.p99).toBeLessThan(1);
    expect(r.best.writeMs.p99).toBeGreaterThan(10);
  });

  it('commitLatency(input) reports finite, ordered figures: p50 ≤ p90 ≤ p99, commit ≤ write', () => {
    fc.assert(
      fc.property(latencyInputArb, (x) => {
        const r = commitLatency(x);
        for (const v of figures(r)) expect(Number.isFinite(v) && v >= 0).toBe(true);
        for (const b of r.byLeader)
          for (const d of [b.commitMs, b.writeMs]) {
            // Root finding stops within 1e-7 of the quantile: equal quantiles (a point mass) may differ by that.
            expect(d.p50).toBeLessThanOrEqual(d.p90 * (1 + 1e-6));
            expect(d.p90).toBeLessThanOrEqual(d.p99 * (1 + 1e-6));
          }
        for (const b of r.byLeader) expect(b.commitMs.p99).toBeLessThanOrEqual(b.writeMs.p99 * (1 + ACCURACY));
      }),
      { numRuns: 40 },
    );
  });

  it('commitLatency(input, memo) remembered from equal numbers under other member names equals computing afresh under these names', () => {
    fc.assert(
      fc.property(latencyInputArb, fc.nat(), (x, salt) => {
        const memo: CommitLatencyMemo = new Map();
        commitLatency(x, memo);
        const renamed = { ...x, names: x.names.map((name, i) => `${name}-${salt}-${i}`) };
        expect(commitLatency(renamed, memo)).toEqual(commitLatency(renamed));
        // Other numbers are never answered from the memo.
        const slower = { ...x, fsyncMedianMs: Array.from(x.fsyncMedianMs, (m) => m * 2) };
        expect(commitLatency(slower, memo)).toEqual(commitLatency(slower));
        expect(memo.size).toBe(2);
      }),
      { numRuns: 30 },
    );
  });

  it('latency never falls (beyond the stated numerical accuracy of each figure) when any RTT or fsync median rises', () => {
    // Each of the two figures compared may be off by its accuracy a, in opposite directions, so
    // the stated accuracy guarantees after ≥ before × (1 − a) / (1 + a), not before × (1 − a).
    // a is 0.1 % for means, and for quantiles too except on the README's known gap (a follower
    // tens of ms away with heavy-tailed fsync), where quantiles are stated within 5 % in time: one
    // such set lowered a p90 of 53.5 ms by 0.2 % when an RTT rose.
    const floor = (a: number) => (1 - a) / (1 + a);
    fc.assert(
      fc.property(latencyInputArb, fc.nat(), fc.double({ min: 0.001, max: 20, noNaN: true }), fc.boolean(), (x, pick, add, rttNotFsync) => {
        const n = x.names.length;
        const knownGap = Array.from(x.fsyncSigma).some((s) => s >= 1) && Array.from(x.rttMs).some((ms) => ms >= 10);
        const meanFloor = floor(ACCURACY);
        const quantileFloor = floor(knownGap ? QUANTILE_TIME_ACCURACY : ACCURACY);
        const before = commitLatency(x);
        let after: CommitLatency;
        if (rttNotFsync && n > 1) {
          const i = pick % n;
          const j = (i + 1 + (Math.floor(pick / n) % (n - 1))) % n;
          const m = Float64Array.from(x.rttMs);
          m[i * n + j] += add;
          m[j * n + i] += add;
          after = commitLatency({ ...x, rttMs: m });
        } else {
          const med = Array.from(x.fsyncMedianMs);
          med[pick % n] += add;
          after = commitLatency({ ...x, fsyncMedianMs: med });
        }
        for (let L = 0; L < n; L++) {
          for (const q of ['p50', 'p90', 'p99', 'mean'] as const) {
            const f = q === 'mean' ? meanFloor : quantileFloor;
            expect(after.byLeader[L].commitMs[q]).toBeGreaterThanOrEqual(before.byLeader[L].commitMs[q] * f - 1e-12);
            expect(after.byLeader[L].writeMs[q]).toBeGreaterThanOrEqual(before.byLeader[L].writeMs[q] * f - 1e-12);
            expect(after.anyLeaderWriteMs[q]).toBeGreaterThanOrEqual(before.anyLeaderWriteMs[q] * f - 1e-12);
          }
        }
        expect(after.best.writeMs.p99).toBeGreaterThanOrEqual(before.best.writeMs.p99 * quantileFloor - 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});
