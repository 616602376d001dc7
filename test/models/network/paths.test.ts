import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkPlanArb } from '../../arbitraries/network';
import { PlanBuilder } from '../../../src/plan/samples/planBuilder';
import { baseSettings } from '../../../src/plan/samples/common';
import { SAMPLE_HARDWARE } from '../../../src/plan/samples/catalogue';
import { hybridBurstPlan } from '../../../src/plan/samples/samples';
import { topologyOf } from '../../../src/models/topology';
import { pathBetween, rackToRackGbps, rttMs, torSwitchId } from '../../../src/models/network/paths';
import type { Hardware } from '../../../src/plan/schema';

/** Two sites; dc1 has two rooms, room h1 two rows, row1 two racks. Workers are 2 × 25 GbE, dual-homed. */
function fabric() {
  const base = baseSettings('Fabric', 'fabric', '');
  const b = new PlanBuilder(base, [structuredClone(SAMPLE_HARDWARE.worker) as Hardware])
    .site('dc1', 'DC 1', 'datacenter', 10)
    .room('h1', 'H1', 'dc1', 800)
    .room('h2', 'H2', 'dc1', 600)
    .row('row1', 'Row 1', 'h1', 400)
    .row('row2', 'Row 2', 'h1', 300)
    .row('row3', 'Row 3', 'h2', 400)
    .site('dc2', 'DC 2', 'datacenter', 40)
    .room('h9', 'H9', 'dc2')
    .row('row9', 'Row 9', 'h9');
  b.rack('r1', 'row1').rack('r2', 'row1').rack('r3', 'row2').rack('r4', 'row3').rack('r9', 'row9');
  b.rack('single', 'row1', { tor: { count: 1, uplinkGbps: 100 } });
  for (const r of ['r1', 'r2', 'r3', 'r4', 'r9']) b.nodes(r, 'worker', SAMPLE_HARDWARE.worker.id, 2);
  b.nodes('single', 'worker', SAMPLE_HARDWARE.worker.id, 1);
  const plan = b.build();
  // Node w-0001 and w-0002 are in r1; w-0003/4 in r2; w-0005/6 in r3; w-0007/8 in r4; w-0009/10 in r9; w-0011 in "single".
  return plan;
}

describe('pathBetween', () => {
  it('pathBetween(topo, a, b) in one rack stays on the shared ToR: RTT 0.05 + 2 × 1 hop × 1 µs', () => {
    const p = pathBetween(topologyOf(fabric()), 'w-0001', 'w-0002');
    expect(p.latencyClass).toBe('same-rack');
    expect(p.links.map((l) => l.kind)).toEqual(['nic', 'nic']);
    expect(p.switchHops).toBe(1);
    expect(p.rttMs).toBeCloseTo(0.05 + (2 * 1 * 1) / 1000, 12);
    expect(p.bottleneckGbps).toBe(2 * 25);
    expect(p.perFlowGbps).toBe(25);
  });

  it('pathBetween(topo, a, b) across rows climbs ToR, spine, core, spine, ToR (5 hops) and is limited by the slower spine', () => {
    const p = pathBetween(topologyOf(fabric()), 'w-0001', 'w-0005');
    expect(p.latencyClass).toBe('cross-row');
    expect(p.links.map((l) => l.id)).toEqual(['w-0001/nic', 'r1/tor-A+B', 'row1/spine', 'row2/spine', 'r3/tor-A+B', 'w-0005/nic']);
    expect(p.rttMs).toBeCloseTo(0.2 + (2 * 5 * 1) / 1000, 12);
    expect(p.bottleneckGbps).toBe(50);
  });

  it('pathBetween(topo, a, b) across sites crosses both WAN links and its bottleneck is the slower WAN (10 Gbit/s)', () => {
    const p = pathBetween(topologyOf(fabric()), 'w-0001', 'w-0009');
    expect(p.latencyClass).toBe('cross-site');
    expect(p.links.filter((l) => l.kind === 'site').map((l) => l.gbps)).toEqual([10, 40]);
    expect(p.switchHops).toBe(9);
    expect(p.rttMs).toBeCloseTo(10 + (2 * 9 * 1) / 1000, 12);
    expect(p.bottleneckGbps).toBe(10);
  });

  it('pathBetween(topo, a, b) across rooms passes both room cores (7 hops)', () => {
    const p = pathBetween(topologyOf(fabric()), 'w-0001', 'w-0007');
    expect(p.links.filter((l) => l.kind === 'room').map((l) => l.id)).toEqual(['h1/core', 'h2/core']);
    expect(p.rttMs).toBeCloseTo(0.5 + (2 * 7) / 1000, 12);
  });

  it("pathBetween(topo, a, b, {failedTors: r1/A}) halves a dual-homed node's NIC and keeps it reachable", () => {
    const topo = topologyOf(fabric());
    const p = pathBetween(topo, 'w-0001', 'w-0003', { failedTors: new Set([torSwitchId('r1', 'A')]) });
    expect(p.reachable).toBe(true);
    expect(p.links[0]).toMatchObject({ id: 'w-0001/nic', gbps: 25 });
    expect(p.links[1]).toMatchObject({ id: 'r1/tor-B', gbps: 800 });
  });

  it('pathBetween(topo, a, b, {failedTors: single/A}) cuts a node cabled to one switch: bandwidth 0', () => {
    const topo = topologyOf(fabric());
    const p = pathBetween(topo, 'w-0011', 'w-0001', { failedTors: new Set(['single/A']) });
    expect(p.reachable).toBe(false);
    expect(p.bottleneckGbps).toBe(0);
  });

  it('pathBetween(topo, a, b) for two nodes of one rack with no common switch goes via the spine (3 hops)', () => {
    const plan = fabric();
    plan.nodes[0].tors = ['A'];
    plan.nodes[1].tors = ['B'];
    const p = pathBetween(topologyOf(plan), 'w-0001', 'w-0002');
    expect(p.switchHops).toBe(3);
    expect(p.links.map((l) => l.id)).toEqual(['w-0001/nic', 'r1/tor-A', 'r1/tor-B', 'w-0002/nic']);
  });

  it('pathBetween(topo, a, a) is the same node: no links, RTT 0', () => {
    const p = pathBetween(topologyOf(fabric()), 'w-0001', 'w-0001');
    expect(p.links).toEqual([]);
    expect(p.rttMs).toBe(0);
  });

  it('pathBetween(hybrid, dc, cloud) crosses KubeSpan and the 5 Gbit/s cloud WAN', () => {
    const plan = hybridBurstPlan();
    const topo = topologyOf(plan);
    const cloud = plan.nodes.find((n) => n.rackId === 'burst')!;
    const p = pathBetween(topo, plan.nodes[0].id, cloud.id);
    expect(p.crossesKubeSpan).toBe(true);
    expect(p.bottleneckGbps).toBe(5);
    expect(p.rttMs).toBeCloseTo(18 + (2 * 9) / 1000, 12);
  });
});

describe('rttMs', () => {
  it('rttMs(topo, a, b) uses the most specific override: node pair beats rack pair beats site pair', () => {
    const plan = fabric();
    plan.network.rttOverrides = [
      { from: 'dc1', to: 'dc2', rttMs: 30 },
      { from: 'r9', to: 'r1', rttMs: 20 },
      { from: 'w-0002', to: 'w-0010', rttMs: 7 },
    ];
    const topo = topologyOf(plan);
    expect(rttMs(topo, 'w-0001', 'w-0009')).toBe(20);
    expect(rttMs(topo, 'w-0010', 'w-0002')).toBe(7);
    expect(rttMs(topo, 'w-0003', 'w-0009')).toBe(30);
    expect(pathBetween(topo, 'w-0003', 'w-0009').rttSource).toBe('override');
    expect(rttMs(topo, 'w-0003', 'w-0005')).toBeCloseTo(0.2 + (2 * 5) / 1000, 12);
  });
});

describe('rackToRackGbps', () => {
  it("rackToRackGbps(topo, r1, r2) is the racks' NIC total min(2 × 2 × 25, …) when uplinks are wider", () => {
    expect(rackToRackGbps(topologyOf(fabric()), 'r1', 'r2')).toBe(2 * 2 * 25);
  });
  it('rackToRackGbps(topo, r1, r9) across sites is the WAN, 10 Gbit/s', () => {
    expect(rackToRackGbps(topologyOf(fabric()), 'r1', 'r9')).toBe(10);
  });
});

describe('pathBetween properties', () => {
  const pairArb = networkPlanArb.chain((plan) =>
    fc.tuple(
      fc.constant(plan),
      fc.integer({ min: 0, max: plan.nodes.length - 1 }),
      fc.integer({ min: 0, max: plan.nodes.length - 1 }),
      fc.subarray(plan.racks.flatMap((r) => [torSwitchId(r.id, 'A'), torSwitchId(r.id, 'B')])),
    ),
  );

  it("a path's bandwidth never exceeds any link on it, and one flow never exceeds the path", () => {
    fc.assert(
      fc.property(pairArb, ([plan, i, j, failed]) => {
        const p = pathBetween(topologyOf(plan), plan.nodes[i].id, plan.nodes[j].id, { failedTors: new Set(failed) });
        return p.links.every((l) => p.bottleneckGbps <= l.gbps && p.perFlowGbps <= l.perFlowGbps) && p.perFlowGbps <= p.bottleneckGbps;
      }),
      { numRuns: 200 },
    );
  });

  it('pathBetween(a, b) and pathBetween(b, a) have the same RTT, class and bottleneck', () => {
    fc.assert(
      fc.property(pairArb, ([plan, i, j]) => {
        const topo = topologyOf(plan);
        const ab = pathBetween(topo, plan.nodes[i].id, plan.nodes[j].id);
        const ba = pathBetween(topo, plan.nodes[j].id, plan.nodes[i].id);
        return ab.rttMs === ba.rttMs && ab.latencyClass === ba.latencyClass && ab.bottleneckGbps === ba.bottleneckGbps;
      }),
      { numRuns: 200 },
    );
  });

  it("failing switches never raises a path's bandwidth", () => {
    fc.assert(
      fc.property(pairArb, ([plan, i, j, failed]) => {
        const topo = topologyOf(plan);
        const healthy = pathBetween(topo, plan.nodes[i].id, plan.nodes[j].id);
        const degraded = pathBetween(topo, plan.nodes[i].id, plan.nodes[j].id, { failedTors: new Set(failed) });
        return degraded.bottleneckGbps <= healthy.bottleneckGbps;
      }),
      { numRuns: 200 },
    );
  });

  it('RTT without overrides never falls as the latency class widens, for class RTTs that rise', () => {
    fc.assert(
      fc.property(pairArb, ([plan, i, j]) => {
        plan.network.rttOverrides = [];
        const topo = topologyOf(plan);
        const p = pathBetween(topo, plan.nodes[i].id, plan.nodes[j].id);
        return p.rttMs >= 0 && (p.latencyClass === 'same-node' ? p.rttMs === 0 : p.rttSource === 'class');
      }),
      { numRuns: 100 },
    );
  });
});
