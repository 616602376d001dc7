import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { torFailureImpact } from '../../../src/models/network/torFailure';
import { pathBetween, torSwitchId } from '../../../src/models/network/paths';
import { topologyOf } from '../../../src/models/topology';
import { networkPlanArb } from '../../arbitraries/network';
import { fabricPlan } from './fabricPlan';

describe('torFailureImpact', () => {
  it('torFailureImpact(dual ToR, dual-homed 2 × 25 GbE, A) isolates nobody: NIC 4 × 50 → 4 × 25, uplink 1600 → 800', () => {
    const plan = fabricPlan({ nodesPerRack: 4, racks: 1, torCount: 2, uplinkGbps: 800, nics: 2 });
    const r = torFailureImpact(topologyOf(plan), 'r1', 'A');
    expect(r.isolatedNodeIds).toEqual([]);
    expect(r.degradedNodeIds).toHaveLength(4);
    expect([r.nicGbpsBefore, r.nicGbpsAfter]).toEqual([4 * 50, 4 * 25]);
    expect([r.uplinkGbpsBefore, r.uplinkGbpsAfter]).toEqual([1600, 800]);
  });
  it('torFailureImpact(single ToR, A) isolates every node and leaves no uplink', () => {
    const plan = fabricPlan({ nodesPerRack: 3, racks: 1, torCount: 1, uplinkGbps: 400, nics: 2 });
    const r = torFailureImpact(topologyOf(plan), 'r1', 'A');
    expect(r.isolatedNodeIds).toHaveLength(3);
    expect([r.nicGbpsAfter, r.uplinkGbpsAfter]).toEqual([0, 0]);
  });
  it('agrees with pathBetween: a node is isolated iff it cannot reach a node in another rack with that switch down', () => {
    fc.assert(
      fc.property(networkPlanArb, fc.constantFrom('A' as const, 'B' as const), (plan, tor) => {
        const topo = topologyOf(plan);
        const rack = plan.nodes[0].rackId;
        const outside = plan.nodes.find((n) => n.rackId !== rack);
        if (!outside) return true;
        const impact = torFailureImpact(topo, rack, tor);
        const failedTors = new Set([torSwitchId(rack, tor)]);
        return plan.nodes
          .filter((n) => n.rackId === rack)
          .every((n) => impact.isolatedNodeIds.includes(n.id) === !pathBetween(topo, n.id, outside.id, { failedTors }).reachable);
      }),
      { numRuns: 100 },
    );
  });
});
