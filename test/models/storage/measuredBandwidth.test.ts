import { describe, expect, it } from 'vitest';
import { storageInventory } from '../../../src/models/storage/inventory';
import { placeStorage } from '../../../src/models/storage/placement';
import { transferTime, type Transfer } from '../../../src/models/storage/transfers';
import { DISK_CLASSES } from '../../../src/plan/diskClasses';
import type { Plan } from '../../../src/plan/schema';
import { cephSettings, storagePlan } from '../../arbitraries/storage';

/**
 * A data disk's own measured bandwidth (fio, `disks[].measured.seqWriteMBps`) reaches the storage
 * models with diskSpec's precedence: measurement, then the plan's per-class figure, then the class.
 * HDDs on 100 Gbit/s NICs, so a disk, not the network, bounds a copy.
 */
const base = storagePlan({
  storage: cephSettings({ type: 'replicated', size: 2, minSize: 1 }),
  nodesPerRack: [1, 1],
  diskClass: 'hdd',
  nicGbps: 100,
  volumes: [{ sizeGB: 100, replicas: 2 }],
});

function withMeasured(plan: Plan, seqWriteMBps: number): Plan {
  return {
    ...plan,
    hardware: plan.hardware.map((h) =>
      h.id !== 'st' ? h : { ...h, disks: h.disks.map((d) => (d.purpose !== 'data' ? d : { ...d, measured: { fsyncP50Ms: 5, fsyncP99Ms: 40, seqWriteMBps } })) },
    ),
  };
}

/** Seconds to copy 100 GB from the first data disk to the other node's. */
function copySeconds(plan: Plan, assumptions?: { diskBandwidthMBps: Partial<Record<'hdd', number>> }): number {
  const p = placeStorage(plan, { seed: 1 });
  const target = p.inventory.disks.findIndex((d) => d.nodeIndex !== p.inventory.disks[0].nodeIndex);
  const transfers: Transfer[] = [{ sources: [0], target, bytes: 100e9, unit: 0 }];
  return transferTime(plan, p, transfers, assumptions ? { assumptions } : {}).seconds;
}

describe('measured data-disk bandwidth', () => {
  it('storageInventory(plan with a measured 400 MB/s HDD) gives the disk 400e6 B/s, marked measured', () => {
    const inv = storageInventory(withMeasured(base, 400));
    expect(inv.disks.map((d) => [d.bandwidthBps, d.bandwidthMeasured])).toEqual([
      [400e6, true],
      [400e6, true],
    ]);
    expect(storageInventory(base).disks[0]).toMatchObject({ bandwidthBps: DISK_CLASSES.hdd.seqWriteMBps * 1e6, bandwidthMeasured: false });
  });

  it('transferTime(plan with a measured disk) scales with the measured bandwidth: 400 MB/s copies in half the time of the 200 MB/s class', () => {
    expect(copySeconds(withMeasured(base, 400))).toBeCloseTo(copySeconds(base) * (200 / 400), 6);
  });

  it("transferTime keeps a measured bandwidth over the plan's per-class figure, which still applies to unmeasured disks", () => {
    const perClass = { diskBandwidthMBps: { hdd: 100 } };
    expect(copySeconds(withMeasured(base, 400), perClass)).toBeCloseTo(copySeconds(withMeasured(base, 400)), 9);
    expect(copySeconds(base, perClass)).toBeCloseTo(copySeconds(base) * (200 / 100), 6);
  });
});
