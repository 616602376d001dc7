import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitCdf, commitLatency, expectedCommitMs, type CommitLatencyInput, type CommitLatencyMemo } from '../../../src/models/controlPlane/commitLatency';
import { summariseBySelection } from '../../../src/models/controlPlane/selectSummary';
import { summarise } from '../../../src/models/stats/quantile';
import { latencyInputArb } from '../../arbitraries/controlPlane';

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
    seed: 7,
    samples: 3000,
    ...extra,
  };
}

describe('commitLatency', () => {
  it('commitLatency(3 fixed members) commits at the faster follower: max(1, min(0.5 + 2, 0.5 + 3))', () => {
    const r = commitLatency(input([1, 2, 3], [0, 0, 0], [0.5, 0.5, 0.5]));
    const leader1 = r.byLeader[0];
    expect(leader1.commitMs.p50).toBeCloseTo(Math.max(1, Math.min(0.5 + 2, 0.5 + 3)), 12);
    // Clients on cp-2 and cp-3 go through the leader (+ one RTT); a third of clients are local.
    expect(leader1.writeMs.mean).toBeCloseTo(2.5 + (0 + 0.5 + 0.5) / 3 + 0.05, 2);
    // Leader cp-2: followers 0.5 + 1 and 0.5 + 3 → the faster is 1.5, but the leader's own fsync is 2.
    expect(r.byLeader[1].commitMs.p50).toBeCloseTo(Math.max(2, 0.5 + 1), 12);
  });

  it('commitLatency(5 fixed members) commits at the 2nd fastest follower (q - 1 = 2)', () => {
    // Leader cp-1 with RTTs 0.1, 0.2, 0.3, 0.4 to the others, every fsync 1 ms.
    const r = commitLatency(input([1, 1, 1, 1, 1], [0, 0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0, 0, 0]));
    expect(r.byLeader[0].commitMs.p50).toBeCloseTo(Math.max(1, 1 + 0.2), 12);
  });

  it('commitLatency(1 member) is the leader fsync alone; its exact mean is median · exp(σ² / 2)', () => {
    const one = input([0.04], [0.5], []);
    expect(expectedCommitMs(one, 0)).toBeCloseTo(0.04 * Math.exp(0.5 ** 2 / 2), 5);
    const r = commitLatency({ ...one, samples: 20_000 });
    expect(r.byLeader[0].commitMs.mean).toBeCloseTo(0.04 * Math.exp(0.5 ** 2 / 2), 3);
  });

  it('commitLatency(plan) mean agrees with the exact integral of the commit CDF within 1.5 %', () => {
    // Independent cross-check: Monte Carlo against ∫(1 − F_L(t) · P(≥ k followers by t)) dt.
    const x = input([0.04, 0.4, 1.5, 0.04, 9], [0.57, 0.57, 0.82, 0.57, 0.82], [0.1, 0.2, 0.5, 10, 0.1, 0.2, 0.5, 0.3, 0.4, 0.6], { samples: 20_000 });
    const r = commitLatency(x);
    for (let L = 0; L < 5; L++) {
      const exact = expectedCommitMs(x, L);
      expect(Math.abs(r.byLeader[L].commitMs.mean - exact) / exact).toBeLessThan(0.015);
    }
  });

  it('commitCdf(input, L, t) at the MC p99 is close to 0.99', () => {
    const x = input([0.4, 0.4, 0.4], [0.57, 0.57, 0.57], [0.2, 0.2, 0.2], { samples: 40_000 });
    const r = commitLatency(x);
    expect(commitCdf(x, 0, r.byLeader[0].commitMs.p99)).toBeCloseTo(0.99, 2);
    expect(commitCdf(x, 0, r.byLeader[0].commitMs.p50)).toBeCloseTo(0.5, 1);
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

  it('same seed, same distribution', () => {
    fc.assert(
      fc.property(latencyInputArb, (x) => {
        expect(commitLatency(x)).toEqual(commitLatency(x));
      }),
      { numRuns: 30 },
    );
  });

  it('commitLatency(input, memo) remembered from equal numbers under other member names equals sampling afresh under these names', () => {
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

  it('latency never falls when any RTT or fsync median rises', () => {
    fc.assert(
      fc.property(latencyInputArb, fc.nat(), fc.double({ min: 0.001, max: 20, noNaN: true }), fc.boolean(), (x, pick, add, rttNotFsync) => {
        const n = x.names.length;
        const before = commitLatency(x);
        let after: ReturnType<typeof commitLatency>;
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
            expect(after.byLeader[L].writeMs[q]).toBeGreaterThanOrEqual(before.byLeader[L].writeMs[q] - 1e-12);
          }
        }
        expect(after.best.writeMs.p99).toBeGreaterThanOrEqual(before.best.writeMs.p99 - 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('summariseBySelection(values) equals summarise(values)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const a = summarise(Float64Array.from(values));
        const b = summariseBySelection(Float64Array.from(values));
        // `+ 0` folds -0 into 0: a sort and a selection may legitimately pick either zero first.
        for (const k of ['p50', 'p90', 'p99', 'min', 'max'] as const) expect(b[k] + 0).toBe(a[k] + 0);
        expect(b.mean).toBeCloseTo(a.mean, 6);
      }),
    );
  });
});
