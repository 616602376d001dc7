import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityLeft, lostAllocatable, workloadDemand } from '../../../src/models/workload/capacityLeft';
import { allocatableBasis } from '../../../src/models/workload/nodeAllocatable';
import { workloadCapacity } from '../../../src/models/workload/workloadCapacity';
import { referencePlan } from '../../../src/plan/samples/samples';
import { drillPlanArb } from '../../arbitraries/drills';
import { validPlanArbWith } from '../../arbitraries/plan';
import { topologyOf } from '../../../src/models/topology';

describe('workloadCapacity', () => {
  it('workloadDemand(reference) is 300 pods × 250 m and × 512 MiB', () => {
    expect(workloadDemand(referencePlan())).toEqual({ pods: 300, cpuCores: (300 * 250) / 1000, memoryGiB: (300 * 512) / 1024 });
  });

  it('workloadCapacity(reference) is N+1: after losing a rack, 4 workers hold every pod and 100 are evicted', () => {
    const r = workloadCapacity(referencePlan());
    expect(r.largestNodeLost?.fits).toBe(true);
    expect(r.largestRackLost).toMatchObject({ nodesLost: 2, nodesLeft: 4, podSlots: 4 * 110, evictedPods: (300 * 2 * 110) / (6 * 110), fits: true });
    expect(r.roles.find((x) => x.role === 'worker')?.allocatableCpuCores).toBeCloseTo((6 * (64_000 - 50)) / 1000, 9);
  });

  it('workloadCapacity(plan with 600 pods on 6 workers) is short of pod slots after losing a rack', () => {
    const plan = referencePlan();
    const r = workloadCapacity({ ...plan, workload: { ...plan.workload, pods: 600 } });
    // 600 pods fit 660 slots, but not the 440 left without a rack.
    expect(r.allUp.fits).toBe(true);
    expect(r.largestRackLost?.short).toEqual(['pods: 600 pods, 440 pod slots left (kubelet maxPods)']);
  });

  it('capacityLeft(…) never grows as more nodes are lost, and utilisation is never negative', () => {
    fc.assert(
      fc.property(
        drillPlanArb,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (plan, a, extra) => {
          const basis = allocatableBasis(plan);
          const demand = workloadDemand(plan);
          const n = plan.nodes.length;
          const small = capacityLeft(
            'a',
            basis,
            demand,
            lostAllocatable(basis, (i) => a[i % 40], n),
          );
          const large = capacityLeft(
            'b',
            basis,
            demand,
            lostAllocatable(basis, (i) => a[i % 40] || extra[i % 40], n),
          );
          expect(large.cpuCores).toBeLessThanOrEqual(small.cpuCores + 1e-9);
          expect(large.memoryGiB).toBeLessThanOrEqual(small.memoryGiB + 1e-9);
          expect(large.podSlots).toBeLessThanOrEqual(small.podSlots);
          if (!small.fits) expect(large.fits).toBe(false);
          for (const u of [large.cpuUtilisation, large.memoryUtilisation, large.podUtilisation]) if (u !== null) expect(u).toBeGreaterThanOrEqual(0);
          expect(large.evictedPods).toBeGreaterThanOrEqual(0);
          expect(large.evictedPods).toBeLessThanOrEqual(demand.pods);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('workloadCapacity(plan).largestNodeLost is the first node whose loss leaves the least headroom, trying every node', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 6 }), (plan) => {
        const basis = allocatableBasis(plan);
        const demand = workloadDemand(plan);
        const tightness = (c: { cpuUtilisation: number | null; memoryUtilisation: number | null; podUtilisation: number | null }) =>
          Math.max(c.cpuUtilisation ?? Infinity, c.memoryUtilisation ?? Infinity, c.podUtilisation ?? Infinity);
        let expected = null;
        for (const p of topologyOf(plan).places) {
          if (!basis.schedulable[p.index]) continue;
          const i = p.index;
          const c = capacityLeft(`node ${p.node.name} lost`, basis, demand, {
            cpuMillicores: basis.cpuMillicores[i],
            memoryMiB: basis.memoryMiB[i],
            podSlots: basis.podSlots[i],
            nodes: 1,
          });
          if (!expected || tightness(c) > tightness(expected)) expected = c;
        }
        expect(workloadCapacity(plan).largestNodeLost).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
