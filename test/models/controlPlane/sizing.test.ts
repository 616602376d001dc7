import { describe, expect, it } from 'vitest';
import { DEFAULT_CP_ASSUMPTIONS as A } from '../../../src/models/controlPlane/assumptions';
import { etcdClassOf, hardwareVerdict, nodeUse, requirements, sizingMinimums, type ControlPlaneDemand } from '../../../src/models/controlPlane/sizing';
import type { Hardware } from '../../../src/plan/schema';
import { SAMPLE_HARDWARE } from '../../../src/plan/samples/catalogue';

/** Only serializable reads: CPU per node = 0.5 + (6000 / s) x (1 ms + 129 µs). */
const readsOnly: ControlPlaneDemand = {
  members: 3, workers: 20, nodes: 23, writesPerS: 0, readsPerS: 6000, linearizableReads: false, podChurnPerS: 0, watchers: 0,
  liveBytes: 0, dbBytes: 0, quotaBytes: 2 * 2 ** 30, etcdMemoryBytes: 0,
};
const box = (cores: number, memoryGiB = 16): Hardware => ({ ...SAMPLE_HARDWARE.cp, id: `box-${cores}`, name: `${cores} cores`, cores, memoryGiB });

describe('sizing', () => {
  it('sizingMinimums(99) is 4 cores / 8 GB / 40 GB and sizingMinimums(100) 8 / 32 / 40 (RA-CP-SIZE)', () => {
    expect(sizingMinimums(99)).toMatchObject({ cores: 4, memoryGB: 8, diskGB: 40 });
    expect(sizingMinimums(100)).toMatchObject({ cores: 8, memoryGB: 32, diskGB: 40 });
  });

  it('nodeUse(reads only, 3 serving) is 0.5 + 6000 / 3 x (1 + 0.129) / 1000 cores; with 2 serving 0.5 + 3 x 1.129', () => {
    expect(nodeUse(readsOnly, A, 3).cpuCores).toBeCloseTo(0.5 + (6000 / 3) * (1 + 0.129) / 1000, 9);
    expect(nodeUse(readsOnly, A, 2).cpuCores).toBeCloseTo(0.5 + (6000 / 2) * (1 + 0.129) / 1000, 9);
  });

  it('hardwareVerdict(5 cores) fits only with every node up: 2.758 / 5 ≤ 60 % < 3.887 / 5', () => {
    const v = hardwareVerdict(box(5), readsOnly, A);
    expect(v.cpuUse.allUp).toBeCloseTo((0.5 + 2 * 1.129) / 5, 9);
    expect(v.cpuUse.oneDown).toBeCloseTo((0.5 + 3 * 1.129) / 5, 9);
    expect(v.verdict).toBe('fits-without-n1-headroom');
    expect(v.deciding).toBe('cpu');
  });

  it('hardwareVerdict(8 cores) fits: 3.887 / 8 is under 60 %', () => {
    expect(hardwareVerdict(box(8), readsOnly, A).verdict).toBe('fits');
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

  it('requirements(reads only) CPU is max(4, 3.887 / 0.6) and names the headroom rule', () => {
    const cpu = requirements(readsOnly, A).find((r) => r.resource === 'cpu')!;
    expect(cpu.value).toBeCloseTo(Math.max(4, (0.5 + 3 * 1.129) / 0.6), 9);
    expect(cpu.reasons[0]).toContain('RA-CP-HEADROOM');
  });

  it('etcdClassOf(requests, DB, nodes) follows etcd op-guide/hardware', () => {
    expect(etcdClassOf(150, 50e6, 40)).toBe('small');
    expect(etcdClassOf(800, 400e6, 200)).toBe('medium');
    expect(etcdClassOf(5000, 0.9e9, 900)).toBe('large');
    expect(etcdClassOf(100, 50e6, 5000)).toBe('xlarge');
  });
});
