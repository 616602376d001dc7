import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkReport } from '../../../src/models/network/networkReport';
import { antiPatternsPlan, hybridBurstPlan, hyperscalePlan, referencePlan } from '../../../src/plan/samples/samples';
import { networkPlanArb } from '../../arbitraries/network';

describe('networkReport', () => {
  it('networkReport(hybrid-burst) uses Flannel inside KubeSpan on Talos 1.14: 1318/1518, no fragmentation', () => {
    const r = networkReport(hybridBurstPlan());
    expect(r.stack).toBe('flannel-vxlan+kubespan-ipv4');
    expect(r.stackFraming.efficiency).toBeCloseTo(1318 / 1518, 12);
    expect(r.fragmentation.detected).toBe(false);
  });
  it('networkReport(hybrid-burst) charges a 64-core worker 2 × 1e9/8/1318 × (1/180,000 + (1370 + 50)/1.5e9) cores at 1 Gbit/s (WireGuard encrypts the whole VXLAN packet)', () => {
    const r = networkReport(hybridBurstPlan());
    const worker = r.kubespan.costs.find((c) => c.hardwareId === 'worker-1u')!;
    const cores = 2 * (1e9 / 8 / 1318) * (1 / 180_000 + (1370 + 50) / 1.5e9);
    expect(worker.coresUsed).toBeCloseTo(cores, 9);
    expect(worker.cpuShare).toBeCloseTo(cores / 64, 9);
  });
  it('networkReport(hybrid-burst) keeps storage off KubeSpan (its storage network) and sees the cloud WAN bounding the hybrid path', () => {
    const r = networkReport(hybridBurstPlan());
    expect(r.storage.crossesKubeSpan).toBe(false);
    const plan = hybridBurstPlan();
    plan.cluster.kubespan.excludeStorageTraffic = false;
    expect(networkReport(plan).storage.crossesKubeSpan).toBe(true);
    expect(r.hybrid?.cloudSites).toEqual(['cloud']);
    const pair = r.hybrid!.pair!;
    expect(pair.bottleneckGbps).toBe(5);
    const flannel = pair.throughput.find((t) => t.cni === 'flannel')!;
    expect(flannel.onGbps).toBeCloseTo(5 * (1318 / 1518), 9);
  });
  it('networkReport(anti-patterns) meshes more than 100 nodes and flags Flannel fragmenting inside KubeSpan on Talos 1.12', () => {
    const r = networkReport(antiPatternsPlan());
    expect(r.kubespan.nodes).toBeGreaterThan(100);
    expect(r.fragmentation.detected).toBe(true);
    expect(r.findings.some((f) => f.severity === 'error' && f.ruleId === 'NET-FLANNEL-FRAGMENTATION')).toBe(true);
  });
  it('networkReport(reference) has KubeSpan off: no size or storage findings, on/off predictions still shown', () => {
    const r = networkReport(referencePlan());
    expect(r.kubespan.enabled).toBe(false);
    expect(r.storage.crossesKubeSpan).toBe(false);
    expect(r.findings.some((f) => f.ruleId === 'NET-FLANNEL-FRAGMENTATION')).toBe(false);
    for (const p of r.pairs) for (const t of p.throughput) expect(t.onGbps).toBeLessThanOrEqual(t.offGbps);
  });
  it('networkReport(hyperscale-5000) counts all 5000 × 4999 / 2 pairs across its latency classes', () => {
    const r = networkReport(hyperscalePlan());
    expect(r.pairs.reduce((s, p) => s + p.pairs, 0)).toBe((5000 * 4999) / 2);
    expect(r.kubespan.tunnels).toBe((5000 * 4999) / 2);
  });
  it("for any valid plan: efficiencies in (0, 1], KubeSpan never raises a pair's throughput, pair counts add up", () => {
    fc.assert(
      fc.property(networkPlanArb, (plan) => {
        const r = networkReport(plan);
        const n = plan.nodes.length;
        return (
          r.encapsulations.every((e) => e.atPlanMtu.efficiency > 0 && e.atPlanMtu.efficiency <= 1) &&
          r.pairs.every((p) => p.throughput.every((t) => t.onGbps <= t.offGbps + 1e-9 && t.onFlowGbps <= t.offFlowGbps + 1e-9)) &&
          r.pairs.reduce((s, p) => s + p.pairs, 0) === (n * (n - 1)) / 2 &&
          r.racks.every((x) => x.leftoverGbps >= 0)
        );
      }),
      { numRuns: 100 },
    );
  });
});
