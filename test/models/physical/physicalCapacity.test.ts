import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { physicalCapacity } from '../../../src/models/physical/physicalCapacity';
import { topFreeU, validatePlan, type Plan } from '../../../src/plan';
import { validPlanArb } from '../../arbitraries/plan';
import { NODE_2U, NODE_400W, oneRackPlan } from './rackFixtures';

const dualFeeds = [
  { id: 'A' as const, capacityW: 8000 },
  { id: 'B' as const, capacityW: 8000 },
];

/** The plan with one more node (its id is longer than any generated id, so it is unique) of `plan.hardware[hw]` at the lowest U of `plan.racks[rack]` where it fits, or null. */
function withExtraNode(plan: Plan, rackIndex: number, hwIndex: number): Plan | null {
  const rack = plan.racks[rackIndex];
  const hw = plan.hardware[hwIndex];
  const taken = new Set<number>();
  for (const n of plan.nodes.filter((node) => node.rackId === rack.id)) {
    const h = plan.hardware.find((x) => x.id === n.hardwareId)!;
    for (let u = n.positionU; u < n.positionU + h.heightU; u++) taken.add(u);
  }
  for (let u = 1; u + hw.heightU - 1 <= topFreeU(rack); u++) {
    if (Array.from({ length: hw.heightU }, (_, k) => u + k).some((x) => taken.has(x))) continue;
    const next = structuredClone(plan);
    next.nodes.push({
      id: 'zz-extra-node0',
      name: 'extra-node',
      role: 'worker',
      hardwareId: hw.id,
      rackId: rack.id,
      positionU: u,
      feeds: rack.feeds.map((f) => f.id),
      tors: ['A'],
      labels: {},
      taints: [],
    });
    const result = validatePlan(next);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.plan;
  }
  return null;
}

const VERDICT_RANK = { survives: 0, 'nodes-lose-power': 1, overloads: 2, 'single-feed': 3, 'provider-managed': 3 } as const;

describe('physicalCapacity(plan)', () => {
  it('physicalCapacity(42 U rack, 2 switches, 1 U at U1, 2 U at U2-3, 1 U at U10) has 42 - 4 - 2 = 36 U free, largest block U11-U40 = 30', () => {
    const plan = oneRackPlan({ feeds: dualFeeds }, (b) => {
      b.nodes('r1', 'worker', NODE_400W.id, 1);
      b.nodes('r1', 'storage', NODE_2U.id, 1);
      b.nodes('r1', 'worker', NODE_400W.id, 1, { positionU: 10 });
    });
    const [rack] = physicalCapacity(plan).racks;
    expect(rack).toMatchObject({ heightU: 42, nodeU: 1 + 2 + 1, switchU: 2 * 1, freeU: 42 - 4 - 2, largestFreeBlockU: 40 - 11 + 1, nodes: 3 });
  });

  it('physicalCapacity(empty rack with one switch) has 42 - 1 = 41 U free in one block', () => {
    const plan = oneRackPlan({ feeds: dualFeeds, torCount: 1 }, () => {});
    const [rack] = physicalCapacity(plan).racks;
    expect([rack.freeU, rack.largestFreeBlockU]).toEqual([41, 41]);
    expect(rack.power.peakW).toBe(350);
  });

  it('physicalCapacity(plan) totals: 3 nodes at (250 + 500 + 250) W typical and 2 switches at 350 W', () => {
    const plan = oneRackPlan({ feeds: dualFeeds }, (b) => {
      b.nodes('r1', 'controlplane', NODE_400W.id, 1);
      b.nodes('r1', 'storage', NODE_2U.id, 1);
      b.nodes('r1', 'worker', NODE_400W.id, 1);
    });
    const report = physicalCapacity(plan);
    expect(report.nodesByRole).toEqual({ controlplane: 1, worker: 1, storage: 1 });
    expect(report.totals).toEqual({
      nodes: 3,
      racks: 1,
      usedU: 1 + 2 + 1 + 2,
      totalU: 42,
      typicalW: 250 + 500 + 250 + 2 * 350,
      peakW: 400 + 800 + 400 + 2 * 350,
      cores: 16 * 3,
      memoryGiB: 64 * 3,
    });
    expect(report.sites[0]).toMatchObject({ racks: 1, feedCapacityW: 8000 + 8000, racksFailingFeedLoss: 0 });
  });

  it('physicalCapacity(cloud-site rack) is provider-managed and not counted as failing a feed loss', () => {
    const plan = oneRackPlan({ feeds: [{ id: 'A', capacityW: 100_000 }], torCount: 1, siteKind: 'cloud' }, (b) =>
      b.nodes('r1', 'worker', NODE_400W.id, 2, { feeds: ['A'] }),
    );
    const report = physicalCapacity(plan);
    expect(report.racks[0].power.verdict).toBe('provider-managed');
    expect(report.sites[0].racksFailingFeedLoss).toBe(0);
  });

  it('physicalCapacity(plan): used + free = height per rack, the largest block fits in the free U, totals add up over racks', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const report = physicalCapacity(plan);
        let usedU = 0;
        let peakW = 0;
        report.racks.forEach((r, i) => {
          expect(r.nodeU + r.switchU + r.freeU).toBe(plan.racks[i].heightU);
          expect(r.freeU).toBeGreaterThanOrEqual(0);
          expect(r.largestFreeBlockU).toBeGreaterThanOrEqual(0);
          expect(r.largestFreeBlockU).toBeLessThanOrEqual(r.freeU);
          usedU += r.nodeU + r.switchU;
          peakW += r.power.peakW;
        });
        expect(report.totals.usedU).toBe(usedU);
        expect(report.totals.totalU).toBe(plan.racks.reduce((s, r) => s + r.heightU, 0));
        expect(report.totals.peakW).toBeCloseTo(peakW, 6);
        expect(report.racks.reduce((s, r) => s + r.nodes, 0)).toBe(plan.nodes.length);
        const { controlplane, worker, storage } = report.nodesByRole;
        expect(controlplane + worker + storage).toBe(plan.nodes.length);
      }),
      { numRuns: 150 },
    );
  });

  it('physicalCapacity(plan + one node) never lowers used U, power or the feed-loss verdict, and uses exactly its U and W', () => {
    fc.assert(
      fc.property(validPlanArb, fc.nat(), fc.nat(), (plan, rackPick, hwPick) => {
        const rackIndex = rackPick % plan.racks.length;
        const hwIndex = hwPick % plan.hardware.length;
        const bigger = withExtraNode(plan, rackIndex, hwIndex);
        fc.pre(bigger !== null);
        const hw = plan.hardware[hwIndex];
        const before = physicalCapacity(plan);
        const after = physicalCapacity(bigger!);
        const [r0, r1] = [before.racks[rackIndex], after.racks[rackIndex]];
        expect(r1.nodeU).toBe(r0.nodeU + hw.heightU);
        expect(r1.freeU).toBe(r0.freeU - hw.heightU);
        expect(r1.largestFreeBlockU).toBeLessThanOrEqual(r0.largestFreeBlockU);
        expect(r1.power.peakW).toBeCloseTo(r0.power.peakW + hw.powerPeakW, 6);
        expect(r1.power.typicalW).toBeGreaterThanOrEqual(r0.power.typicalW);
        expect(VERDICT_RANK[r1.power.verdict]).toBeGreaterThanOrEqual(VERDICT_RANK[r0.power.verdict]);
        expect(after.totals.usedU).toBeGreaterThan(before.totals.usedU);
        expect(after.totals.peakW).toBeGreaterThan(before.totals.peakW);
      }),
      { numRuns: 150 },
    );
  });
});
