import { describe, expect, it } from 'vitest';
import { placeStorage } from '../../../src/models/storage/placement';
import { rebuildEstimate } from '../../../src/models/storage/rebuild';
import { transferTime, type Transfer } from '../../../src/models/storage/transfers';
import { cephSettings, longhornSettings, storagePlan } from '../../arbitraries/storage';
import type { DiskClass } from '../../../src/plan/schema';

/**
 * Rebuild predictions against published rebuild / recovery measurements. Each case names its source,
 * the setup as reported, the measured figure and the tolerance; the model runs with its defaults
 * except where the source pins a number (drive bandwidth, the mClock shares of the Ceph version tested).
 */

/** Rebuild one replica of a volume holding `usedBytes` between two nodes with the given NIC and disk class. */
function longhornRebuildS(usedBytes: number, nicGbps: number, diskClass: DiskClass, volumes = 1): number {
  const plan = storagePlan({
    nodesPerRack: [1, 1, 1, 1],
    nics: 1,
    nicGbps,
    diskClass,
    diskGB: 20_000,
    storage: longhornSettings(3),
    volumes: Array.from({ length: volumes }, () => ({ sizeGB: usedBytes / volumes / 1e9 })),
  });
  const p = placeStorage(plan, { seed: 1 });
  // Fail a node that holds a replica of every volume: with 3 of 4 nodes per volume, pick the most loaded one.
  const counts = p.inventory.nodes.map((n) => Array.from(p.shards).filter((d) => d >= 0 && p.inventory.disks[d].nodeIndex === n.index).length);
  const victim = p.inventory.nodes[counts.indexOf(Math.max(...counts))].id;
  const r = rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: victim }], permanent: true });
  return r.seconds;
}

const within = (predicted: number, measured: number, tolerance: number) => {
  expect(Math.abs(predicted - measured) / measured).toBeLessThanOrEqual(tolerance);
};

describe('published Longhorn rebuild measurements', () => {
  it('longhorn/longhorn#1948 (SSD, 10 GbE, v1.1): 38.8 GiB rebuilt in 648 s; model 38.8 GiB / 80 MB/s = 521 s, within 35 %', () => {
    const predicted = longhornRebuildS(38.8 * 2 ** 30, 10, 'ssd-sata');
    expect(predicted).toBeCloseTo((38.8 * 2 ** 30) / 80e6, 0);
    within(predicted, 648, 0.35);
  });

  it('longhorn/longhorn#1795 (10 GbE, v1.0): a rebuild "not faster than 100 MB/s"; model rate 80 MB/s, within 35 %', () => {
    const bytes = 100e9;
    within(bytes / longhornRebuildS(bytes, 10, 'nvme-enterprise'), 100e6, 0.35);
  });

  it('longhorn/longhorn#2053 (SSD, 1 GbE, v1.0): a 15 GB replica in ~6 min (scp: 2 min 45 s); model 15e9 / (125 MB/s × 0.941 × 0.5) = 255 s, within 35 %', () => {
    const predicted = longhornRebuildS(15e9, 1, 'ssd-sata');
    expect(predicted).toBeCloseTo(15e9 / ((1e9 / 8) * (1448 / 1538) * 0.5), 0);
    within(predicted, 360, 0.35);
  });

  it('longhorn/longhorn#6728 (Azure D8_v3, 4 Gbit/s, managed SSD, v1.4): 154 + 134 + 112 GB used rebuilt into one node in 3-4 h; model 400e9 / (125 MB/s × 0.5) = 6400 s, within a factor 2.5 (disk tier not reported)', () => {
    // Three nodes with one network block volume each (125 MB/s, a gp3-like baseline); the three replicas are rebuilt
    // into the same node from the two others, so they share its disk.
    const plan = storagePlan({
      nodesPerRack: [1, 1, 1],
      nics: 1,
      nicGbps: 4,
      diskClass: 'network',
      diskGB: 1000,
      storage: longhornSettings(3),
      volumes: [{ sizeGB: 154 }, { sizeGB: 134 }, { sizeGB: 112 }],
    });
    const p = placeStorage(plan, { seed: 1 });
    const [target, a, b] = p.inventory.disks.map((d) => d.index);
    const transfers: Transfer[] = [154e9, 134e9, 112e9].map((bytes, i) => ({ sources: [i % 2 ? a : b], target, bytes, unit: i }));
    const predicted = transferTime(plan, p, transfers).seconds;
    expect(predicted).toBeCloseTo(400e9 / (125e6 * 0.5), 6);
    const measured = 3.5 * 3600;
    expect(predicted).toBeGreaterThan(measured / 2.5);
    expect(predicted).toBeLessThan(measured * 2.5);
  });
});

describe('published Ceph recovery measurements', () => {
  /**
   * Ceph docs, "QoS Study with mClock and WPQ Schedulers" (doc/dev/osd_internals/mclock_wpq_cmp_study.rst):
   * 4 OSDs on Intel P3700 NVMe, size 3, one OSD out then in, ~75,000 4 MiB objects backfilled into it. The
   * OSD's top recovery rate was ~1.4 GiB/s ("close to the maximum OSD bandwidth", WPQ with high limits).
   * Measured with mClock, by profile (recovery reservation of that Quincy build: 25 / 40 / 60 %):
   * high_client_ops ~320 MiB/s, 966 s; balanced ~480 MiB/s, 647 s; high_recovery_ops ~635 MiB/s, 488 s.
   */
  function qosStudyS(profile: 'high_client_ops' | 'balanced' | 'high_recovery_ops', diskClass: DiskClass, mibps: number, objects: number): number {
    const storage = { ...cephSettings({ type: 'replicated', size: 3, minSize: 2 }), mclockProfile: profile } as ReturnType<typeof cephSettings>;
    const plan = storagePlan({ nodesPerRack: [4], nics: 2, nicGbps: 25, diskClass, storage, volumes: [{ sizeGB: 1 }] });
    const p = placeStorage(plan, { seed: 1 });
    const target = p.inventory.nodes[0].disks[0].index;
    const sources = p.inventory.nodes.slice(1).map((n) => n.disks[0].index);
    const bytes = objects * 4 * 2 ** 20;
    // Backfill into the returning OSD from the other three, spread evenly over PGs.
    const transfers: Transfer[] = sources.map((s, i) => ({ sources: [s], target, bytes: bytes / 3, unit: i }));
    return transferTime(plan, p, transfers, {
      assumptions: {
        mclockRecoveryShare: { high_client_ops: 0.25, balanced: 0.4, high_recovery_ops: 0.6 },
        diskBandwidthMBps: { [diskClass]: (mibps * 2 ** 20) / 1e6 },
      },
    }).seconds;
  }

  it('QoS study, NVMe, balanced: 75,000 × 4 MiB at 0.40 × 1.4 GiB/s = 523 s vs 647 s measured, within 35 %', () => {
    const predicted = qosStudyS('balanced', 'nvme-enterprise', 1.4 * 1024, 75_000);
    expect(predicted).toBeCloseTo((75_000 * 4 * 2 ** 20) / (0.4 * 1.4 * 2 ** 30), 6);
    within(predicted, 647, 0.35);
  });

  it('QoS study, NVMe, high_recovery_ops: 0.60 × 1.4 GiB/s → 349 s vs 488 s measured, within 35 %', () => {
    within(qosStudyS('high_recovery_ops', 'nvme-enterprise', 1.4 * 1024, 75_000), 488, 0.35);
  });

  it('QoS study, NVMe, high_client_ops: 0.25 × 1.4 GiB/s → 837 s vs 966 s measured, within 35 %', () => {
    within(qosStudyS('high_client_ops', 'nvme-enterprise', 1.4 * 1024, 75_000), 966, 0.35);
  });

  it('QoS study, HDD with WAL/DB on NVMe, balanced: ~4,000 objects in 966 s; the model is 2-4x optimistic (known gap: per-object HDD cost not modelled)', () => {
    // A 2.5" 7200 rpm SATA drive streams ~115 MB/s (data sheet class); 0.40 × 115 MB/s against the measured 16.5 MiB/s.
    const predicted = qosStudyS('balanced', 'hdd', 115e6 / 2 ** 20, 4000);
    expect(966 / predicted).toBeGreaterThan(2);
    expect(966 / predicted).toBeLessThan(4);
  });
});
