import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkReport } from '../../src/models/network/networkReport';
import { physicalCapacity } from '../../src/models/physical/physicalCapacity';
import { rackMemo } from '../../src/models/rackMemo';
import { topologyOf } from '../../src/models/topology';
import { workloadCapacity } from '../../src/models/workload/workloadCapacity';
import type { Plan } from '../../src/plan/schema';
import { enterprisePlan } from '../../src/plan/samples/samples';
import { editArb } from '../arbitraries/edits';
import { validPlanArbWith } from '../arbitraries/plan';

describe('rackMemo(compute)', () => {
  it('physicalCapacity, networkReport and workloadCapacity after any sequence of edits equal the same on a fresh copy of the plan (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 4 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let plan: Plan = start;
        const check = () => {
          const fresh = structuredClone(plan);
          expect(physicalCapacity(plan)).toEqual(physicalCapacity(fresh));
          expect(networkReport(plan)).toEqual(networkReport(fresh));
          expect(workloadCapacity(plan)).toEqual(workloadCapacity(fresh));
        };
        check();
        for (const [, edit] of edits) {
          const result = edit(plan);
          if (!result?.ok) continue;
          plan = result.plan;
          check();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rackMemo(compute) computes a rack again only when the rack, its nodes or their hardware are other objects', () => {
    let calls = 0;
    const nodeCount = rackMemo((_rack, places) => {
      calls += 1;
      return places.length;
    });
    const plan = enterprisePlan();
    const rack = plan.racks[0];
    expect(nodeCount(topologyOf(plan), rack)).toBe(topologyOf(plan).nodesByRack.get(rack.id)!.length);
    // Another plan object sharing the rack and its nodes: remembered.
    nodeCount(topologyOf({ ...plan }), rack);
    expect(calls).toBe(1);
    // One node of the rack replaced by an equal copy: computed again.
    const i = plan.nodes.findIndex((n) => n.rackId === rack.id);
    const nodes = plan.nodes.map((n, j) => (j === i ? { ...n } : n));
    nodeCount(topologyOf({ ...plan, nodes }), rack);
    expect(calls).toBe(2);
  });
});
