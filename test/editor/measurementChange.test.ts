import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measurementChange } from '../../src/editor/measurementChange';
import { DISK_CLASSES, diskSpec } from '../../src/plan/diskClasses';
import { diskClassArb, measurableDiskArb, measuredDiskArb } from '../arbitraries/disks';

describe('measurementChange', () => {
  it('measurementChange(enterprise NVMe, fsync 0.5 / 20 ms) replaces the class fsync and keeps the class IOPS and bandwidth', () => {
    const rows = measurementChange({ class: 'nvme-enterprise' }, { fsyncP50Ms: 0.5, fsyncP99Ms: 20 });
    const by = Object.fromEntries(rows.map((r) => [r.figure, r]));
    expect(by.fsyncMedianMs).toMatchObject({ before: 0.04, beforeFrom: 'class', after: 0.5, afterFrom: 'measured' });
    expect(by.fsyncP99Ms).toMatchObject({ before: 0.15, beforeFrom: 'class', after: 20, afterFrom: 'measured' });
    expect(by.randWriteIops).toMatchObject({ before: 200_000, after: 200_000, afterFrom: 'class' });
    expect(by.seqWriteMBps).toMatchObject({ before: 3000, after: 3000, afterFrom: 'class' });
  });

  it('measurementChange(measured disk, null) goes back to the class figures, and a plan bandwidth shows as an assumption', () => {
    const rows = measurementChange({ class: 'hdd', measured: { fsyncP50Ms: 2, fsyncP99Ms: 9, seqWriteMBps: 250 } }, null, { hdd: 180 });
    const by = Object.fromEntries(rows.map((r) => [r.figure, r]));
    expect(by.fsyncP99Ms).toMatchObject({ before: 9, beforeFrom: 'measured', after: DISK_CLASSES.hdd.fsyncP99Ms, afterFrom: 'class' });
    expect(by.seqWriteMBps).toMatchObject({ before: 250, beforeFrom: 'measured', after: 180, afterFrom: 'assumption' });
  });

  it('measurementChange(disk, m) reads before and after exactly as diskSpec does, and takes every figure m gives', () => {
    fc.assert(
      fc.property(
        measurableDiskArb,
        fc.option(measuredDiskArb, { nil: null }),
        fc.option(fc.tuple(diskClassArb, fc.double({ min: 1, max: 100_000, noNaN: true })), { nil: null }),
        (disk, m, bw) => {
          const classBw = bw ? { [bw[0]]: bw[1] } : {};
          const rows = measurementChange(disk, m, classBw);
          const before = diskSpec(disk, classBw);
          const after = diskSpec({ class: disk.class, measured: m ?? undefined }, classBw);
          expect(rows.map((r) => r.figure)).toEqual(['fsyncMedianMs', 'fsyncP99Ms', 'randWriteIops', 'seqWriteMBps']);
          for (const r of rows) {
            expect(r.before).toBe(before[r.figure]);
            expect(r.after).toBe(after[r.figure]);
            expect(Number.isFinite(r.after) && r.after > 0).toBe(true);
          }
          // The fsync figures follow the measurement whenever there is one, never the class.
          expect(rows[0].afterFrom).toBe(m ? 'measured' : 'class');
          if (m?.writeIops !== undefined) expect(rows[2]).toMatchObject({ after: m.writeIops, afterFrom: 'measured' });
          if (m?.seqWriteMBps !== undefined) expect(rows[3]).toMatchObject({ after: m.seqWriteMBps, afterFrom: 'measured' });
        },
      ),
    );
  });
});
