import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CP_ASSUMPTIONS as A } from '../../../src/models/controlPlane/assumptions';
import { etcdClassOf, hardwareVerdict, nodeUse, requirements, sizingMinimums, type ControlPlaneDemand } from '../../../src/models/controlPlane/sizing';
import type { Hardware } from '../../../src/plan/schema';
import { SAMPLE_HARDWARE } from '../../../src/plan/samples/catalogue';
import { controlPlaneReport } from '../../../src/models/controlPlane/controlPlaneReport';
import { clusterPlan } from '../publishedPlans';
import { evaluate } from '../../../src/models/evaluate';
import { headline } from '../../../src/models/headline/headline';
import { referencePlan } from '../../../src/plan/samples/samples';

/** Only serializable reads: CPU per node = 0.5 + (6000 / s) x (1 ms + 129 µs). */
const readsOnly: ControlPlaneDemand = {
  members: 3,
  workers: 20,
  nodes: 23,
  writesPerS: 0,
  readsPerS: 6000,
  linearizableReads: false,
  podChurnPerS: 0,
  apiRequestsPerS: 6000,
  watchers: 0,
  watchEventsPerS: 0,
  watchBytesPerS: 0,
  relistBytesPerNode: 0,
  meanWriteBytes: 0,
  liveBytes: 0,
  dbBytes: 0,
  quotaBytes: 2 * 2 ** 30,
  etcdMemoryBytes: 0,
};
const box = (cores: number, memoryGiB = 16): Hardware => ({ ...SAMPLE_HARDWARE.cp, id: `box-${cores}`, name: `${cores} cores`, cores, memoryGiB });

describe('sizing', () => {
  it('sizingMinimums(99) is 4 cores / 8 GB / 40 GB and sizingMinimums(100) 8 / 32 / 40 (RA-CP-SIZE)', () => {
    expect(sizingMinimums(99)).toMatchObject({ cores: 4, memoryGB: 8, diskGB: 40 });
    expect(sizingMinimums(100)).toMatchObject({ cores: 8, memoryGB: 32, diskGB: 40 });
  });

  it('nodeUse(reads only, 3 serving) is 0.5 + 6000 / 3 x (1 + 0.129) / 1000 cores; with 2 serving 0.5 + 3 x 1.129', () => {
    expect(nodeUse(readsOnly, A, 3).cpuCores).toBeCloseTo(0.5 + ((6000 / 3) * (1 + 0.129)) / 1000, 9);
    expect(nodeUse(readsOnly, A, 2).cpuCores).toBeCloseTo(0.5 + ((6000 / 2) * (1 + 0.129)) / 1000, 9);
  });

  it('hardwareVerdict(5 cores) fits only with every node up: 2.758 / 5 ≤ 60 % < 3.887 / 5', () => {
    const v = hardwareVerdict(box(5), readsOnly, A);
    expect(v.cpuUse.allUp).toBeCloseTo((0.5 + 2 * 1.129) / 5, 9);
    expect(v.cpuUse.oneDown).toBeCloseTo((0.5 + 3 * 1.129) / 5, 9);
    expect(v.verdict).toBe('fits-without-n1-headroom');
    expect(v.deciding).toBe('cpu');
  });

  it('hardwareVerdict(8 cores) keeps 60 % headroom (3.887 / 8) but is below the etcd large class + the rest, so fits without N-1 headroom; 14 cores fit', () => {
    const v = hardwareVerdict(box(8), readsOnly, A);
    expect(v.cpuUse.oneDown).toBeLessThan(0.6);
    expect(v.verdict).toBe('fits-without-n1-headroom');
    expect(hardwareVerdict(box(14, 40), readsOnly, A).verdict).toBe('fits');
  });

  it('hardwareVerdict(4 cores) is too small: 2.758 / 4 is over 60 % with every node up', () => {
    const v = hardwareVerdict(box(4), readsOnly, A);
    expect(v.verdict).toBe('too-small');
    expect(v.deciding).toBe('cpu');
  });

  it('hardwareVerdict(HDD control plane) is too small because of fsync', () => {
    const v = hardwareVerdict(SAMPLE_HARDWARE.cpHdd, readsOnly, A);
    expect(v.verdict).toBe('too-small');
    expect(v.reasons.join(' ')).toContain('fsync p99 60 ms');
  });

  it('requirements(reads only) CPU is max(4, 3.887 / 0.6, 8 vCPU of the etcd large class + the rest / 0.6) and names both rules', () => {
    const cpu = requirements(readsOnly, A).find((r) => r.resource === 'cpu')!;
    const etcd = (3000 * 129) / 1e6;
    expect(cpu.value).toBeCloseTo(Math.max(4, (0.5 + 3 * 1.129) / 0.6, 8 + (0.5 + 3 * 1.129 - etcd) / 0.6), 9);
    expect(cpu.reasons[0]).toContain('RA-CP-HEADROOM');
    expect(cpu.reasons[1]).toContain('etcd large class');
  });

  it('requirements never shrink as nodes, pods, churn or watch fan-out grow', () => {
    fc.assert(
      fc.property(
        fc.record({
          nodes: fc.integer({ min: 3, max: 5000 }),
          churn: fc.double({ min: 0, max: 100, noNaN: true }),
          events: fc.double({ min: 0, max: 1e6, noNaN: true }),
          relist: fc.double({ min: 0, max: 1e9, noNaN: true }),
          live: fc.double({ min: 0, max: 1e10, noNaN: true }),
          grow: fc.double({ min: 1, max: 10, noNaN: true }),
        }),
        (x) => {
          const d = (k: number): ControlPlaneDemand => ({
            ...readsOnly,
            nodes: Math.round(x.nodes * k),
            workers: Math.round(x.nodes * k) - 3,
            podChurnPerS: x.churn * k,
            writesPerS: (x.nodes * k) / 10,
            apiRequestsPerS: 6000 + (x.nodes * k) / 5,
            watchers: x.nodes * k * 8,
            watchEventsPerS: x.events * k * k,
            watchBytesPerS: x.events * k * k * 1000,
            relistBytesPerNode: x.relist * k,
            liveBytes: x.live * k,
            dbBytes: x.live * k * 1.5,
            etcdMemoryBytes: x.live * k * 2,
          });
          const before = requirements(d(1), A);
          const after = requirements(d(x.grow), A);
          for (const r of ['cpu', 'memory', 'disk', 'iops'] as const) {
            expect(after.find((q) => q.resource === r)!.value).toBeGreaterThanOrEqual(before.find((q) => q.resource === r)!.value * (1 - 1e-12));
          }
        },
      ),
    );
  });

  it("controlPlaneReport(plan).sizing.requirements never shrink as the plan's workers, pods or pod churn grow (plan → etcd and API load → requirements)", () => {
    // The property above varies the demand directly; this one goes through the plan, so a load term
    // that fell with more nodes, pods or churn (in etcdLoad or apiServerLoad) would show here.
    const need = (workers: number, pods: number, churnPerMin: number) => {
      const plan = clusterPlan({ workers, pods, workload: { podChurnPerMin: churnPerMin } });
      return controlPlaneReport(plan, {}).sizing.requirements;
    };
    fc.assert(
      fc.property(
        fc.record({
          workers: fc.integer({ min: 3, max: 2000 }),
          podsPerWorker: fc.integer({ min: 0, max: 110 }),
          churn: fc.double({ min: 0, max: 1, noNaN: true }),
          grow: fc.constantFrom<'workers' | 'pods' | 'churn'>('workers', 'pods', 'churn'),
          by: fc.double({ min: 1, max: 4, noNaN: true }),
        }),
        (x) => {
          const pods = x.workers * x.podsPerWorker;
          const churn = (pods * x.churn) / 10;
          const before = need(x.workers, pods, churn);
          const after =
            x.grow === 'workers'
              ? need(Math.round(x.workers * x.by), pods, churn)
              : x.grow === 'pods'
                ? need(x.workers, Math.round(pods * x.by), churn)
                : need(x.workers, pods, churn * x.by);
          for (const r of ['cpu', 'memory', 'disk', 'iops'] as const) {
            expect(after.find((q) => q.resource === r)!.value).toBeGreaterThanOrEqual(before.find((q) => q.resource === r)!.value * (1 - 1e-9));
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('etcdClassOf(requests, DB, nodes) follows etcd op-guide/hardware', () => {
    expect(etcdClassOf(150, 50e6, 40)).toBe('small');
    expect(etcdClassOf(800, 400e6, 200)).toBe('medium');
    expect(etcdClassOf(5000, 0.9e9, 900)).toBe('large');
    expect(etcdClassOf(100, 50e6, 5000)).toBe('xlarge');
  });
});

describe('CP-SIZING', () => {
  const cpOf = (patch: Partial<Hardware>) => {
    const plan = referencePlan();
    const report = evaluate({ ...plan, hardware: plan.hardware.map((h) => (h.id === 'cp-1u-nvme' ? { ...h, ...patch } : h)) });
    return {
      verdict: report.controlPlane.sizing.verdicts.find((v) => v.hardwareId === 'cp-1u-nvme')!,
      findings: report.findings.filter((f) => ['CP-SIZING', 'RA-CP-SIZE', 'RA-CP-HEADROOM', 'ETCD-FSYNC'].includes(f.ruleId)),
      figure: headline(report).find((f) => f.id === 'cp-sizing')!,
    };
  };

  it('controlPlaneReport(reference with a 60 GB system disk) is too small for etcd (needs about 103 GB) and files CP-SIZING, not RA-CP-SIZE (60 GB is above its 40 GB minimum)', () => {
    const { verdict, findings, figure } = cpOf({ disks: [{ class: 'nvme-enterprise', capacityGB: 60, count: 2, purpose: 'system' }] });
    expect(verdict.verdict).toBe('too-small');
    expect(verdict.shortfalls.map((s) => [s.resource, s.ruleId])).toEqual([['disk', 'CP-SIZING']]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['CP-SIZING', 'error']]);
    expect(findings[0].message).toMatch(/system disk 60 GB, needs 10\d GB/);
    expect(figure.verdict).toBe('bad');
  });

  it('controlPlaneReport(reference with 4-core control planes) fits without N-1 headroom (4 < the 4.9 cores etcd and headroom ask for) and warns CP-SIZING', () => {
    const { verdict, findings, figure } = cpOf({ cores: 4 });
    expect(verdict.verdict).toBe('fits-without-n1-headroom');
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['CP-SIZING', 'warning']]);
    expect(figure.verdict).toBe('warn');
  });

  it('controlPlaneReport(reference with 2-core control planes) leaves the shortfall to RA-CP-SIZE: no CP-SIZING finding states it twice', () => {
    const { verdict, findings } = cpOf({ cores: 2 });
    expect(verdict.verdict).toBe('too-small');
    expect(findings.map((f) => f.ruleId)).toContain('RA-CP-SIZE');
    expect(findings.map((f) => f.ruleId)).not.toContain('CP-SIZING');
  });
});
