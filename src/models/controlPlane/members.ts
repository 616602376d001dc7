import type { Disk, DiskClass, Plan } from '../../plan/schema';
import { diskSpec, etcdDiskIndex, Z99, type DiskSpec } from '../../plan/diskClasses';
import { topologyOf, type NodePlace } from '../topology';

/** One etcd member: a control-plane node with the disk etcd writes to. */
export interface EtcdMember {
  id: string;
  name: string;
  place: NodePlace;
  diskClass: DiskClass;
  /** The etcd disk's figures (class defaults, or its own measurement). */
  disk: DiskSpec;
  /** fdatasync latency: lognormal with this median (ms) and log-space sigma. */
  fsyncMedianMs: number;
  fsyncSigma: number;
}

/** The disk etcd lives on (`etcdDiskIndex`: the first system disk, else the first). */
export function etcdDisk(disks: readonly Disk[]): Disk {
  return disks[etcdDiskIndex(disks)];
}

/**
 * Lognormal parameters of a disk's fsync: median and sigma = ln(p99 / median) / z₀.₉₉, from its
 * class (`src/plan/diskClasses.ts`) or its own fio measurement.
 */
export function fsyncLognormal(spec: Pick<DiskSpec, 'fsyncMedianMs' | 'fsyncP99Ms'>): { medianMs: number; sigma: number } {
  return { medianMs: spec.fsyncMedianMs, sigma: Math.log(spec.fsyncP99Ms / spec.fsyncMedianMs) / Z99 };
}

/**
 * Every control-plane node of the plan as an etcd member, in plan order (Talos runs etcd on each).
 * `classBandwidthMBps` is the plan's per-class bandwidth override (`assumptions.storage.diskBandwidthMBps`).
 */
export function etcdMembers(
  plan: Plan,
  classBandwidthMBps: Partial<Record<DiskClass, number>> = plan.assumptions?.storage?.diskBandwidthMBps ?? {},
): EtcdMember[] {
  const topo = topologyOf(plan);
  return topo.places
    .filter((p) => p.node.role === 'controlplane')
    .map((place) => {
      const d = etcdDisk(place.hardware.disks);
      const disk = diskSpec(d, classBandwidthMBps);
      const { medianMs, sigma } = fsyncLognormal(disk);
      return { id: place.node.id, name: place.node.name, place, diskClass: d.class, disk, fsyncMedianMs: medianMs, fsyncSigma: sigma };
    });
}
