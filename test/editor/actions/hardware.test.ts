import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDisk, removeDisk, setDiskMeasurement, updateDisk, updateHardware } from '../../../src/editor/actions/hardware';
import { emptyHistory, record, undo } from '../../../src/editor/history';
import { diffPlans } from '../../../src/editor/planDiff';
import { fioMeasurement } from '../../../src/plan/fioMeasurement';
import { referencePlan } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';
import { validatePlan } from '../../../src/plan/validate';
import { measuredDiskArb } from '../../arbitraries/disks';

const plan = referencePlan();
// cp-1u-nvme: one system entry of 2 x 960 GB enterprise NVMe (src/plan/samples/catalogue.ts).
const cp = plan.hardware.findIndex((h) => h.id === 'cp-1u-nvme');
const fixture = JSON.parse(readFileSync(new URL('../../plan/fixtures/fio-fdatasync.json', import.meta.url), 'utf8'));
const fio = fioMeasurement(fixture, 'fio fio-fdatasync.json');
if (!fio.ok) throw new Error(fio.error);

function applied(r: ReturnType<typeof updateDisk>): Plan {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.plan;
}

describe('disk actions', () => {
  it('updateDisk(plan, { capacityGB: 1920 }) changes that disk only and names it in the label', () => {
    const r = updateDisk(plan, { id: 'cp-1u-nvme', index: 0, patch: { capacityGB: 1920 } });
    expect(r.ok && r.label).toBe('Change capacityGB of disk 1 of Control plane 1U (16c, 64 GiB, NVMe)');
    const next = applied(r);
    expect(next.hardware[cp].disks).toEqual([{ ...plan.hardware[cp].disks[0], capacityGB: 1920 }]);
    expect(next.nodes).toBe(plan.nodes);
    expect(Object.keys(diffPlans(plan, next))).toEqual(['hardware']);
  });

  it('updateDisk(plan, count 0 / 65, size 0) is refused naming the field and its valid range', () => {
    for (const [patch, field] of [
      [{ count: 0 }, 'count'],
      [{ count: 65 }, 'count'],
      [{ capacityGB: 0 }, 'capacityGB'],
      [{ count: 1.5 }, 'count'],
    ] as const) {
      const r = updateDisk(plan, { id: 'cp-1u-nvme', index: 0, patch });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(new RegExp(`^hardware\\[${cp}\\]\\.disks\\[0\\]\\.${field}: `));
    }
    const r = updateDisk(plan, { id: 'cp-1u-nvme', index: 0, patch: { count: 65 } });
    expect(!r.ok && r.reason).toContain('64');
  });

  it('updateDisk(measured disk, new class) drops the measurement, which described the old drive, and says so', () => {
    const measured = applied(setDiskMeasurement(plan, { id: 'cp-1u-nvme', index: 0, measured: fio.measured }));
    const r = updateDisk(measured, { id: 'cp-1u-nvme', index: 0, patch: { class: 'ssd-sata' } });
    expect(r.ok && r.label).toContain('drops its fio measurement');
    expect(applied(r).hardware[cp].disks[0]).toEqual({ ...plan.hardware[cp].disks[0], class: 'ssd-sata' });
    // A size change keeps it: the drive is the same.
    expect(applied(updateDisk(measured, { id: 'cp-1u-nvme', index: 0, patch: { capacityGB: 1920 } })).hardware[cp].disks[0].measured).toEqual(fio.measured);
  });

  it('addDisk(profile) appends one data disk like the last; removeDisk takes it away; the last disk cannot go', () => {
    const added = applied(addDisk(plan, { id: 'cp-1u-nvme' }));
    expect(added.hardware[cp].disks[1]).toEqual({ class: 'nvme-enterprise', capacityGB: 960, count: 1, purpose: 'data' });
    expect(applied(removeDisk(added, { id: 'cp-1u-nvme', index: 1 })).hardware[cp]).toEqual(plan.hardware[cp]);
    const last = removeDisk(plan, { id: 'cp-1u-nvme', index: 0 });
    expect(!last.ok && last.reason).toContain('at least one disk');
    expect(removeDisk(plan, { id: 'cp-1u-nvme', index: 3 })).toEqual({ ok: false, reason: expect.stringContaining('has no disk 4') });
    expect(removeDisk(plan, { id: 'nope', index: 0 }).ok).toBe(false);
  });

  it('setDiskMeasurement(plan, fio fixture) is one undo step that undo removes; clearing twice is refused', () => {
    const r = setDiskMeasurement(plan, { id: 'cp-1u-nvme', index: 0, measured: fio.measured });
    expect(r.ok && r.label).toBe('Measure disk 1 of Control plane 1U (16c, 64 GiB, NVMe) (fio fio-fdatasync.json)');
    const next = applied(r);
    expect(next.hardware[cp].disks[0].measured).toEqual(fio.measured);
    expect(validatePlan(JSON.parse(JSON.stringify(next))).ok).toBe(true);
    const history = record(emptyHistory(), { label: 'measure', diff: diffPlans(plan, next) });
    expect(undo(next, history)?.plan).toStrictEqual(plan);
    const cleared = applied(setDiskMeasurement(next, { id: 'cp-1u-nvme', index: 0, measured: null }));
    expect(cleared.hardware[cp]).toStrictEqual(plan.hardware[cp]);
    expect(setDiskMeasurement(cleared, { id: 'cp-1u-nvme', index: 0, measured: null }).ok).toBe(false);
  });

  it('setDiskMeasurement(plan, any in-bounds measurement) keeps the plan valid; set then clear is the original profile', () => {
    fc.assert(
      fc.property(measuredDiskArb, (m) => {
        const next = applied(setDiskMeasurement(plan, { id: 'cp-1u-nvme', index: 0, measured: m }));
        expect(validatePlan(next).ok).toBe(true);
        expect(applied(setDiskMeasurement(next, { id: 'cp-1u-nvme', index: 0, measured: null })).hardware[cp]).toStrictEqual(plan.hardware[cp]);
      }),
      { numRuns: 100 },
    );
  });

  it('updateHardware(plan, { cpuClass }) changes the class; an unknown class is refused naming the field', () => {
    const next = applied(updateHardware(plan, { id: 'cp-1u-nvme', patch: { cpuClass: 'performance' } }));
    expect(next.hardware[cp].cpuClass).toBe('performance');
    const r = updateHardware(plan, { id: 'cp-1u-nvme', patch: { cpuClass: 'turbo' as 'performance' } });
    expect(!r.ok && r.reason).toMatch(new RegExp(`^hardware\\[${cp}\\]\\.cpuClass: `));
  });
});
