import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KUBESPAN_GUIDANCE_NODES, MESH_CURVE_NODES, meshScalingCurve } from '../../../src/models/network/meshScaling';

describe('meshScalingCurve', () => {
  it('meshScalingCurve(25) spans 10 to 5,000 nodes and includes the 100-node guidance point (99 peers, 4950 tunnels)', () => {
    const curve = meshScalingCurve(25);
    expect(curve[0].nodes).toBe(10);
    expect(curve.at(-1)!.nodes).toBe(5000);
    const g = curve.find((p) => p.nodes === KUBESPAN_GUIDANCE_NODES)!;
    expect(g.peersPerNode).toBe(99);
    expect(g.tunnels).toBe(4950);
    expect(g.tunnelsVsGuidance).toBe(1);
  });
  it('meshScalingCurve(25) at 5,000 nodes holds 12,497,500 / 4950 = 2524.7× the guidance tunnels', () => {
    expect(meshScalingCurve(25).at(-1)!.tunnelsVsGuidance).toBeCloseTo(12_497_500 / 4950, 9);
  });
  it('meshScalingCurve(25, false, 1/24) at 100 nodes updates 100 × (1/24) × 99 peers an hour', () => {
    expect(meshScalingCurve(25, false, 1 / 24, [100])[0].peerUpdatesPerHour).toBeCloseTo((100 * 99) / 24, 9);
  });
  it('every column of the curve rises with node count', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 12 }), fc.integer({ min: 1, max: 600 }), (ns, keepalive) => {
        const sorted = [...ns].sort((a, b) => a - b);
        const curve = meshScalingCurve(keepalive, false, 1 / 24, sorted);
        return curve.every(
          (p, i) =>
            i === 0 ||
            (p.peersPerNode >= curve[i - 1].peersPerNode &&
              p.tunnels >= curve[i - 1].tunnels &&
              p.controlKbpsPerNode >= curve[i - 1].controlKbpsPerNode &&
              p.peerUpdatesPerHour >= curve[i - 1].peerUpdatesPerHour),
        );
      }),
    );
  });
  it('MESH_CURVE_NODES is increasing', () => {
    expect([...MESH_CURVE_NODES]).toEqual([...MESH_CURVE_NODES].sort((a, b) => a - b));
  });
});
