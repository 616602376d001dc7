import { describe, expect, it } from 'vitest';
import { topologyOf } from '../../../src/models/topology';
import { fairShareGbps, rackUplinkLoads } from '../../../src/models/network/uplinkLoad';
import { fabricPlan } from './fabricPlan';

describe('rackUplinkLoads', () => {
  it('rackUplinkLoads(fabric, 10, 1) for an oversubscribed rack: 40 × 25 GbE on one 400 Gbit/s uplink is 1000/400 = 2.5:1', () => {
    const plan = fabricPlan({ nodesPerRack: 40, racks: 2, torCount: 1, uplinkGbps: 400, nics: 1 });
    const [r1] = rackUplinkLoads(topologyOf(plan), 10, 1);
    expect(r1.downlinkGbps).toBe(40 * 25);
    expect(r1.oversubscription).toBeCloseTo(1000 / 400, 12);
    // Uniform traffic: 40 of the 79 other nodes are in the other rack.
    expect(r1.workloadGbps).toBeCloseTo((40 * 10 * 40) / 79, 9);
    expect(r1.utilisation).toBeCloseTo((40 * 10 * 40) / 79 / 400, 9);
    expect(r1.leftoverGbps).toBeCloseTo(400 - (40 * 10 * 40) / 79, 9);
    expect(r1.uplinkAfterTorLossGbps).toBe(0);
  });
  it('rackUplinkLoads(…, efficiency 1368/1518) puts goodput / efficiency on the wire', () => {
    const plan = fabricPlan({ nodesPerRack: 4, racks: 2, torCount: 2, uplinkGbps: 800, nics: 2 });
    const [r1] = rackUplinkLoads(topologyOf(plan), 1, 1368 / 1518);
    expect(r1.workloadGbps).toBeCloseTo((4 * 1 * 4) / 7 / (1368 / 1518), 9);
    expect(r1.uplinkAfterTorLossGbps).toBe(800);
  });
  it('rackUplinkLoads(…, extra) adds a rebuild pattern and leaves less for everything else', () => {
    const plan = fabricPlan({ nodesPerRack: 4, racks: 2, torCount: 1, uplinkGbps: 100, nics: 1 });
    const [base] = rackUplinkLoads(topologyOf(plan), 1, 1);
    const [busy] = rackUplinkLoads(topologyOf(plan), 1, 1, new Map([['r1', 60]]));
    expect(busy.leftoverGbps).toBeCloseTo(base.leftoverGbps - 60, 9);
  });
});

describe('fairShareGbps', () => {
  it("fairShareGbps(100, 3) is 100 / 4 = 25; capped by the flow's own limit", () => {
    expect(fairShareGbps(100, 3)).toBe(25);
    expect(fairShareGbps(100, 3, 10)).toBe(10);
  });
});
