import type { Disk, DiskClass, Plan } from '../../plan/schema';
import { DISK_CLASSES, Z99 } from '../../plan/diskClasses';
import { topologyOf, type NodePlace } from '../topology';

/** One etcd member: a control-plane node with the disk etcd writes to. */
export interface EtcdMember {
  id: string;
  name: string;
  place: NodePlace;
  diskClass: DiskClass;
  /** fdatasync latency: lognormal with this median (ms) and log-space sigma. */
  fsyncMedianMs: number;
  fsyncSigma: number;
}

/**
 * The disk etcd lives on: Talos keeps etcd in the EPHEMERAL partition of the system disk, so the
 * first `system` disk (or the first disk when none is marked system).
 */
export function etcdDisk(disks: readonly Disk[]): Disk {
  return disks.find((d) => d.purpose === 'system') ?? disks[0];
}

/**
 * Lognormal parameters of a disk class's fsync: median from the class, sigma = ln(p99 / median) / z₀.₉₉
 * (`src/plan/diskClasses.ts`, fio `--fdatasync=1` figures in model-facts).
 */
export function fsyncLognormal(diskClass: DiskClass): { medianMs: number; sigma: number } {
  const spec = DISK_CLASSES[diskClass];
  return { medianMs: spec.fsyncMedianMs, sigma: Math.log(spec.fsyncP99Ms / spec.fsyncMedianMs) / Z99 };
}

/** Every control-plane node of the plan as an etcd member, in plan order (Talos runs etcd on each). */
export function etcdMembers(plan: Plan): EtcdMember[] {
  const topo = topologyOf(plan);
  return topo.places.filter((p) => p.node.role === 'controlplane').map((place) => {
    const diskClass = etcdDisk(place.hardware.disks).class;
    const { medianMs, sigma } = fsyncLognormal(diskClass);
    return { id: place.node.id, name: place.node.name, place, diskClass, fsyncMedianMs: medianMs, fsyncSigma: sigma };
  });
}
