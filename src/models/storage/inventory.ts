import { diskSpec } from '../../plan/diskClasses';
import type { DiskClass, Plan } from '../../plan/schema';
import { topologyOf, topologyWithAppendedNodes, type NodePlace } from '../topology';

/** One disk the storage provider uses (a Ceph OSD, a Longhorn/Mayastor disk, a local-path directory). */
export interface StorageDisk {
  /** Index in `Inventory.disks`. */
  index: number;
  nodeIndex: number;
  /** Position among the node's storage disks. */
  slot: number;
  class: DiskClass;
  capacityBytes: number;
  /** Sustained sequential bandwidth, bytes/s (`diskClasses.ts` seqWriteMBps; reads assumed at least as fast). */
  bandwidthBps: number;
  /** True when the bandwidth is the disk's own measurement (fio), which a plan-wide per-class figure must not replace. */
  bandwidthMeasured: boolean;
}

/** A node that holds storage-provider data, with the ids of every failure domain it sits in. */
export interface StorageNode {
  index: number;
  id: string;
  place: NodePlace;
  rackId: string;
  rowId: string;
  roomId: string;
  siteId: string;
  /** `topology.kubernetes.io/zone`, or undefined when the node has no zone label. */
  zone: string | undefined;
  disks: StorageDisk[];
  capacityBytes: number;
  /** Runs regular workloads too (not a dedicated, tainted storage node; RA-STORAGE-DEDICATED). */
  sharedWithWorkloads: boolean;
}

export interface Inventory {
  /** The plan the inventory was taken from, so failure sets can be resolved against it. */
  plan: Plan;
  nodes: StorageNode[];
  disks: StorageDisk[];
  rawBytes: number;
  /** How the nodes were chosen, for the report's notes. */
  basis: 'storage-nodes' | 'data-disks' | 'workers' | 'none';
}

/** Failure domains a provider can separate replicas across; `zone` is the Kubernetes zone label. */
export type DomainLevel = 'disk' | 'host' | 'zone' | 'rack' | 'row' | 'room' | 'datacenter';

/** The id of the failure domain of `level` a node sits in (`zone` falls back to the node itself when unlabelled). */
export function domainOf(node: StorageNode, level: Exclude<DomainLevel, 'disk'>): string {
  switch (level) {
    case 'host':
      return node.id;
    case 'zone':
      return node.zone ?? `node:${node.id}`;
    case 'rack':
      return node.rackId;
    case 'row':
      return node.rowId;
    case 'room':
      return node.roomId;
    case 'datacenter':
      return node.siteId;
  }
}

const GB = 1e9;
const cache = new WeakMap<Plan, Inventory>();

/**
 * The nodes and disks the plan's storage provider uses. Replicated providers (Longhorn, Ceph,
 * Mayastor) use the `storage`-role nodes' data disks; with no storage nodes they run
 * hyperconverged on any node with data disks. Local Path uses the workers' disks (data disks if
 * any, else system disks), since a local-path volume lives where its pod runs.
 * Capacity is the disk's marketed capacityGB × 10^9 bytes.
 */
export function storageInventory(plan: Plan): Inventory {
  const hit = cache.get(plan);
  if (hit) return hit;
  const topology = topologyOf(plan);
  const provider = plan.cluster.storage.provider;
  let chosen: NodePlace[] = [];
  let basis: Inventory['basis'] = 'none';
  if (provider === 'local-path') {
    chosen = topology.places.filter((p) => p.node.role === 'worker' || (p.node.role === 'controlplane' && plan.cluster.allowSchedulingOnControlPlanes));
    basis = 'workers';
  } else if (provider !== 'none') {
    chosen = topology.places.filter((p) => p.node.role === 'storage' && hasData(p));
    basis = 'storage-nodes';
    if (chosen.length === 0) {
      chosen = topology.places.filter(hasData);
      basis = chosen.length ? 'data-disks' : 'none';
    }
  }
  const nodes: StorageNode[] = [];
  const disks: StorageDisk[] = [];
  for (const place of chosen) addStorageNode(place, provider, nodes, disks);
  const inventory: Inventory = { plan, nodes, disks, rawBytes: disks.reduce((s, d) => s + d.capacityBytes, 0), basis };
  cache.set(plan, inventory);
  return inventory;
}

const hasData = (p: NodePlace) => p.hardware.disks.some((d) => d.purpose === 'data');

/** Appends the storage node at `place`, with its disks of the purpose the provider uses, unless it has none. */
function addStorageNode(place: NodePlace, provider: Plan['cluster']['storage']['provider'], nodes: StorageNode[], disks: StorageDisk[]): void {
  const wanted = provider === 'local-path' && !hasData(place) ? 'system' : 'data';
  const node: StorageNode = {
    index: nodes.length,
    id: place.node.id,
    place,
    rackId: place.rack.id,
    rowId: place.row.id,
    roomId: place.room.id,
    siteId: place.site.id,
    zone: place.node.labels['topology.kubernetes.io/zone'] || undefined,
    disks: [],
    capacityBytes: 0,
    sharedWithWorkloads: place.node.role !== 'storage' || !place.node.taints.some((t) => t.effect !== 'PreferNoSchedule'),
  };
  for (const d of place.hardware.disks) {
    if (d.purpose !== wanted) continue;
    const bandwidthBps = diskSpec(d).seqWriteMBps * 1e6;
    for (let i = 0; i < d.count; i++) {
      const disk: StorageDisk = {
        index: disks.length,
        nodeIndex: node.index,
        slot: node.disks.length,
        class: d.class,
        capacityBytes: d.capacityGB * GB,
        bandwidthBps,
        bandwidthMeasured: d.measured?.seqWriteMBps !== undefined,
      };
      disks.push(disk);
      node.disks.push(disk);
      node.capacityBytes += disk.capacityBytes;
    }
  }
  if (node.disks.length > 0) nodes.push(node);
}

/**
 * The inventory of `extended`, a copy of `base` with nodes appended and nothing else changed (as
 * storage rebalancing builds), from `base`'s inventory: its nodes and disks are kept as they are
 * and only the appended nodes are looked at, so asking "what if one more storage node" of a
 * 5,000-node plan does not sift the other 5,000 again. Equal to `storageInventory(extended)`;
 * when the new nodes could change which rule picks the nodes (the first storage-role node of a
 * hyperconverged plan), it is `storageInventory(extended)`. Cached for `extended` as that is.
 */
export function inventoryWithAppendedNodes(base: Plan, extended: Plan): Inventory {
  const hit = cache.get(extended);
  if (hit) return hit;
  const from = storageInventory(base);
  const topology = topologyWithAppendedNodes(base, extended);
  const added = topology.places.slice(base.nodes.length);
  const isStorage = (p: NodePlace) => p.node.role === 'storage' && hasData(p);
  const pick: ((p: NodePlace) => boolean) | null =
    from.basis === 'storage-nodes'
      ? isStorage
      : from.basis === 'workers'
        ? (p) => p.node.role === 'worker' || (p.node.role === 'controlplane' && extended.cluster.allowSchedulingOnControlPlanes)
        : from.basis === 'data-disks' && !added.some(isStorage)
          ? hasData
          : null;
  // The old nodes must sit at the same places in the extended plan's topology.
  if (!pick || from.nodes.some((n) => topology.places[n.place.index] !== n.place)) return storageInventory(extended);
  const nodes = from.nodes.slice();
  const disks = from.disks.slice();
  for (const place of added) if (pick(place)) addStorageNode(place, extended.cluster.storage.provider, nodes, disks);
  let rawBytes = from.rawBytes;
  for (let d = from.disks.length; d < disks.length; d++) rawBytes += disks[d].capacityBytes;
  const inventory: Inventory = { plan: extended, nodes, disks, rawBytes, basis: from.basis };
  cache.set(extended, inventory);
  return inventory;
}
