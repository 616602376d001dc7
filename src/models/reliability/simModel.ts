import type { FeedId, Plan } from '../../plan/schema';
import { quorumSize } from '../controlPlane/quorum';
import { storageAssumptions } from '../evaluate';
import { resolveFailures } from '../failures';
import { nicLinksBySwitch } from '../network/paths';
import { placeStorage } from '../storage/placement';
import { rebuildEstimate } from '../storage/rebuild';
import { diskUnitIndex } from '../storage/unitIndex';
import { topologyOf } from '../topology';
import { COMPONENT_KINDS, HOURS_PER_YEAR, type ComponentKind } from './componentKinds';

/** Kind codes in `SimModel.compKind` (the index in `COMPONENT_KINDS`). */
export const DISK = 0,
  NODE = 1,
  TOR = 2,
  FEED = 3,
  RACK = 4,
  ROOM = 5,
  SITE = 6,
  SITE_LINK = 7;

/**
 * A plan flattened into typed arrays for the Monte Carlo inner loop: every failing component with
 * its rate and repair law, and the index arrays the loop follows from a component to the nodes,
 * members, disks and storage units it takes down. Built once per plan; the loop then allocates
 * nothing per event. Compressed rows: the items of row i are `items[start[i] .. start[i + 1])`.
 */
export interface SimModel {
  /** Mission checkpoints, hours, ascending; the last is the simulated length of one trial. */
  checkpointsHours: Float64Array;
  /** Each checkpoint in years (what the report prints). */
  checkpointsYears: number[];
  compCount: number;
  compKind: Uint8Array;
  /** Index of the component within its kind (disk, node, rack·2 + switch/feed bit, rack, room, site, site pair). */
  compTarget: Int32Array;
  failuresPerHour: Float64Array;
  repairMeanHours: Float64Array;
  /** Log-space sigma of a lognormal repair; 0 means exponential. */
  repairSigma: Float64Array;
  serialRepair: boolean;

  nodeCount: number;
  nodeRack: Int32Array;
  /** Bit 1 = feed A, bit 2 = feed B: the feeds the node draws from (0: never loses power by feed). */
  nodeFeedMask: Uint8Array;
  /** Bit 1 = switch A, bit 2 = switch B: the switches its NICs are cabled to. */
  nodeTorMask: Uint8Array;
  nodeIsMember: Uint8Array;
  nodeSite: Int32Array;
  /** Cores the workload can use on the node (0 for nodes that do not take workloads). */
  nodeCores: Float64Array;
  nodeSchedulable: Uint8Array;
  nodeDiskStart: Int32Array;
  nodeDisks: Int32Array;

  rackCount: number;
  rackRoom: Int32Array;
  rackSite: Int32Array;
  rackFeedMask: Uint8Array;
  /** Bit f set: losing feed f alone trips the other feed's breaker (resolveFailures' cascade). */
  rackTrip: Uint8Array;
  rackNodeStart: Int32Array;
  rackNodes: Int32Array;
  roomCount: number;
  siteCount: number;
  siteLinkA: Int32Array;
  siteLinkB: Int32Array;

  diskCount: number;
  diskNode: Int32Array;
  /** Hours the provider takes to re-create a failed disk's shards elsewhere; 0: only the disk's repair brings them back. */
  diskRebuildHours: Float64Array;
  diskUnitStart: Int32Array;
  diskUnits: Int32Array;
  unitCount: number;
  unitWidth: Uint8Array;
  unitBytes: Float64Array;
  needed: number;
  minAvailable: number;

  members: number;
  quorum: number;
  coresTotal: number;
  coresNeeded: number;
}

export interface SimModelOptions {
  /** Storage placement seed (the report's seed). */
  seed?: number;
}

/** Node is taken by the workload: a worker, a control plane that allows scheduling, or a storage node without hard taints. */
function schedulable(plan: Plan, role: string, taints: readonly { effect: string }[]): boolean {
  if (role === 'worker') return true;
  if (role === 'controlplane') return plan.cluster.allowSchedulingOnControlPlanes;
  return !taints.some((t) => t.effect !== 'PreferNoSchedule');
}

const FEED_BIT: Record<FeedId, number> = { A: 1, B: 2 };

/**
 * Flattens a valid plan for `simulateTrials`. Components: every storage-provider data disk, every
 * node, every switch and feed of every rack, every rack, room and site, and every pair of sites
 * (their link). Rates are `plan.reliability` per component-year over 8,766 h; a disk's shards come
 * back after the storage model's rebuild time for one failed disk (`rebuildEstimate`, computed
 * once per hardware profile) or, where the provider does not rebuild, after the disk's repair.
 * Whether losing one feed trips a rack's other breaker comes from `resolveFailures`.
 */
export function compileSimModel(plan: Plan, options: SimModelOptions = {}): SimModel {
  const seed = options.seed ?? 1;
  const r = plan.reliability;
  const t = topologyOf(plan);
  const rackIndex = new Map(plan.racks.map((x, i) => [x.id, i]));
  const roomIndex = new Map(plan.rooms.map((x, i) => [x.id, i]));
  const siteIndex = new Map(plan.sites.map((x, i) => [x.id, i]));
  const years = [...new Set([1, ...r.missionYears])].sort((a, b) => a - b);

  const nodeCount = t.places.length;
  const nodeRack = new Int32Array(nodeCount);
  const nodeFeedMask = new Uint8Array(nodeCount);
  const nodeTorMask = new Uint8Array(nodeCount);
  const nodeIsMember = new Uint8Array(nodeCount);
  const nodeSite = new Int32Array(nodeCount);
  const nodeCores = new Float64Array(nodeCount);
  const nodeSchedulable = new Uint8Array(nodeCount);
  let coresTotal = 0;
  for (const p of t.places) {
    const i = p.index;
    nodeRack[i] = rackIndex.get(p.rack.id)!;
    for (const f of p.node.feeds) if (p.rack.feeds.some((rf) => rf.id === f)) nodeFeedMask[i] |= FEED_BIT[f];
    const links = nicLinksBySwitch(p);
    nodeTorMask[i] = (links.A > 0 ? 1 : 0) | (links.B > 0 ? 2 : 0);
    nodeIsMember[i] = p.node.role === 'controlplane' ? 1 : 0;
    nodeSite[i] = siteIndex.get(p.site.id)!;
    if (schedulable(plan, p.node.role, p.node.taints)) {
      nodeSchedulable[i] = 1;
      nodeCores[i] = p.hardware.cores;
      coresTotal += p.hardware.cores;
    }
  }

  const rackCount = plan.racks.length;
  const rackRoom = new Int32Array(rackCount);
  const rackSite = new Int32Array(rackCount);
  const rackFeedMask = new Uint8Array(rackCount);
  const rackTrip = new Uint8Array(rackCount);
  const rackNodeStart = new Int32Array(rackCount + 1);
  plan.racks.forEach((rack, i) => {
    const row = t.rowById.get(rack.rowId)!;
    const room = t.roomById.get(row.roomId)!;
    rackRoom[i] = roomIndex.get(room.id)!;
    rackSite[i] = siteIndex.get(room.siteId)!;
    for (const f of rack.feeds) rackFeedMask[i] |= FEED_BIT[f.id];
    if (rack.feeds.length === 2) {
      for (const f of rack.feeds) {
        const resolved = resolveFailures(plan, { components: [{ kind: 'feed', rackId: rack.id, feed: f.id }] });
        if (resolved.racksDown.has(rack.id)) rackTrip[i] |= FEED_BIT[f.id];
      }
    }
  });
  for (let n = 0; n < nodeCount; n++) rackNodeStart[nodeRack[n] + 1]++;
  for (let k = 0; k < rackCount; k++) rackNodeStart[k + 1] += rackNodeStart[k];
  const rackNodes = new Int32Array(nodeCount);
  const rackFill = rackNodeStart.slice(0, rackCount);
  for (let n = 0; n < nodeCount; n++) rackNodes[rackFill[nodeRack[n]]++] = n;

  // Storage: which units each disk carries, and how long the provider takes to rebuild a disk.
  const placement = placeStorage(plan, { seed });
  const inv = placement.inventory;
  const diskCount = inv.disks.length;
  const diskNode = new Int32Array(diskCount);
  const diskRebuildHours = new Float64Array(diskCount);
  const nodeDiskStart = new Int32Array(nodeCount + 1);
  const rebuildByHardware = new Map<string, number>();
  const assumptions = storageAssumptions(plan.assumptions?.storage, plan.cluster.storage);
  for (const d of inv.disks) {
    const node = inv.nodes[d.nodeIndex];
    diskNode[d.index] = node.place.index;
    nodeDiskStart[node.place.index + 1]++;
    let hours = rebuildByHardware.get(node.place.hardware.id);
    if (hours === undefined) {
      hours = 0;
      if (placement.unitCount > 0) {
        const rebuild = rebuildEstimate(plan, placement, { components: [{ kind: 'disk', nodeId: node.id, slot: d.slot }] }, { seed, assumptions });
        const restored = rebuild.timeline.restoredAtS;
        if (rebuild.automatic && restored !== null && Number.isFinite(restored) && rebuild.stuckBytes === 0) hours = Math.max(restored / 3600, 1 / 60);
      }
      rebuildByHardware.set(node.place.hardware.id, hours);
    }
    diskRebuildHours[d.index] = hours;
  }
  for (let n = 0; n < nodeCount; n++) nodeDiskStart[n + 1] += nodeDiskStart[n];
  const nodeDisks = new Int32Array(diskCount);
  const diskFill = nodeDiskStart.slice(0, nodeCount);
  for (let d = 0; d < diskCount; d++) nodeDisks[diskFill[diskNode[d]]++] = d;
  const index = diskUnitIndex(placement);
  const unitWidth = new Uint8Array(placement.unitCount);
  for (let u = 0; u < placement.unitCount; u++) {
    let placed = 0;
    for (let k = 0; k < placement.unitWidth[u]; k++) if (placement.shards[u * placement.width + k] >= 0) placed++;
    unitWidth[u] = placed;
  }

  // Components, kind by kind in COMPONENT_KINDS order.
  const kinds: number[] = [];
  const targets: number[] = [];
  const add = (kind: number, count: number, target: (i: number) => number = (i) => i) => {
    for (let i = 0; i < count; i++) {
      kinds.push(kind);
      targets.push(target(i));
    }
  };
  add(DISK, diskCount);
  add(NODE, nodeCount);
  plan.racks.forEach((rack, i) => {
    kinds.push(TOR);
    targets.push(i * 2);
    if (rack.tor.count === 2) {
      kinds.push(TOR);
      targets.push(i * 2 + 1);
    }
  });
  plan.racks.forEach((rack, i) => {
    for (const f of rack.feeds) {
      kinds.push(FEED);
      targets.push(i * 2 + (f.id === 'A' ? 0 : 1));
    }
  });
  add(RACK, rackCount);
  add(ROOM, plan.rooms.length);
  add(SITE, plan.sites.length);
  const linkA: number[] = [];
  const linkB: number[] = [];
  for (let a = 0; a < plan.sites.length; a++)
    for (let b = a + 1; b < plan.sites.length; b++) {
      linkA.push(a);
      linkB.push(b);
    }
  add(SITE_LINK, linkA.length);

  const compCount = kinds.length;
  const compKind = Uint8Array.from(kinds);
  const failuresPerHour = new Float64Array(compCount);
  const repairMeanHours = new Float64Array(compCount);
  const repairSigma = new Float64Array(compCount);
  for (let c = 0; c < compCount; c++) {
    const spec = r[COMPONENT_KINDS[compKind[c]] as ComponentKind];
    failuresPerHour[c] = spec.annualFailureRate / HOURS_PER_YEAR;
    repairMeanHours[c] = spec.repairHours;
    repairSigma[c] = spec.repairDistribution === 'lognormal' ? spec.repairSigma : 0;
  }
  const members = nodeIsMember.reduce((s, x) => s + x, 0);
  return {
    checkpointsHours: Float64Array.from(years, (y) => y * HOURS_PER_YEAR),
    checkpointsYears: years,
    compCount,
    compKind,
    compTarget: Int32Array.from(targets),
    failuresPerHour,
    repairMeanHours,
    repairSigma,
    serialRepair: r.repairCrew === 'serial',
    nodeCount,
    nodeRack,
    nodeFeedMask,
    nodeTorMask,
    nodeIsMember,
    nodeSite,
    nodeCores,
    nodeSchedulable,
    nodeDiskStart,
    nodeDisks,
    rackCount,
    rackRoom,
    rackSite,
    rackFeedMask,
    rackTrip,
    rackNodeStart,
    rackNodes,
    roomCount: plan.rooms.length,
    siteCount: plan.sites.length,
    siteLinkA: Int32Array.from(linkA),
    siteLinkB: Int32Array.from(linkB),
    diskCount,
    diskNode,
    diskRebuildHours,
    diskUnitStart: index.start,
    diskUnits: index.units,
    unitCount: placement.unitCount,
    unitWidth,
    unitBytes: Float64Array.from(placement.unitLogicalBytes),
    needed: placement.needed,
    minAvailable: placement.minAvailable,
    members,
    quorum: quorumSize(members),
    coresTotal,
    coresNeeded: (coresTotal * r.capacityNeededPct) / 100,
  };
}
