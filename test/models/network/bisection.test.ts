import { describe, expect, it } from 'vitest';
import { bisections } from '../../../src/models/network/bisection';
import { topologyOf } from '../../../src/models/topology';
import { fabricPlan } from './fabricPlan';

describe('bisections', () => {
  it('bisections(4 racks, one at 400 Gbit/s) cuts the two weakest racks: min(NIC, uplink) = 400 + 800', () => {
    const plan = fabricPlan({ nodesPerRack: 40, racks: 4, torCount: 1, uplinkGbps: 800, nics: 1 });
    plan.racks[3].tor.uplinkGbps = 400;
    const rack = bisections(topologyOf(plan)).find((b) => b.tier === 'rack')!;
    expect(rack.units).toBe(4);
    expect(rack.gbps).toBe(400 + 800);
    expect(rack.gbpsPerNode).toBeCloseTo((400 + 800) / 80, 12);
  });
  it('bisections(one row, one site) has no row, room or site cut', () => {
    const plan = fabricPlan({ nodesPerRack: 2, racks: 2, torCount: 2, uplinkGbps: 800, nics: 2 });
    const b = bisections(topologyOf(plan));
    expect(b.filter((x) => x.tier !== 'rack').every((x) => x.gbps === 0 && x.units === 1)).toBe(true);
    // Rack units are bound by their NICs: 2 nodes × 2 × 25.
    expect(b[0].gbps).toBe(2 * 2 * 25);
  });
});
