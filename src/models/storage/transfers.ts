import type { DiskClass, Plan } from '../../plan/schema';
import { storageDefaults, type StorageAssumptions } from './assumptions';
import { topologyOf } from '../topology';
import type { Placement } from './placement';
import { routeTable } from './routeTable';
import { TransferList } from './transferList';
import { volumeName } from './volumes';

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
export function transferTime(plan: Plan, placement: Placement, transfers: readonly Transfer[] | TransferList, options: TransferOptions = {}): TransferEstimate {
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

  // Resources in first-use order. Every id is keyed once by number below (disk, node, link id),
  // so they are appended without a lookup by id: a report of the 5,000-node plan registers about
  // 15,000 resources over its estimates, and a map of their id strings was most of this
  // function's garbage. Loads are a typed array because `load[r] += bytes` runs for every link of
  // every copy's route (about 23,000 routes per report).
  let resources = 0;
  let load = new Float64Array(256);
  let cap = new Float64Array(256);
  let raw = new Float64Array(256);
  const kinds: ResourceKind[] = [];
  // What each resource is named by: a disk, a node or a route link number. Only the bottleneck's
  // id is ever shown, so ids are written for it alone instead of a string per resource.
  const nameOf: number[] = [];
  const resource = (nameArg: number, kind: ResourceKind, capacity: number, rawCapacity: number) => {
    const i = resources++;
    if (i === load.length) {
      load = grown(load);
      cap = grown(cap);
      raw = grown(raw);
    }
    cap[i] = capacity;
    raw[i] = rawCapacity;
    kinds.push(kind);
    nameOf.push(nameArg);
    return i;
  };
  const trackUnits = Number.isFinite(streamBps);
  const unitResources = new Map<number, Set<number>>();
  const unitBytes = new Map<number, number>();
  // Bytes written, read and sent, summed in a typed array rather than in locals: V8 boxed each
  // local sum on every += in the copy loop (two heap numbers per route, 0.6 MB per report of the
  // 5,000-node plan, measured with the sampling heap profiler).
  const sums = new Float64Array(3);
  let crossesKubeSpan = false,
    crossesRacks = false;
  // Longhorn bounds each volume by its stream, so it needs the resources each unit touched.
  const touchUnit = (unit: number, r: number) => {
    let set = unitResources.get(unit);
    if (!set) unitResources.set(unit, (set = new Set()));
    set.add(r);
  };
  // diskSpec's precedence: a disk's own measured bandwidth, then the plan's per-class figure, then the class.
  // The per-class figures are read from a Map, not as `record[d.class]`: Chromium's V8 optimised
  // that keyed read for the class name it had seen and dropped the optimised code ("unexpected
  // name in keyed access") when the name came as another string, as it does in every plan a
  // worker receives by message, even for the same class. In most fresh workers this repeated
  // about 140 times in 50 cold evaluates of the 5,000-node plan (one class, nvme-enterprise), and
  // those workers took 70-76 ms per evaluate against 47-50 ms in the others; now every worker
  // takes 49-52 ms (10 fresh Web Workers, `--log-deopt`).
  const classMBps = new Map(Object.entries(a.diskBandwidthMBps) as Array<[DiskClass, number | undefined]>);
  const bandwidth = (d: { class: DiskClass; bandwidthBps: number; bandwidthMeasured: boolean }) =>
    d.bandwidthMeasured ? d.bandwidthBps : (classMBps.get(d.class) ?? d.bandwidthBps / 1e6) * 1e6;
  // Resource numbers by disk, node and node pair, resolved on first use (so resources are numbered
  // in the same order as by id): a rebuild has thousands of transfers over a few hundred disks.
  const readOf = new Int32Array(inv.disks.length).fill(-1);
  const writeOf = new Int32Array(inv.disks.length).fill(-1);
  const streamsOf = new Int32Array(inv.nodes.length).fill(-1);
  const routes = routeTable(topologyOf(plan), inv);
  const failedTors = options.failedTors && options.failedTors.size > 0 ? options.failedTors : undefined;
  const masks = routes.liveMasks(failedTors);
  const pieces = new Int32Array(6);
  // Route links are numbered per inventory; their ids get a resource per call, in the order this
  // call first loads them, so resources come out in the same order as by id.
  let local = new Int32Array(Math.max(0x100, routes.linkIds)).fill(-1);
  // A copy's route is a few pieces many copies share (NICs, the halves up from and down to a
  // rack: `RouteTable.pieces`). Bytes are added per piece, numbered here in order of first use,
  // and onto the pieces' links once at the end: about 4 additions per copy instead of one per
  // link. A piece's links get their resources when it is first used, which is when a walk link
  // by link would first reach them, so resources keep their order.
  let pieceOf = new Int32Array(Math.max(0x100, routes.pieceCount)).fill(-1);
  let pieceLoad = new Float64Array(256);
  const usedPieces: number[] = [];
  const goodput = plan.cluster.kubespan.enabled ? a.kubespanGoodput : a.tcpGoodput;
  const crypto = plan.cluster.kubespan.cryptoGBpsPerCore * 1e9 * a.kubespanCryptoCores;
  const linkResource = (g: number) => {
    if (routes.kind[g] === 'kubespan') return resource(g, 'kubespan', crypto, crypto);
    let gbps = routes.gbps[g] * linkScale;
    if (routes.sharedEnd[g]) gbps = Math.max(gbps * 0.1, gbps - plan.workload.eastWestGbpsPerNode * linkScale);
    const bps = ((gbps * 1e9) / 8) * goodput;
    return resource(g, 'link', bps * netShare, bps);
  };
  const list = transfers instanceof TransferList ? transfers : TransferList.of(transfers);
  const { sources, sourceStart } = list;
  for (let t = 0; t < list.count; t++) {
    const bytes = list.bytes[t];
    if (bytes <= 0) continue;
    const unit = list.unit[t];
    const targetDisk = list.target[t];
    const target = inv.disks[targetDisk];
    const tNode = inv.nodes[target.nodeIndex];
    if (writeOf[targetDisk] < 0) writeOf[targetDisk] = resource(targetDisk, 'disk-write', bandwidth(target) * diskShare, bandwidth(target));
    load[writeOf[targetDisk]] += bytes;
    if (trackUnits) touchUnit(unit, writeOf[targetDisk]);
    sums[0] += bytes;
    if (trackUnits) unitBytes.set(unit, (unitBytes.get(unit) ?? 0) + bytes);
    if (Number.isFinite(slots)) {
      if (streamsOf[tNode.index] < 0) streamsOf[tNode.index] = resource(tNode.index, 'streams', slots * streamBps, slots * streamBps);
      load[streamsOf[tNode.index]] += bytes;
      if (trackUnits) touchUnit(unit, streamsOf[tNode.index]);
    }
    for (let j = sourceStart[t]; j < sourceStart[t + 1]; j++) {
      const src = sources[j];
      const sd = inv.disks[src];
      const sNode = inv.nodes[sd.nodeIndex];
      if (readOf[src] < 0) readOf[src] = resource(src, 'disk-read', bandwidth(sd) * diskShare, bandwidth(sd));
      load[readOf[src]] += bytes;
      if (trackUnits) touchUnit(unit, readOf[src]);
      sums[1] += bytes;
      if (sNode.index === tNode.index) continue;
      const count = routes.pieces(sNode.index, tNode.index, masks, failedTors, pieces);
      sums[2] += bytes;
      if (routes.crosses) crossesKubeSpan = true;
      if (routes.lastLeavesRack) crossesRacks = true;
      for (let i = 0; i < count; i++) {
        const p = pieces[i];
        if (p >= pieceOf.length) pieceOf = grownUnset(pieceOf, p);
        let k = pieceOf[p];
        if (k < 0) {
          k = pieceOf[p] = usedPieces.length;
          usedPieces.push(p);
          if (k === pieceLoad.length) pieceLoad = grown(pieceLoad);
          for (let j = routes.pieceStart[p]; j < routes.pieceStart[p + 1]; j++) {
            const g = routes.pieceLinks[j];
            const idNo = routes.idNo[g];
            if (idNo >= local.length) local = grownUnset(local, idNo);
            if (local[idNo] < 0) local[idNo] = linkResource(g);
          }
        }
        pieceLoad[k] += bytes;
        if (trackUnits) for (let j = routes.pieceStart[p]; j < routes.pieceStart[p + 1]; j++) touchUnit(unit, local[routes.idNo[routes.pieceLinks[j]]]);
      }
    }
  }
  for (let k = 0; k < usedPieces.length; k++) {
    const p = usedPieces[k];
    for (let j = routes.pieceStart[p]; j < routes.pieceStart[p + 1]; j++) load[local[routes.idNo[routes.pieceLinks[j]]]] += pieceLoad[k];
  }
  // Resource ids as before: `read:node#slot`, `write:node#slot`, `streams:node`, or the route link's id.
  const resourceId = (kind: ResourceKind, arg: number): string => {
    if (kind === 'disk-read' || kind === 'disk-write') {
      const d = inv.disks[arg];
      return `${kind === 'disk-read' ? 'read' : 'write'}:${inv.nodes[d.nodeIndex].id}#${d.slot}`;
    }
    return kind === 'streams' ? `streams:${inv.nodes[arg].id}` : routes.ids[arg];
  };
  let seconds = 0;
  let bottleneck: TransferEstimate['bottleneck'] = null;
  const resourceSeconds = new Float64Array(resources);
  for (let i = 0; i < resources; i++) resourceSeconds[i] = cap[i] > 0 ? load[i] / cap[i] : Infinity;
  resourceSeconds.forEach((sec, i) => {
    if (sec > seconds) {
      seconds = sec;
      bottleneck = { id: resourceId(kinds[i], nameOf[i]), kind: kinds[i], seconds: sec };
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
      bottleneck = { id: `stream:${volumeName(placement.volumes, unit) ?? unit}`, kind: 'stream', seconds: unitS };
    }
  }
  let diskLeft = 1,
    netLeft = 1;
  if (seconds > 0) {
    for (let i = 0; i < resources; i++) {
      const used = load[i] / seconds / raw[i];
      if (kinds[i] === 'disk-read' || kinds[i] === 'disk-write') diskLeft = Math.min(diskLeft, 1 - used);
      else if (kinds[i] === 'link') netLeft = Math.min(netLeft, 1 - used);
    }
  }
  return {
    seconds,
    bytesWritten: sums[0],
    bytesRead: sums[1],
    networkBytes: sums[2],
    bottleneck,
    longestUnitS,
    unitsOverCeiling: over,
    clientDiskShareLeft: Math.max(0, diskLeft),
    networkShareLeft: Math.max(0, netLeft),
    crossesKubeSpan,
    crossesRacks,
  };
}

/** `a` in an array long enough for index `i` (at least twice as long), new entries -1 (unset). */
function grownUnset(a: Int32Array<ArrayBuffer>, i: number): Int32Array<ArrayBuffer> {
  const more = new Int32Array(Math.max(i + 1, a.length * 2)).fill(-1);
  more.set(a);
  return more;
}

/** `a` in an array twice its length. */
function grown(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const more = new Float64Array(a.length * 2);
  more.set(a);
  return more;
}
