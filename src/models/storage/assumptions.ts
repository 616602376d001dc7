import type { DiskClass, StorageSettings } from '../../plan/schema';

/**
 * The numbers the storage models start from that the plan itself does not hold. Each names its
 * source; "measured" means read off a published measurement (named) and checked against others
 * in `test/models/storage/publishedRebuilds.test.ts`; "assumption" means a planning figure with
 * no single published source. Every field can be overridden through `StorageOptions.assumptions`.
 */
export interface StorageAssumptions {
  /**
   * Fastest one Longhorn v1 replica rebuild copies, MB/s (10^6 B/s), however fast disks and network are.
   * Measured: ~100 MB/s on 10 GbE (longhorn/longhorn#1795), 38.8 GiB in 648 s = 64 MB/s on SSD and
   * 10 GbE (longhorn/longhorn#1948); the middle, 80 MB/s. The sparse-file sync copies one snapshot
   * file per stream with a checksum pass, so a single rebuild does not fill a fast link.
   */
  longhornStreamMBps: number;
  /** Same for the v2 (SPDK) engine, MB/s. Assumption: SPDK's user-space copy is not checksum-bound; 4x v1. */
  longhornV2StreamMBps: number;
  /**
   * Share of the slowest disk or link a Longhorn rebuild achieves. Measured: 15 GB in ~6 min over
   * 1 GbE on SSDs while scp moved it in 2 min 45 s (longhorn/longhorn#2053): 165 / 360 ≈ 0.46, so 0.5.
   */
  longhornSyncEfficiency: number;
  /** Longhorn gives up a replica rebuild that runs longer than this, s (longhorn/longhorn#6034: rebuilds over 24 h fail). */
  longhornRebuildCeilingS: number;
  /** Mayastor rebuild copies at disk/network speed (NVMe-oF, no checksum pass). Assumption: 0.8 of the bottleneck. */
  mayastorRebuildEfficiency: number;
  /** Ceph OSD heartbeat grace before an OSD is marked down, s (20 s; src/models/README.md, Sources: Ceph). */
  cephHeartbeatGraceS: number;
  /**
   * Share of an OSD's capacity the mClock scheduler gives recovery, by profile: the plan's Ceph
   * release's figures (`MCLOCK_RECOVERY_SHARE`; Reef+ here: balanced 50 %, high_recovery_ops 70 %,
   * high_client_ops 40 %; src/models/README.md, Sources: Ceph).
   */
  mclockRecoveryShare: Record<'balanced' | 'high_recovery_ops' | 'high_client_ops', number>;
  /** RADOS object size of an RBD image, bytes: 4 MiB (Ceph RBD default `rbd_default_order` 22). */
  cephObjectBytes: number;
  /** Payload share of a link for plain TCP over a 1500 B MTU: 1448 / 1538 (TCP/IP header sizes; src/models/README.md, Sources: WireGuard cost). */
  tcpGoodput: number;
  /** Payload share of a link over KubeSpan (WireGuard) on a 1500 B MTU: 1368 / 1518 (src/models/README.md, Sources: Talos KubeSpan, WireGuard cost). */
  kubespanGoodput: number;
  /**
   * Cores one node gives to WireGuard encryption of rebuild traffic. Assumption: kernel WireGuard
   * handles one peer's flow on about one core (src/models/README.md, Sources: WireGuard cost: a few Gbit/s per core per flow).
   */
  kubespanCryptoCores: number;
  /** Sequential bandwidth of a disk class, MB/s, overriding `diskClasses.ts` (e.g. a measured drive). Empty by default. */
  diskBandwidthMBps: Partial<Record<DiskClass, number>>;
}

export const STORAGE_ASSUMPTIONS: StorageAssumptions = {
  longhornStreamMBps: 80,
  longhornV2StreamMBps: 320,
  longhornSyncEfficiency: 0.5,
  longhornRebuildCeilingS: 24 * 3600,
  mayastorRebuildEfficiency: 0.8,
  cephHeartbeatGraceS: 20,
  mclockRecoveryShare: { balanced: 0.5, high_recovery_ops: 0.7, high_client_ops: 0.4 },
  cephObjectBytes: 4 * 2 ** 20,
  tcpGoodput: 1448 / 1538,
  kubespanGoodput: 1368 / 1518,
  kubespanCryptoCores: 1,
  diskBandwidthMBps: {},
};

export type MclockProfile = 'balanced' | 'high_recovery_ops' | 'high_client_ops';

/**
 * Share of an OSD's capacity mClock's built-in profiles reserve for recovery, by Ceph release.
 * Quincy 17.2.0-17.2.6: balanced 40 %, high_recovery_ops 60 %, high_client_ops 25 % (the profile
 * table of Ceph's QoS study, ceph.io/community/qos-study-with-mclock-and-wpq-schedulers); Reef and
 * Squid: 50 / 70 / 40 % (docs.ceph.com/en/reef/rados/configuration/mclock-config-ref). Quincy 17.2.7
 * took Reef's allocations (ceph/ceph#49973), so a plan on it should say `reef`
 * (src/models/README.md, Storage versions and Sources: Ceph).
 */
export const MCLOCK_RECOVERY_SHARE: Record<Extract<StorageSettings, { provider: 'ceph' }>['release'], Record<MclockProfile, number>> = {
  quincy: { balanced: 0.4, high_recovery_ops: 0.6, high_client_ops: 0.25 },
  reef: { balanced: 0.5, high_recovery_ops: 0.7, high_client_ops: 0.4 },
  squid: { balanced: 0.5, high_recovery_ops: 0.7, high_client_ops: 0.4 },
};

/**
 * Fastest one Longhorn v1 replica rebuild copies, MB/s, by release. 1.0-1.1: 64 MB/s, measured on
 * v1.1 with SSDs and 10 GbE (38.8 GiB in 648 s, longhorn/longhorn#1948), where the checksum pass ran
 * before each chunk's transfer; from 1.1.2 the checksums run concurrently with the transfer (the
 * #1948 fix), and the ~100 MB/s per-stream ceiling of longhorn/longhorn#1795 applies: 80 MB/s, the
 * middle. Later releases change delta rebuilds (1.4 fast replica rebuilding skips unchanged
 * snapshots), not a full rebuild after a node loss, so they keep 80.
 */
export function longhornStreamMBps(version: string): number {
  return version === '1.0' || version === '1.1' ? 64 : 80;
}

/** The defaults for a plan's storage settings: the table above with its provider release's figures. */
export function storageDefaults(s: StorageSettings): StorageAssumptions {
  if (s.provider === 'ceph') return { ...STORAGE_ASSUMPTIONS, mclockRecoveryShare: MCLOCK_RECOVERY_SHARE[s.release] };
  if (s.provider === 'longhorn') return { ...STORAGE_ASSUMPTIONS, longhornStreamMBps: longhornStreamMBps(s.version) };
  return STORAGE_ASSUMPTIONS;
}
