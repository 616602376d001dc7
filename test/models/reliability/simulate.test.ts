import { describe, expect, it } from 'vitest';
import type { FailureSpec, Plan } from '../../../src/plan/schema';
import { referencePlan, SAMPLES } from '../../../src/plan/samples/samples';
import { exactQuorum } from '../../../src/models/reliability/exactFigures';
import { probabilityBadWithin } from '../../../src/models/reliability/markov';
import { replicaGroupChain } from '../../../src/models/reliability/replicaGroup';
import { meanEstimate, wilson } from '../../../src/models/reliability/reliabilityFigures';
import { compileSimModel, SITE_LINK, type SimModel } from '../../../src/models/reliability/simModel';
import { mergePartials, simulateTrials, emptyPartial, M_QUORUM_HOURS, type SimPartial } from '../../../src/models/reliability/simulate';

const off: FailureSpec = { annualFailureRate: 0, repairHours: 1, repairDistribution: 'exponential', repairSigma: 1 };
const spec = (annualFailureRate: number, repairHours: number): FailureSpec => ({ ...off, annualFailureRate, repairHours });

/** The reference plan with every rate off except those given, and a one-year mission. */
function planWith(rates: Partial<Record<'disk' | 'node' | 'rack', FailureSpec>>, repairCrew: 'parallel' | 'serial' = 'parallel'): Plan {
  const p = referencePlan();
  return {
    ...p,
    reliability: {
      ...p.reliability,
      disk: off,
      node: off,
      tor: off,
      feed: off,
      rack: off,
      room: off,
      site: off,
      siteLink: off,
      ...rates,
      repairCrew,
      missionYears: [1],
    },
  };
}

function run(m: SimModel, trials: number, seed = 7): SimPartial {
  const total = emptyPartial(m.checkpointsHours.length);
  for (let c = 0; c * 2000 < trials; c++) mergePartials(total, simulateTrials(m, seed, c, Math.min(2000, trials - c * 2000)));
  return total;
}

/**
 * The compiled plan narrowed to one storage unit on disks 0 … width − 1 (a single replica group),
 * with only those disks failing (so a serial crew serves only them, as in the chain).
 */
function oneReplicaGroup(m: SimModel, width: number, rebuildHours: number): SimModel {
  const failuresPerHour = m.failuresPerHour.slice();
  for (let c = 0; c < m.compCount; c++) if (m.compKind[c] !== 0 || c >= width) failuresPerHour[c] = 0;
  const start = new Int32Array(m.diskCount + 1);
  for (let d = 0; d < m.diskCount; d++) start[d + 1] = start[d] + (d < width ? 1 : 0);
  return {
    ...m,
    failuresPerHour,
    unitCount: 1,
    unitWidth: Uint8Array.of(width),
    unitBytes: Float64Array.of(1e9),
    needed: 1,
    minAvailable: 1,
    diskUnitStart: start,
    diskUnits: new Int32Array(width),
    diskRebuildHours: new Float64Array(m.diskCount).fill(rebuildHours),
  };
}

const within = (x: number, ci: { low: number; high: number }) => {
  expect(x).toBeGreaterThanOrEqual(ci.low);
  expect(x).toBeLessThanOrEqual(ci.high);
};

// Each case checks that the exact Markov value lies inside the Monte Carlo's 95 % interval.
describe('simulateTrials(model, seed, chunk, trials) against exact Markov chains', () => {
  const trials = 6000;
  for (const [width, afr, rebuildH] of [
    [2, 40, 6],
    [3, 120, 8],
  ] as const) {
    it(`replica group of ${width}, parallel rebuild (${afr}/yr per disk, ${rebuildH} h mean rebuild): P(loss within 1 y) matches replicaGroupChain`, () => {
      const m = oneReplicaGroup(compileSimModel(planWith({ disk: spec(afr, 1) })), width, rebuildH);
      const p = run(m, trials);
      const exact = probabilityBadWithin(
        replicaGroupChain({ width, needed: 1, failuresPerHour: afr / 8766, repairsPerHour: 1 / rebuildH, repair: 'parallel' }),
        8766,
      );
      within(exact, wilson(p.dataLossWithin[0], p.trials));
      expect(p.dataLossWithin[0]).toBeGreaterThan(100);
    });
  }
  for (const width of [2, 3]) {
    it(`replica group of ${width}, serial repair by one crew (shards back only when the disk is repaired): matches the serial chain`, () => {
      const afr = width === 2 ? 40 : 150;
      const repairH = width === 2 ? 6 : 8;
      const m = oneReplicaGroup(compileSimModel(planWith({ disk: spec(afr, repairH) }, 'serial')), width, 0);
      const p = run(m, trials);
      const exact = probabilityBadWithin(
        replicaGroupChain({ width, needed: 1, failuresPerHour: afr / 8766, repairsPerHour: 1 / repairH, repair: 'serial' }),
        8766,
      );
      within(exact, wilson(p.dataLossWithin[0], p.trials));
      if (width === 3) {
        const parallel = probabilityBadWithin(
          replicaGroupChain({ width, needed: 1, failuresPerHour: afr / 8766, repairsPerHour: 1 / repairH, repair: 'parallel' }),
          8766,
        );
        expect(parallel).toBeLessThan(wilson(p.dataLossWithin[0], p.trials).low);
      }
    });
  }
  for (const [label, move] of [
    ['3 control planes in 3 racks', false],
    ['2 of the 3 in one rack', true],
  ] as const) {
    it(`quorum of ${label} with node and rack events: P(loss within 1 y) and hours without quorum match exactQuorum`, () => {
      let plan = planWith({ node: spec(2, 100), rack: spec(1, 200) });
      if (move) plan = { ...plan, nodes: plan.nodes.map((n) => (n.id === 'cp-02' ? { ...n, rackId: 'r1' } : n)) };
      const m = compileSimModel(plan);
      const p = run(m, trials);
      const exact = exactQuorum(plan, m)!;
      within(exact.lossWithin[0], wilson(p.quorumLossWithin[0], p.trials));
      within(exact.hoursPerYear, meanEstimate(p.moments[M_QUORUM_HOURS * 2], p.moments[M_QUORUM_HOURS * 2 + 1], p.trials));
    });
  }
  it('the exact quorum chain with one part per member reproduces the k-out-of-n unavailability', () => {
    const plan = planWith({ node: spec(2, 100) });
    const exact = exactQuorum(plan, compileSimModel(plan))!;
    const a = 1 / (1 + (2 / 8766) * 100);
    expect(exact.hoursPerYear / 8766).toBeCloseTo(1 - (a ** 3 + 3 * a ** 2 * (1 - a)), 10);
  });
});

describe('simulateTrials(model, seed, chunk, trials) properties', () => {
  const m = compileSimModel(planWith({ disk: spec(5, 24), node: spec(1, 48), rack: spec(0.5, 24) }));
  it('the same seed and chunk give the same result; another seed gives another', () => {
    const a = simulateTrials(m, 3, 0, 200);
    const b = simulateTrials(m, 3, 0, 200);
    expect(b).toEqual(a);
    expect(simulateTrials(m, 4, 0, 200).events).not.toBe(a.events);
  });
  it('chunks merge by addition: two chunks of 100 equal the sum of each run alone', () => {
    const one = simulateTrials(m, 9, 0, 100);
    const two = simulateTrials(m, 9, 1, 100);
    const merged = mergePartials(mergePartials(emptyPartial(m.checkpointsHours.length), one), two);
    expect(merged.trials).toBe(200);
    expect(merged.events).toBe(one.events + two.events);
  });
  it('never reports negative hours or NaN, and failures per component-year match the rates (events ≈ Σ rate × years)', () => {
    const p = simulateTrials(m, 5, 0, 400);
    for (const x of p.moments) expect(Number.isFinite(x) && x >= 0).toBe(true);
    for (const x of p.byKind) expect(Number.isFinite(x) && x >= 0).toBe(true);
    const expectedFailures = 400 * (36 * 5 + 12 * 1 + 3 * 0.5);
    const failures = p.byKind[0] + p.byKind[10] + p.byKind[40];
    expect(Math.abs(failures - expectedFailures)).toBeLessThan(5 * Math.sqrt(expectedFailures));
  });
  it('one failure clock for all components still fails each kind at its own rate: disk, node and rack counts each match count × rate × years within 5 sd', () => {
    const p = simulateTrials(m, 6, 0, 2000);
    // 36 disks at 5/yr repaired in 24 h, 12 nodes at 1/yr in 48 h, 3 racks at 0.5/yr in 24 h, over a
    // one-year mission; byKind[kind · 10] counts failures. A component fails only while up, so it
    // fails about λ · t · A times, A = μ/(λ+μ) = 1 / (1 + λ · MTTR) its availability (the two-state
    // repairable component, Trivedi, as in markov.test.ts).
    const renewals = (count: number, perYear: number, repairHours: number) => (2000 * count * perYear) / (1 + (perYear / 8766) * repairHours);
    for (const [kind, expected] of [
      [0, renewals(36, 5, 24)],
      [1, renewals(12, 1, 48)],
      [4, renewals(3, 0.5, 24)],
    ]) {
      expect(Math.abs(p.byKind[kind * 10] - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('simulateTrials(model without site links) gives what the partition-aware path gives when no link can fail (hybrid-burst, two sites)', () => {
    // The loop skips per-site counters and the partition search when a plan has no site links;
    // with links that never fail, the partition-aware path must find one connected whole and
    // agree with it on every output, draw for draw.
    const linked = compileSimModel(SAMPLES['hybrid-burst.json']());
    expect(linked.siteCount).toBe(2);
    expect(linked.siteLinkA.length).toBeGreaterThan(0);
    const failuresPerHour = Float64Array.from(linked.failuresPerHour, (rate, c) => (linked.compKind[c] === SITE_LINK ? 0 : rate));
    const withLinks: SimModel = { ...linked, failuresPerHour };
    const withoutLinks: SimModel = { ...withLinks, siteLinkA: new Int32Array(0), siteLinkB: new Int32Array(0) };
    const a = simulateTrials(withLinks, 5, 0, 300);
    const b = simulateTrials(withoutLinks, 5, 0, 300);
    expect(a.events).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
