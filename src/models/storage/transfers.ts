import type { DiskClass, FeedId, Plan } from '../../plan/schema';
import { latencyClassOf, liveSwitches, pathLinks, type LatencyClass, type PathLink } from '../network/paths';
import { storageDefaults, type StorageAssumptions } from './assumptions';
import type { Inventory, StorageNode } from './inventory';
import { topologyOf, type Topology } from '../topology';
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
  const routes = routeTable(topologyOf(plan), inv, options.failedTors);
  // Route links are numbered per inventory and failed switches; number them again per call, in
  // the order this call first loads them, so resources come out in the same order as by id.
  let local = new Int32Array(0x100).fill(-1);
  const goodput = plan.cluster.kubespan.enabled ? a.kubespanGoodput : a.tcpGoodput;
  const crypto = plan.cluster.kubespan.cryptoGBpsPerCore * 1e9 * a.kubespanCryptoCores;
  const linkOf = (g: number) => {
    if (g >= local.length) {
      const grown = new Int32Array(Math.max(g + 1, local.length * 2)).fill(-1);
      grown.set(local);
      local = grown;
    }
    if (local[g] >= 0) return local[g];
    if (routes.kind[g] === 'kubespan') return (local[g] = resource(routes.ids[g], 'kubespan', crypto, crypto));
    let gbps = routes.gbps[g] * linkScale;
    if (routes.sharedEnd[g]) gbps = Math.max(gbps * 0.1, gbps - plan.workload.eastWestGbpsPerNode * linkScale);
    const bps = ((gbps * 1e9) / 8) * goodput;
    return (local[g] = resource(routes.ids[g], 'link', bps * netShare, bps));
  };
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
      const pair = routes.pair(sNode, tNode);
      networkBytes += t.bytes;
      if (pair.crosses) crossesKubeSpan = true;
      if (pair.racks) crossesRacks = true;
      for (let i = 0; i < pair.links.length; i++) touch(t.unit, linkOf(pair.links[i]), t.bytes);
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

/** The links a copy from one node to another loads (numbers into its `RouteTable`), and whether it crosses KubeSpan or leaves the rack. */
interface PairRoute {
  links: Int32Array;
  crosses: boolean;
  racks: boolean;
}

/**
 * Every link node-to-node copies on one inventory cross while some switches are down, numbered:
 * its resource id (`rack/tor-A+B:up`), kind, Gbit/s before scaling, and whether a node shared
 * with workloads sits at its end (its NIC then loses the workload's east-west traffic).
 */
interface RouteTable {
  ids: string[];
  kind: Array<'link' | 'kubespan'>;
  gbps: number[];
  sharedEnd: boolean[];
  pair: (sNode: StorageNode, tNode: StorageNode) => PairRoute;
}

/** The lowest tier two nodes share, which decides the links each half of a path climbs (0: a common switch). */
const TIERS: Array<LatencyClass | 'switch'> = ['switch', 'same-node', 'same-rack', 'same-row', 'cross-row', 'cross-room', 'cross-site'];

const routeTables = new WeakMap<Topology, WeakMap<Inventory, Map<string, RouteTable>>>();

/**
 * The route table of an inventory with `failedTors` down, built as pairs are asked for and kept
 * for the inventory: a storage report works through a dozen failures and rebalances of the same
 * inventory, and their copies mostly run between the same node pairs, so each pair's path is
 * resolved once instead of once per estimate. Only capacities (which depend on the estimate's
 * options) are worked out per call.
 */
function routeTable(topology: Topology, inv: Inventory, failedTors: ReadonlySet<string> | undefined): RouteTable {
  let byInventory = routeTables.get(topology);
  if (!byInventory) routeTables.set(topology, (byInventory = new WeakMap()));
  let byFailed = byInventory.get(inv);
  if (!byFailed) byInventory.set(inv, (byFailed = new Map()));
  const key = failedTors && failedTors.size > 0 ? [...failedTors].sort().join(',') : '';
  let table = byFailed.get(key);
  if (!table) byFailed.set(key, (table = buildRouteTable(topology, inv, failedTors && failedTors.size > 0 ? new Set(failedTors) : undefined)));
  return table;
}

/**
 * Resolves the links of node-to-node copies (`pathLinks`, the links of `pathBetween`), per node
 * pair. A path is the source's NIC, the links up from the source's rack to the lowest tier the
 * two nodes share, the links down from there to the target's rack, and the target's NIC. Each
 * half depends only on its own rack, the switches its node can use and that tier, so halves are
 * resolved once per such key and NICs once per node: copies spread over 120 nodes in 60 racks
 * then ask `pathLinks` a few hundred times instead of once per node pair.
 */
function buildRouteTable(topology: Topology, inv: Inventory, failedTors: ReadonlySet<string> | undefined): RouteTable {
  const plan = topology.plan;
  // Places in the plan the estimate was asked about (whose racks and links may differ from the inventory's).
  const placeOf = (n: StorageNode) => topology.placeById.get(n.id) ?? n.place;
  const nodeCount = inv.nodes.length;
  const ids: string[] = [];
  const kind: RouteTable['kind'] = [];
  const gbps: number[] = [];
  const sharedEnd: boolean[] = [];
  const number = new Map<string, number>();
  const linkNumber = (id: string, k: 'link' | 'kubespan', linkGbps: number, shared: boolean) => {
    let g = number.get(id);
    if (g === undefined) {
      g = ids.length;
      number.set(id, g);
      ids.push(id);
      kind.push(k);
      gbps.push(linkGbps);
      sharedEnd.push(shared);
    }
    return g;
  };
  // Node pairs seen so far: a flat table while nodes² stays small (120 storage nodes: 14,400), else a map.
  const table = nodeCount * nodeCount <= 1 << 20 ? new Array<PairRoute | undefined>(nodeCount * nodeCount) : undefined;
  const pairs = new Map<number, PairRoute>();
  const ups = new Map<number, { links: number[]; racks: boolean }>();
  const downs = new Map<number, { links: number[]; racks: boolean }>();
  const nicUp = new Map<number, number>();
  const nicDown = new Map<number, number>();
  // Per node: its live switches, and a number for (rack, live switches) to key path halves by.
  const liveOf = new Map<number, FeedId[]>();
  const sideOf = new Map<number, number>();
  const rackNumber = new Map<string, number>();
  const crosses = plan.cluster.kubespan.enabled;
  const side = (n: StorageNode) => {
    let key = sideOf.get(n.index);
    if (key === undefined) {
      const live = liveSwitches(placeOf(n), failedTors);
      if (!rackNumber.has(n.rackId)) rackNumber.set(n.rackId, rackNumber.size);
      key = rackNumber.get(n.rackId)! * 4 + (live.includes('A') ? 1 : 0) + (live.includes('B') ? 2 : 0);
      liveOf.set(n.index, live);
      sideOf.set(n.index, key);
    }
    return key;
  };
  const linkResource = (link: PathLink, up: boolean, nodeAtEnd: StorageNode | undefined) =>
    linkNumber(`${link.id}:${up ? 'up' : 'down'}`, 'link', link.gbps, !!nodeAtEnd?.sharedWithWorkloads);
  const pair = (sNode: StorageNode, tNode: StorageNode): PairRoute => {
    const pairKey = sNode.index * nodeCount + tNode.index;
    let route = table ? table[pairKey] : pairs.get(pairKey);
    if (route) return route;
    const sideS = side(sNode),
      sideT = side(tNode);
    const liveS = liveOf.get(sNode.index)!,
      liveT = liveOf.get(tNode.index)!;
    // Two nodes of one rack on a common live switch stay on it: no fabric links at all.
    const tier = sNode.rackId === tNode.rackId && liveS.some((t) => liveT.includes(t)) ? 0 : TIERS.indexOf(latencyClassOf(placeOf(sNode), placeOf(tNode)));
    const upKey = sideS * TIERS.length + tier;
    const downKey = sideT * TIERS.length + tier;
    let upHalf = ups.get(upKey),
      downHalf = downs.get(downKey);
    let nicS = nicUp.get(sNode.index),
      nicT = nicDown.get(tNode.index);
    if (!upHalf || !downHalf || nicS === undefined || nicT === undefined) {
      // The links alone: a copy loads them, and their RTT (an override lookup per pair) plays no part.
      const path = pathLinks(placeOf(sNode), placeOf(tNode), failedTors);
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
    const links = [nicS, ...upHalf.links, ...downHalf.links, nicT];
    if (crosses) links.push(linkNumber(`kubespan-tx:${sNode.id}`, 'kubespan', 0, false), linkNumber(`kubespan-rx:${tNode.id}`, 'kubespan', 0, false));
    route = { links: Int32Array.from(links), crosses, racks: upHalf.racks || downHalf.racks };
    if (table) table[pairKey] = route;
    else pairs.set(pairKey, route);
    return route;
  };
  return { ids, kind, gbps, sharedEnd, pair };
}
