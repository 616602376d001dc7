import type { DiskClass, Plan } from '../../plan/schema';
import { pathBetween, type NetworkPath } from '../network/paths';
import { topologyOf } from '../topology';
import { STORAGE_ASSUMPTIONS, type StorageAssumptions } from './assumptions';
import type { StorageNode } from './inventory';
import type { Placement } from './placement';

/** One copy job: read `bytes` from each source disk, write `bytes` to the target disk. */
export interface Transfer {
  /** Disks read (1 for a replica; k for an erasure-coded chunk, which is decoded from k others). */
  sources: number[];
  target: number;
  bytes: number;
  /** The unit (volume or PG) being copied; Longhorn bounds each volume by one stream. */
  unit: number;
}

export type ResourceKind = 'disk-read' | 'disk-write' | 'link' | 'kubespan' | 'streams' | 'stream';

export interface TransferEstimate {
  /** Time to finish every transfer, s: max over resources of load / capacity (0 when nothing moves). */
  seconds: number;
  bytesWritten: number;
  bytesRead: number;
  /** Bytes sent between nodes (Σ over source→target copies that leave the node). */
  networkBytes: number;
  bottleneck: { id: string; kind: ResourceKind; seconds: number } | null;
  /** Longest single unit, s (Longhorn: one stream per volume). */
  longestUnitS: number;
  /** Units whose own copy takes longer than `ceilingS` (Longhorn's 24 h rebuild limit), if a ceiling applies. */
  unitsOverCeiling: number;
  /** Worst share of a disk's bandwidth left for clients while the copy runs (0-1). */
  clientDiskShareLeft: number;
  /** Worst share of a network link left for other traffic while the copy runs (0-1). */
  networkShareLeft: number;
  /** Some copy traffic goes through KubeSpan (RA-STORAGE-NO-KUBESPAN). */
  crossesKubeSpan: boolean;
  /** Some copy traffic leaves the rack (crosses a ToR uplink). */
  crossesRacks: boolean;
}

export interface TransferOptions {
  assumptions?: Partial<StorageAssumptions>;
  /** Switches down during the copy (`rackId/A`), as in `PathOptions.failedTors`. */
  failedTors?: ReadonlySet<string>;
  /** Per-link capacity multiplier, for what-ifs and tests (default 1). */
  linkScale?: number;
}

/**
 * How long a set of copies takes when they all run at once, as a fluid bottleneck bound: every
 * resource r (disk read, disk write, each network link of each path in each direction, a node's
 * WireGuard crypto, a Longhorn node's concurrent-rebuild slots) carries load_r bytes at capacity
 * c_r bytes/s, so
 *
 *     T = max( max_r load_r / c_r,  max_unit bytes_unit / stream )
 *
 * Capacities: disks at `seqWriteMBps` × the provider's recovery share (Ceph: the mClock profile's
 * recovery share; Longhorn: sync efficiency; Mayastor: its efficiency); links at Gbit/s × 10⁹/8 ×
 * TCP goodput (KubeSpan goodput when the path crosses KubeSpan) from `pathBetween` (network
 * model: NICs, ToR uplinks with their oversubscription, spine, core, WAN), scaled by Longhorn's
 * sync efficiency; a node shared with workloads loses `eastWestGbpsPerNode` of its NIC; KubeSpan
 * adds c = cryptoGBpsPerCore × kubespanCryptoCores per node and direction. Longhorn: each volume
 * is one stream of at most `longhornStreamMBps` (v2: `longhornV2StreamMBps`) and a node runs at
 * most `concurrentRebuildsPerNode` streams. More capacity anywhere never lengthens T.
 */
export function transferTime(plan: Plan, placement: Placement, transfers: Transfer[], options: TransferOptions = {}): TransferEstimate {
  const a = { ...STORAGE_ASSUMPTIONS, ...options.assumptions };
  const s = plan.cluster.storage;
  const topology = topologyOf(plan);
  const inv = placement.inventory;
  const linkScale = options.linkScale ?? 1;
  let diskShare = 1;
  let netShare = 1;
  let streamBps = Infinity;
  let slots = Infinity;
  if (s.provider === 'ceph') diskShare = a.mclockRecoveryShare[s.mclockProfile];
  if (s.provider === 'longhorn') {
    diskShare = a.longhornSyncEfficiency;
    netShare = a.longhornSyncEfficiency;
    streamBps = (s.engine === 'v2' ? a.longhornV2StreamMBps : a.longhornStreamMBps) * 1e6;
    slots = s.concurrentRebuildsPerNode;
  }
  if (s.provider === 'mayastor') { diskShare = a.mayastorRebuildEfficiency; netShare = a.mayastorRebuildEfficiency; }

  const ids = new Map<string, number>();
  const load: number[] = [];
  const cap: number[] = [];
  const raw: number[] = [];
  const kinds: ResourceKind[] = [];
  const names: string[] = [];
  const resource = (id: string, kind: ResourceKind, capacity: number, rawCapacity: number) => {
    let i = ids.get(id);
    if (i === undefined) {
      i = load.length;
      ids.set(id, i);
      load.push(0); cap.push(capacity); raw.push(rawCapacity); kinds.push(kind); names.push(id);
    }
    return i;
  };
  // Resources of each source→target node pair, resolved once: paths and their links repeat across many transfers.
  const pairResources = new Map<string, { links: number[]; crosses: boolean; racks: boolean }>();
  const trackUnits = Number.isFinite(streamBps);
  const unitResources = new Map<number, Set<number>>();
  const unitBytes = new Map<number, number>();
  let bytesWritten = 0, bytesRead = 0, networkBytes = 0;
  let crossesKubeSpan = false, crossesRacks = false;
  const touch = (unit: number, r: number, bytes: number) => {
    load[r] += bytes;
    if (!trackUnits) return;
    let set = unitResources.get(unit);
    if (!set) unitResources.set(unit, (set = new Set()));
    set.add(r);
  };
  const pairOf = (sNode: StorageNode, tNode: StorageNode) => {
    const key = `${sNode.index}>${tNode.index}`;
    let pair = pairResources.get(key);
    if (pair) return pair;
    const path: NetworkPath = pathBetween(topology, sNode.id, tNode.id, { failedTors: options.failedTors });
    const goodput = path.crossesKubeSpan ? a.kubespanGoodput : a.tcpGoodput;
    const half = path.links.length / 2;
    pair = { links: [], crosses: path.crossesKubeSpan, racks: false };
    path.links.forEach((link, i) => {
      if (link.kind === 'tor') pair!.racks = true;
      let gbps = link.gbps * linkScale;
      if (link.kind === 'nic') {
        const nodeAtEnd = i < half ? sNode : tNode;
        if (nodeAtEnd.sharedWithWorkloads) gbps = Math.max(gbps * 0.1, gbps - plan.workload.eastWestGbpsPerNode * linkScale);
      }
      const bps = (gbps * 1e9 / 8) * goodput;
      pair!.links.push(resource(`${link.id}:${i < half ? 'up' : 'down'}`, 'link', bps * netShare, bps));
    });
    if (path.crossesKubeSpan) {
      const crypto = plan.cluster.kubespan.cryptoGBpsPerCore * 1e9 * a.kubespanCryptoCores;
      pair.links.push(resource(`kubespan-tx:${sNode.id}`, 'kubespan', crypto, crypto), resource(`kubespan-rx:${tNode.id}`, 'kubespan', crypto, crypto));
    }
    pairResources.set(key, pair);
    return pair;
  };
  const bandwidth = (d: { class: DiskClass; bandwidthBps: number }) => (a.diskBandwidthMBps[d.class] ?? d.bandwidthBps / 1e6) * 1e6;
  for (const t of transfers) {
    if (t.bytes <= 0) continue;
    const target = inv.disks[t.target];
    const tNode = inv.nodes[target.nodeIndex];
    touch(t.unit, resource(`write:${tNode.id}#${target.slot}`, 'disk-write', bandwidth(target) * diskShare, bandwidth(target)), t.bytes);
    bytesWritten += t.bytes;
    if (trackUnits) unitBytes.set(t.unit, (unitBytes.get(t.unit) ?? 0) + t.bytes);
    if (Number.isFinite(slots)) touch(t.unit, resource(`streams:${tNode.id}`, 'streams', slots * streamBps, slots * streamBps), t.bytes);
    for (const src of t.sources) {
      const sd = inv.disks[src];
      const sNode = inv.nodes[sd.nodeIndex];
      touch(t.unit, resource(`read:${sNode.id}#${sd.slot}`, 'disk-read', bandwidth(sd) * diskShare, bandwidth(sd)), t.bytes);
      bytesRead += t.bytes;
      if (sNode.index === tNode.index) continue;
      const pair = pairOf(sNode, tNode);
      networkBytes += t.bytes;
      if (pair.crosses) crossesKubeSpan = true;
      if (pair.racks) crossesRacks = true;
      for (const r of pair.links) touch(t.unit, r, t.bytes);
    }
  }
  let seconds = 0;
  let bottleneck: TransferEstimate['bottleneck'] = null;
  const resourceSeconds = load.map((l, i) => (cap[i] > 0 ? l / cap[i] : Infinity));
  resourceSeconds.forEach((sec, i) => {
    if (sec > seconds) { seconds = sec; bottleneck = { id: names[i], kind: kinds[i], seconds: sec }; }
  });
  let longestUnitS = 0;
  let over = 0;
  const ceiling = s.provider === 'longhorn' ? a.longhornRebuildCeilingS : Infinity;
  for (const [unit, set] of unitResources) {
    let unitS = (unitBytes.get(unit) ?? 0) / streamBps;
    for (const r of set) unitS = Math.max(unitS, resourceSeconds[r]);
    if (unitS > ceiling) over += 1;
    if (unitS > longestUnitS) longestUnitS = unitS;
    if (unitS > seconds) { seconds = unitS; bottleneck = { id: `stream:${placement.volumes.names[unit] ?? unit}`, kind: 'stream', seconds: unitS }; }
  }
  let diskLeft = 1, netLeft = 1;
  if (seconds > 0) {
    load.forEach((l, i) => {
      const used = l / seconds / raw[i];
      if (kinds[i] === 'disk-read' || kinds[i] === 'disk-write') diskLeft = Math.min(diskLeft, 1 - used);
      else if (kinds[i] === 'link') netLeft = Math.min(netLeft, 1 - used);
    });
  }
  return {
    seconds, bytesWritten, bytesRead, networkBytes, bottleneck, longestUnitS, unitsOverCeiling: over,
    clientDiskShareLeft: Math.max(0, diskLeft), networkShareLeft: Math.max(0, netLeft), crossesKubeSpan, crossesRacks,
  };
}
