import type { Disk, DiskClass } from './schema';

/**
 * What a class of disk does: fdatasync latency as a lognormal distribution (median and p99, ms),
 * sequential write bandwidth and random 4 KiB write IOPS.
 *
 * fsync figures: fio `--fdatasync=1` p99 by class, small writes (src/models/README.md, "Disk classes"):
 * enterprise NVMe with PLP 0.05-0.2 ms; SATA/SAS SSD 0.3-2 ms; consumer NVMe 1-12 ms;
 * network block volume 1-3 ms; 7200 rpm HDD ~8-10 ms median with tails to 60 ms.
 * Medians are set so p99 sits inside the published range. Bandwidth and IOPS are typical data
 * sheet figures of the class (PCIe 4 enterprise NVMe ~3 GB/s sustained write; SATA 6 Gb/s caps
 * at ~520 MB/s; a 7200 rpm HDD streams ~200 MB/s and does ~150-200 random IOPS; a cloud gp3
 * volume defaults to 125 MB/s and 3000 IOPS).
 */
export interface DiskClassSpec {
  label: string;
  fsyncMedianMs: number;
  fsyncP99Ms: number;
  seqWriteMBps: number;
  randWriteIops: number;
  /** Solid state and fast enough for etcd and the API server (RA-CP-DISK). */
  solidState: boolean;
}

export const DISK_CLASSES: Record<DiskClass, DiskClassSpec> = {
  'nvme-enterprise': { label: 'Enterprise NVMe (PLP)', fsyncMedianMs: 0.04, fsyncP99Ms: 0.15, seqWriteMBps: 3000, randWriteIops: 200_000, solidState: true },
  'ssd-sata': { label: 'SATA/SAS SSD', fsyncMedianMs: 0.4, fsyncP99Ms: 1.5, seqWriteMBps: 500, randWriteIops: 40_000, solidState: true },
  'nvme-consumer': { label: 'Consumer NVMe', fsyncMedianMs: 1.5, fsyncP99Ms: 10, seqWriteMBps: 1500, randWriteIops: 50_000, solidState: true },
  network: { label: 'Network block volume', fsyncMedianMs: 1.0, fsyncP99Ms: 3, seqWriteMBps: 125, randWriteIops: 3000, solidState: true },
  hdd: { label: '7200 rpm HDD', fsyncMedianMs: 9, fsyncP99Ms: 60, seqWriteMBps: 200, randWriteIops: 180, solidState: false },
};

/** The z-score of the 99th percentile of a standard normal, used to turn (median, p99) into lognormal sigma. */
export const Z99 = 2.3263478740408408;

/**
 * Index of the disk etcd lives on: Talos keeps etcd in the EPHEMERAL partition of the system
 * disk, so the first `system` disk, or the first disk when none is marked system.
 */
export function etcdDiskIndex(disks: readonly Pick<Disk, 'purpose'>[]): number {
  return Math.max(
    0,
    disks.findIndex((d) => d.purpose === 'system'),
  );
}

/** A disk as the models see it: its class figures, replaced by its own measurement where it has one. */
export interface DiskSpec extends DiskClassSpec {
  /** True when any figure comes from the disk's `measured` block rather than the class. */
  measured: boolean;
}

/**
 * The figures to use for one disk. Precedence: the disk's own measurement (`disk.measured`, e.g.
 * imported from fio), then a plan-wide bandwidth per class (`assumptions.storage.diskBandwidthMBps`),
 * then the class defaults above.
 */
export function diskSpec(disk: Pick<Disk, 'class' | 'measured'>, classBandwidthMBps: Partial<Record<DiskClass, number>> = {}): DiskSpec {
  const base = DISK_CLASSES[disk.class];
  const m = disk.measured;
  return {
    ...base,
    fsyncMedianMs: m?.fsyncP50Ms ?? base.fsyncMedianMs,
    // A lognormal needs p99 ≥ median; a measurement with a lower p99 is treated as a fixed latency.
    fsyncP99Ms: m ? Math.max(m.fsyncP50Ms, m.fsyncP99Ms) : base.fsyncP99Ms,
    seqWriteMBps: m?.seqWriteMBps ?? classBandwidthMBps[disk.class] ?? base.seqWriteMBps,
    randWriteIops: m?.writeIops ?? base.randWriteIops,
    measured: m !== undefined,
  };
}
