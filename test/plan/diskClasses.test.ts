import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etcdDiskIndex } from '../../src/plan/diskClasses';

const purposes = fc
  .array(fc.constantFrom<'system' | 'data'>('system', 'data'), { minLength: 1, maxLength: 32 })
  .map((ps) => ps.map((purpose) => ({ purpose })));

describe('etcdDiskIndex', () => {
  it('etcdDiskIndex([data, system, system]) is 1: Talos keeps etcd on the first system disk', () => {
    expect(etcdDiskIndex([{ purpose: 'data' }, { purpose: 'system' }, { purpose: 'system' }])).toBe(1);
  });

  it('etcdDiskIndex([data, data]) is 0: without a system disk, the first disk', () => {
    expect(etcdDiskIndex([{ purpose: 'data' }, { purpose: 'data' }])).toBe(0);
  });

  it('etcdDiskIndex(disks) is always a disk of the list, and no system disk comes before it', () => {
    fc.assert(
      fc.property(purposes, (disks) => {
        const i = etcdDiskIndex(disks);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(disks.length);
        expect(disks.slice(0, i).some((d) => d.purpose === 'system')).toBe(false);
        if (disks.some((d) => d.purpose === 'system')) expect(disks[i].purpose).toBe('system');
      }),
    );
  });
});
