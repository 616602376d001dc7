import { describe, expect, it } from 'vitest';
import { controlPlaneReport } from '../../../src/models/controlPlane/controlPlaneReport';
import { evaluate } from '../../../src/models/evaluate';
import { antiPatternsPlan, enterprisePlan, referencePlan } from '../../../src/plan/samples/samples';

describe('controlPlaneReport', () => {
  it('controlPlaneReport(reference) has 3 members, tolerates 1 node and 1 rack, and curves for 1, 3, 5, 7 members', () => {
    const r = controlPlaneReport(referencePlan(), {});
    expect(r.quorum).toMatchObject({ members: 3, quorum: 2, toleratedFailures: 1 });
    expect(r.tolerance.find((t) => t.level === 'rack')!.tolerance).toBe(1);
    expect(r.throughput.byMembers.map((c) => c.members)).toEqual([1, 3, 5, 7]);
    // The cost of more members: on the same hardware the write ceiling falls as members grow.
    const max = r.throughput.byMembers.map((c) => c.maxWritesPerS);
    for (let i = 1; i < max.length; i++) expect(max[i]).toBeLessThanOrEqual(max[i - 1]);
    expect(r.latency!.best.writeMs.p99).toBeLessThan(1);
  });

  it('controlPlaneReport(anti-patterns) flags the shared rack, the HDDs, the timers and loses quorum with one node down', () => {
    const r = controlPlaneReport(antiPatternsPlan(), {});
    expect(r.tolerance.find((t) => t.level === 'rack')!.critical[0].why).toContain('rack R1 holds cp-01 and cp-02');
    expect(r.findings.find((f) => f.ruleId === 'ETCD-FSYNC')!.message).toContain('fsync p99 60 ms');
    expect(r.findings.find((f) => f.ruleId === 'ETCD-TIMER-HEARTBEAT-COST')!.message).toContain('heartbeats/s to every follower');
    expect(r.api!.oneDown!.meetsSlo).toBe(false);
    expect(r.sizing.verdicts.find((v) => v.hardwareId === 'cp-hdd')!.verdict).toBe('too-small');
  });

  it('controlPlaneReport(enterprise) gives every catalogue profile a verdict and a deciding resource', () => {
    const r = controlPlaneReport(enterprisePlan(), {});
    expect(r.sizing.verdicts).toHaveLength(enterprisePlan().hardware.length);
    for (const v of r.sizing.verdicts) expect(['cpu', 'memory', 'disk', 'fsync', 'iops']).toContain(v.deciding);
  });

  it('evaluate(plan, { seed }) gives the same control-plane section for every seed: its latencies are integrated, not sampled', () => {
    const plan = referencePlan();
    const a = evaluate(plan, { seed: 3 }).controlPlane;
    expect(evaluate(plan, { seed: 4 }).controlPlane).toEqual(a);
    expect(a.latency!.method.kind).toBe('numerical');
  });
});
