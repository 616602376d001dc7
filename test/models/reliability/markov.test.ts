import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanTimeToBadHours, probabilityBadWithin, stationaryBadShare } from '../../../src/models/reliability/markov';
import { quorumChain } from '../../../src/models/reliability/quorumChain';
import { replicaGroupChain } from '../../../src/models/reliability/replicaGroup';

const close = (a: number, b: number, rel = 1e-6) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

// Closed forms of the repairable birth–death chain (Trivedi, "Probability and Statistics with
// Reliability, Queuing, and Computer Science Applications", 2nd ed., Wiley 2002, ch. 8):
// MTTF = Σ_{i=0}^{n−1} Σ_{j=0}^{i} (1/a_j) Π_{k=j+1}^{i} (b_k/a_k), a_i failure and b_i repair rates out of state i.
describe('replicaGroupChain(spec) with meanTimeToBadHours', () => {
  const lambda = 0.02;
  const mu = 0.5;
  it('two replicas: MTTDL = (3λ + μ) / (2λ²), the same for parallel and serial repair', () => {
    for (const repair of ['parallel', 'serial'] as const) {
      close(
        meanTimeToBadHours(replicaGroupChain({ width: 2, needed: 1, failuresPerHour: lambda, repairsPerHour: mu, repair })),
        (3 * lambda + mu) / (2 * lambda ** 2),
      );
    }
  });
  it('three replicas, parallel repair: MTTDL = (11λ² + 7λμ + 2μ²) / (6λ³)', () => {
    close(
      meanTimeToBadHours(replicaGroupChain({ width: 3, needed: 1, failuresPerHour: lambda, repairsPerHour: mu, repair: 'parallel' })),
      (11 * lambda ** 2 + 7 * lambda * mu + 2 * mu ** 2) / (6 * lambda ** 3),
    );
  });
  it('three replicas, serial repair: MTTDL = (11λ² + 4λμ + μ²) / (6λ³)', () => {
    close(
      meanTimeToBadHours(replicaGroupChain({ width: 3, needed: 1, failuresPerHour: lambda, repairsPerHour: mu, repair: 'serial' })),
      (11 * lambda ** 2 + 4 * lambda * mu + mu ** 2) / (6 * lambda ** 3),
    );
  });
  it('one replica: P(loss within t) = 1 − e^(−λt) and MTTDL = 1/λ', () => {
    const chain = replicaGroupChain({ width: 1, needed: 1, failuresPerHour: lambda, repairsPerHour: mu, repair: 'parallel' });
    close(probabilityBadWithin(chain, 100), 1 - Math.exp(-lambda * 100));
    close(meanTimeToBadHours(chain), 1 / lambda);
  });
  it("keeps precision for realistic rates (AFR 1.5 %, 0.5 h rebuild: λ/μ ≈ 3e-6), where mathjs' default tolerance calls the LU singular", () => {
    const l = 0.015 / 8766;
    const m = 2;
    close(
      meanTimeToBadHours(replicaGroupChain({ width: 3, needed: 1, failuresPerHour: l, repairsPerHour: m, repair: 'parallel' })),
      (11 * l ** 2 + 7 * l * m + 2 * m ** 2) / (6 * l ** 3),
      1e-3,
    );
  });
  it('probabilityBadWithin(chain, t) grows with t and is below t / MTTDL-ish bounds: never above 1', () => {
    const chain = replicaGroupChain({ width: 3, needed: 2, failuresPerHour: lambda, repairsPerHour: mu, repair: 'parallel' });
    const ps = [10, 100, 1000, 10_000].map((t) => probabilityBadWithin(chain, t));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]);
    expect(ps[3]).toBeLessThanOrEqual(1);
  });
  it('a longer repair never lowers the risk (property, both repair orders)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.constantFrom('parallel' as const, 'serial' as const),
        (width, l, m, slower, repair) => {
          const p = (mu: number) => probabilityBadWithin(replicaGroupChain({ width, needed: 1, failuresPerHour: l, repairsPerHour: mu, repair }), 8766);
          expect(p(m / slower)).toBeGreaterThanOrEqual(p(m) * (1 - 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('quorumChain(members, quorum, parts) with stationaryBadShare', () => {
  it('3 independent members: unavailability = 1 − [A³ + 3A²(1 − A)] with A = μ/(λ+μ) (k-out-of-n, Trivedi)', () => {
    const l = 0.01;
    const m = 0.2;
    const a = m / (l + m);
    const parts = [0, 1, 2].map((i) => ({ failuresPerHour: l, repairsPerHour: m, members: [i] }));
    close(stationaryBadShare(quorumChain(3, 2, parts)!), 1 - (a ** 3 + 3 * a ** 2 * (1 - a)));
  });
  it('members in independent racks: each member is up with probability A_node·A_rack', () => {
    const ln = 0.01,
      mn = 0.2,
      lr = 0.003,
      mr = 0.1;
    const a = (mn / (ln + mn)) * (mr / (lr + mr));
    const parts = [0, 1, 2].flatMap((i) => [
      { failuresPerHour: ln, repairsPerHour: mn, members: [i] },
      { failuresPerHour: lr, repairsPerHour: mr, members: [i] },
    ]);
    close(stationaryBadShare(quorumChain(3, 2, parts)!), 1 - (a ** 3 + 3 * a ** 2 * (1 - a)));
  });
  it('refuses more than 8 parts (2^8 states) with null', () => {
    const parts = Array.from({ length: 9 }, (_, i) => ({ failuresPerHour: 0.01, repairsPerHour: 1, members: [i % 5] }));
    expect(quorumChain(5, 3, parts)).toBeNull();
  });
  it('a higher failure rate never raises availability (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (l, factor, m) => {
          const bad = (rate: number) =>
            stationaryBadShare(
              quorumChain(
                3,
                2,
                [0, 1, 2].map((i) => ({ failuresPerHour: rate, repairsPerHour: m, members: [i] })),
              )!,
            );
          expect(bad(l * factor)).toBeGreaterThanOrEqual(bad(l) * (1 - 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });
  it('spreading members over more racks never raises P(quorum lost to a rack event within a year) (property)', () => {
    // Members placed in racks (rack events only): moving one member out of a shared rack into an empty one.
    const pLoss = (members: number, rackOf: number[], l: number, m: number) => {
      const racks = [...new Set(rackOf)];
      const parts = racks.map((r) => ({ failuresPerHour: l, repairsPerHour: m, members: rackOf.flatMap((x, i) => (x === r ? [i] : [])) }));
      return probabilityBadWithin(quorumChain(members, Math.floor(members / 2) + 1, parts)!, 8766);
    };
    fc.assert(
      fc.property(
        fc.constantFrom(3, 5),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 1e-5, max: 1e-2, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (members, raw, l, m) => {
          const rackOf = raw.slice(0, members);
          const shared = rackOf.findIndex((r, i) => rackOf.some((s, j) => j !== i && s === r));
          fc.pre(shared >= 0);
          const spread = rackOf.map((r, i) => (i === shared ? 100 : r));
          expect(pLoss(members, spread, l, m)).toBeLessThanOrEqual(pLoss(members, rackOf, l, m) * (1 + 1e-9) + 1e-15);
        },
      ),
      { numRuns: 40 },
    );
  });
});
