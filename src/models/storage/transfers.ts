import type { DiskClass, FeedId, Plan } from '../../plan/schema';
import { latencyClassOf, liveSwitches, pathBetween, type LatencyClass, type NetworkPath, type PathLink } from '../network/paths';
import { topologyOf, type Topology } from '../topology';
import { storageDefaults, type StorageAssumptions } from './assumptions';
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
  const s = plan.cluster.storage;
  const a = { ...storageDefaults(s), ...options.assumptions };
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
  if (s.provider === 'mayastor') {
    diskShare = a.mayastorRebuildEfficiency;
    netShare = a.mayastorRebuildEfficiency;
  }

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
      load.push(0);
      cap.push(capacity);
      raw.push(rawCapacity);
      kinds.push(kind);
      names.push(id);
    }
    return i;
  };
  const trackUnits = Number.isFinite(streamBps);
  const unitResources = new Map<number, Set<number>>();
  const unitBytes = new Map<number, number>();
  let bytesWritten = 0,
    bytesRead = 0,
    networkBytes = 0;
  let crossesKubeSpan = false,
    crossesRacks = false;
  const touch = (unit: number, r: number, bytes: number) => {
    load[r] += bytes;
    if (!trackUnits) return;
    let set = unitResources.get(unit);
    if (!set) unitResources.set(unit, (set = new Set()));
    set.add(r);
  };
  // diskSpec's precedence: a disk's own measured bandwidth, then the plan's per-class figure, then the class.
  const bandwidth = (d: { class: DiskClass; bandwidthBps: number; bandwidthMeasured: boolean }) =>
    d.bandwidthMeasured ? d.bandwidthBps : (a.diskBandwidthMBps[d.class] ?? d.bandwidthBps / 1e6) * 1e6;
  // Resource numbers by disk, node and node pair, resolved on first use (so resources are numbered
  // in the same order as by id): a rebuild has thousands of transfers over a few hundred disks.
  const readOf = new Int32Array(inv.disks.length).fill(-1);
  const writeOf = new Int32Array(inv.disks.length).fill(-1);
  const streamsOf = new Int32Array(inv.nodes.length).fill(-1);
  const fabric = fabricResources(plan, topology, inv.nodes.length, options.failedTors, linkScale, netShare, a, resource);
  for (const t of transfers) {
    if (t.bytes <= 0) continue;
    const target = inv.disks[t.target];
    const tNode = inv.nodes[target.nodeIndex];
    if (writeOf[t.target] < 0) writeOf[t.target] = resource(`write:${tNode.id}#${target.slot}`, 'disk-write', bandwidth(target) * diskShare, bandwidth(target));
    touch(t.unit, writeOf[t.target], t.bytes);
    bytesWritten += t.bytes;
    if (trackUnits) unitBytes.set(t.unit, (unitBytes.get(t.unit) ?? 0) + t.bytes);
    if (Number.isFinite(slots)) {
      if (streamsOf[tNode.index] < 0) streamsOf[tNode.index] = resource(`streams:${tNode.id}`, 'streams', slots * streamBps, slots * streamBps);
      touch(t.unit, streamsOf[tNode.index], t.bytes);
    }
    for (const src of t.sources) {
      const sd = inv.disks[src];
      const sNode = inv.nodes[sd.nodeIndex];
      if (readOf[src] < 0) readOf[src] = resource(`read:${sNode.id}#${sd.slot}`, 'disk-read', bandwidth(sd) * diskShare, bandwidth(sd));
      touch(t.unit, readOf[src], t.bytes);
      bytesRead += t.bytes;
      if (sNode.index === tNode.index) continue;
      const pair = fabric(sNode, tNode);
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
    if (sec > seconds) {
      seconds = sec;
      bottleneck = { id: names[i], kind: kinds[i], seconds: sec };
    }
  });
  let longestUnitS = 0;
  let over = 0;
  const ceiling = s.provider === 'longhorn' ? a.longhornRebuildCeilingS : Infinity;
  for (const [unit, set] of unitResources) {
    let unitS = (unitBytes.get(unit) ?? 0) / streamBps;
    for (const r of set) unitS = Math.max(unitS, resourceSeconds[r]);
    if (unitS > ceiling) over += 1;
    if (unitS > longestUnitS) longestUnitS = unitS;
    if (unitS > seconds) {
      seconds = unitS;
      bottleneck = { id: `stream:${placement.volumes.names[unit] ?? unit}`, kind: 'stream', seconds: unitS };
    }
  }
  let diskLeft = 1,
    netLeft = 1;
  if (seconds > 0) {
    load.forEach((l, i) => {
      const used = l / seconds / raw[i];
      if (kinds[i] === 'disk-read' || kinds[i] === 'disk-write') diskLeft = Math.min(diskLeft, 1 - used);
      else if (kinds[i] === 'link') netLeft = Math.min(netLeft, 1 - used);
    });
  }
  return {
    seconds,
    bytesWritten,
    bytesRead,
    networkBytes,
    bottleneck,
    longestUnitS,
    unitsOverCeiling: over,
    clientDiskShareLeft: Math.max(0, diskLeft),
    networkShareLeft: Math.max(0, netLeft),
    crossesKubeSpan,
    crossesRacks,
  };
}

/** The network resources a copy from one node to another loads, and whether it crosses KubeSpan or leaves the rack. */
interface PairResources {
  links: number[];
  crosses: boolean;
  racks: boolean;
}

type ResourceOf = (id: string, kind: ResourceKind, capacity: number, rawCapacity: number) => number;

/** The lowest tier two nodes share, which decides the links each half of a path climbs (0: a common switch). */
const TIERS: Array<LatencyClass | 'switch'> = ['switch', 'same-node', 'same-rack', 'same-row', 'cross-row', 'cross-room', 'cross-site'];

/**
 * Resolves the links of node-to-node copies (`pathBetween`) to resource numbers, per node pair.
 * A path is the source's NIC, the links up from the source's rack to the lowest tier the two
 * nodes share, the links down from there to the target's rack, and the target's NIC. Each half
 * depends only on its own rack, the switches its node can use and that tier, so halves are
 * resolved once per such key and NICs once per node: a rebuild spread over 120 nodes in 60 racks
 * then asks `pathBetween` a few hundred times instead of once per node pair. Resources are created
 * in the order of the path's links, as resolving each pair's path in full would.
 */
function fabricResources(
  plan: Plan,
  topology: Topology,
  nodeCount: number,
  failedTors: ReadonlySet<string> | undefined,
  linkScale: number,
  netShare: number,
  a: StorageAssumptions,
  resource: ResourceOf,
): (sNode: StorageNode, tNode: StorageNode) => PairResources {
  // Node pairs seen so far: a flat table while nodes² stays small (120 storage nodes: 14,400), else a map.
  const table = nodeCount * nodeCount <= 1 << 20 ? new Array<PairResources | undefined>(nodeCount * nodeCount) : undefined;
  const pairs = new Map<number, PairResources>();
  const ups = new Map<number, { links: number[]; racks: boolean }>();
  const downs = new Map<number, { links: number[]; racks: boolean }>();
  const nicUp = new Map<number, number>();
  const nicDown = new Map<number, number>();
  // Per node: its live switches, and a number for (rack, live switches) to key path halves by.
  const liveOf = new Map<number, FeedId[]>();
  const sideOf = new Map<number, number>();
  const rackNumber = new Map<string, number>();
  const crosses = plan.cluster.kubespan.enabled;
  const goodput = crosses ? a.kubespanGoodput : a.tcpGoodput;
  const side = (n: StorageNode) => {
    let key = sideOf.get(n.index);
    if (key === undefined) {
      const live = liveSwitches(n.place, failedTors);
      if (!rackNumber.has(n.rackId)) rackNumber.set(n.rackId, rackNumber.size);
      key = rackNumber.get(n.rackId)! * 4 + (live.includes('A') ? 1 : 0) + (live.includes('B') ? 2 : 0);
      liveOf.set(n.index, live);
      sideOf.set(n.index, key);
    }
    return key;
  };
  const linkResource = (link: PathLink, up: boolean, nodeAtEnd: StorageNode | undefined) => {
    let gbps = link.gbps * linkScale;
    if (nodeAtEnd?.sharedWithWorkloads) gbps = Math.max(gbps * 0.1, gbps - plan.workload.eastWestGbpsPerNode * linkScale);
    const bps = ((gbps * 1e9) / 8) * goodput;
    return resource(`${link.id}:${up ? 'up' : 'down'}`, 'link', bps * netShare, bps);
  };
  return (sNode, tNode) => {
    const pairKey = sNode.index * nodeCount + tNode.index;
    let pair = table ? table[pairKey] : pairs.get(pairKey);
    if (pair) return pair;
    const sideS = side(sNode),
      sideT = side(tNode);
    const liveS = liveOf.get(sNode.index)!,
      liveT = liveOf.get(tNode.index)!;
    // Two nodes of one rack on a common live switch stay on it: no fabric links at all.
    const tier = sNode.rackId === tNode.rackId && liveS.some((t) => liveT.includes(t)) ? 0 : TIERS.indexOf(latencyClassOf(sNode.place, tNode.place));
    const upKey = sideS * TIERS.length + tier;
    const downKey = sideT * TIERS.length + tier;
    let upHalf = ups.get(upKey),
      downHalf = downs.get(downKey);
    let nicS = nicUp.get(sNode.index),
      nicT = nicDown.get(tNode.index);
    if (!upHalf || !downHalf || nicS === undefined || nicT === undefined) {
      const path: NetworkPath = pathBetween(topology, sNode.id, tNode.id, { failedTors });
      const half = path.links.length / 2;
      const last = path.links.length - 1;
      const halfOf = (from: number, to: number, up: boolean) => {
        const h = { links: [] as number[], racks: false };
        for (let i = from; i < to; i++) {
          if (path.links[i].kind === 'tor') h.racks = true;
          h.links.push(linkResource(path.links[i], up, undefined));
        }
        return h;
      };
      nicS ??= linkResource(path.links[0], true, sNode);
      nicUp.set(sNode.index, nicS);
      if (!upHalf) ups.set(upKey, (upHalf = halfOf(1, half, true)));
      if (!downHalf) downs.set(downKey, (downHalf = halfOf(half, last, false)));
      nicT ??= linkResource(path.links[last], false, tNode);
      nicDown.set(tNode.index, nicT);
    }
    pair = { links: [nicS, ...upHalf.links, ...downHalf.links, nicT], crosses, racks: upHalf.racks || downHalf.racks };
    if (crosses) {
      const crypto = plan.cluster.kubespan.cryptoGBpsPerCore * 1e9 * a.kubespanCryptoCores;
      pair.links.push(resource(`kubespan-tx:${sNode.id}`, 'kubespan', crypto, crypto), resource(`kubespan-rx:${tNode.id}`, 'kubespan', crypto, crypto));
    }
    if (table) table[pairKey] = pair;
    else pairs.set(pairKey, pair);
    return pair;
  };
}
