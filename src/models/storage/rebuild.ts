import type { Plan } from '../../plan/schema';
import { storageDefaults, type StorageAssumptions } from './assumptions';
import { capacityThresholds, separationLevel } from './capacity';
import { cephRebuildStartS } from './ceph';
import { crushChoose, crushLevelOf, crushMap, OSD_LEVEL, type CrushChoice, type CrushMap } from './crushMap';
import { resolveFailure, type FailureSet, type FailureState } from './failureImpact';
import { hash32 } from './hash';
import { domainOf } from './inventory';
import { longhornRebuildStartS } from './longhorn';
import { mayastorRebuildStartS } from './mayastor';
import type { Placement } from './placement';
import { bytesPerDisk } from './placement';
import { TransferList } from './transferList';
import { transferTime, type TransferEstimate, type TransferOptions } from './transfers';
import { unitsOnFailedDisks } from './unitIndex';

/** The timeline a drill draws: degraded at t0 = 0, rebuild starts at t1, redundancy restored at t2 (s). */
export interface RebuildTimeline {
  degradedAtS: number;
  rebuildStartS: number | null;
  restoredAtS: number | null;
}

export interface RebuildEstimate extends TransferEstimate {
  /** The provider starts re-replicating on its own. */
  automatic: boolean;
  timeline: RebuildTimeline;
  /** Physical bytes the rebuild re-creates. */
  bytesRebuilt: number;
  /** Physical bytes of missing shards nobody re-creates until the failed part returns (no target, not marked out, no source). */
  stuckBytes: number;
  /** Why the rebuild starts when it does (or never). */
  reason: string;
}

export interface RebuildOptions extends TransferOptions {
  seed?: number;
  /** Treat the failed parts as drained (still readable as sources) and start at once: a planned removal. */
  drain?: boolean;
  /** An operator marks everything out at the provider's usual start time even where it would not act (Ceph whole rack). */
  operatorAction?: boolean;
}

/**
 * How a provider re-creates the shards a failure took away, when that starts and how long it
 * takes. Start (t1): Longhorn after `replenishmentWaitS`; Ceph after heartbeat grace +
 * `downOutIntervalS`, never for OSDs of a rack that is down as a whole; Mayastor after
 * `faultedWaitS` (full rebuild elsewhere); Local Path never. Each missing shard gets a new home
 * by the provider's placement rule among live disks (never in a failure domain the unit's live
 * shards or new copies use; Longhorn and Mayastor also only on nodes below the blocking fill
 * threshold) and is copied from one live replica (Longhorn from one healthy replica, Ceph from
 * the primary) or decoded from k live chunks (EC). Duration (t2 − t1) by `transferTime`.
 */
export function rebuildEstimate(plan: Plan, placement: Placement, failure: FailureSet | FailureState, options: RebuildOptions = {}): RebuildEstimate {
  const a: StorageAssumptions = { ...storageDefaults(plan.cluster.storage), ...options.assumptions };
  const s = plan.cluster.storage;
  const seed = options.seed ?? 1;
  const state = 'nodeDown' in failure ? failure : resolveFailure(placement, failure);
  const inv = placement.inventory;
  const sourceDown = options.drain ? new Uint8Array(inv.disks.length) : state.diskDown;
  // Ceph keeps a rack in when every one of its OSDs is down (mon_osd_down_out_subtree_limit = rack).
  const rackDown = new Set<string>();
  const rackUp = new Map<string, boolean>();
  for (const n of inv.nodes) rackUp.set(n.rackId, (rackUp.get(n.rackId) ?? false) || !state.nodeDown[n.index]);
  for (const [rack, up] of rackUp) if (!up) rackDown.add(rack);
  // A missing shard is stuck in place when its disk sits in such a rack (whether the disk is merely
  // unreachable or destroyed, no backfill starts): flagged per disk once, not looked up per shard.
  const stuckInRack = new Uint8Array(inv.disks.length);
  if (s.provider === 'ceph' && !options.operatorAction && !options.drain && rackDown.size > 0)
    for (const d of inv.disks) if (rackDown.has(inv.nodes[d.nodeIndex].rackId)) stuckInRack[d.index] = 1;

  let startS: number | null;
  let reason: string;
  switch (s.provider) {
    case 'longhorn':
      startS = longhornRebuildStartS(s);
      reason = `Longhorn waits replica-replenishment-wait-interval (${s.replenishmentWaitS} s) for the replica to return`;
      break;
    case 'mayastor':
      startS = mayastorRebuildStartS(s);
      reason = `Mayastor waits ${s.faultedWaitS} s for the faulted replica, then rebuilds it in full elsewhere`;
      break;
    case 'ceph': {
      startS = cephRebuildStartS(s, a.cephHeartbeatGraceS, false);
      reason = `Ceph marks OSDs down after ${a.cephHeartbeatGraceS} s and out after mon_osd_down_out_interval (${s.downOutIntervalS} s), which starts backfill`;
      break;
    }
    default:
      startS = null;
      reason = s.provider === 'local-path' ? 'Local Path never rebuilds: one copy, bound to its node' : 'no storage provider';
  }
  if (options.drain) {
    startS = 0;
    reason = 'planned drain: copies start at once';
  }

  const transfers = new TransferList();
  // A sum in a typed array, not a local: V8 boxed a local double on every += in this long loop
  // (one heap number per PG of a room failure; measured with the sampling heap profiler).
  const stuckSum = new Float64Array(1);
  const level = separationLevel(placement);
  const { blocking } = capacityThresholds(plan);
  const diskBytes = bytesPerDisk(placement);
  const nodeBytes = new Float64Array(inv.nodes.length);
  inv.disks.forEach((d) => {
    nodeBytes[d.nodeIndex] += diskBytes[d.index];
  });
  const crushLevel = s.provider === 'ceph' ? crushLevelOf(s.failureDomain) : -1;
  const remaps = s.provider === 'ceph' ? recentRemaps(placement, state.diskDown, seed, crushLevel) : undefined;
  const crush = remaps?.map;
  const choice: CrushChoice = { disk: -1, domain: -1 };
  const { width, shards, unitWidth, shardBytes, needed } = placement;
  const { diskDown, diskDestroyed } = state;
  // Per-unit scratch, reused: a room failure visits every PG.
  const live = new Int32Array(width);
  const missing = new Int32Array(width);
  const missingSlot = new Int32Array(width);
  const sources = new Int32Array(width);
  const used: string[] = [];
  const usedBuckets = new Int32Array(width);
  // Only units with a shard down have anything to rebuild; the index lists them in unit order
  // (every unit it lists has one: a destroyed disk is also down, see FailureState).
  // A failure that touches very many units (a room of PGs) is estimated from a systematic sample of
  // at most 4096 of them, bytes scaled by the stride; smaller failures are worked out unit by unit.
  const affectedUnits = unitsOnFailedDisks(placement, state);
  const affected = affectedUnits.length;
  const stride = Math.max(1, Math.ceil(affected / 4096));
  for (let sample = 0; sample < affected; sample += stride) {
    const u = affectedUnits[sample];
    let liveCount = 0,
      missingCount = 0,
      intact = 0;
    for (let k = 0, at = u * width; k < unitWidth[u]; k++) {
      const d = shards[at + k];
      if (d < 0) continue;
      intact += 1 - diskDestroyed[d];
      if (diskDown[d] === 0) live[liveCount++] = d;
      else {
        missing[missingCount] = d;
        missingSlot[missingCount++] = k;
      }
    }
    if (intact < needed) continue;
    const bytes = shardBytes[u] * stride;
    let sourceCount = 0;
    for (let i = 0; i < liveCount; i++) if (!sourceDown[live[i]]) sources[sourceCount++] = live[i];
    if (options.drain) for (let i = 0; i < missingCount; i++) if (!diskDestroyed[missing[i]]) sources[sourceCount++] = missing[i];
    if (startS === null || sourceCount < needed) {
      stuckSum[0] += missingCount * bytes;
      continue;
    }
    used.length = 0;
    let usedCount = 0;
    for (let i = 0; i < liveCount; i++) {
      const node = inv.disks[live[i]].nodeIndex;
      // With the osd failure domain a surviving shard's domain is its own disk.
      if (crush) usedBuckets[usedCount++] = crushLevel === OSD_LEVEL ? live[i] : crush.bucketOf[crushLevel * inv.nodes.length + node];
      else used.push(domainOf(inv.nodes[node], level));
    }
    // A remembered re-placement holds while this unit's earlier missing shards were all tried,
    // as they were when it was made: a shard left stuck is not placed and frees no domain.
    let allTried = true;
    for (let m = 0; m < missingCount; m++) {
      const gone = missing[m];
      if (stuckInRack[gone]) {
        allTried = false;
        stuckSum[0] += bytes;
        continue;
      }
      let target = -1;
      if (crush && remaps) {
        const at = u * width + missingSlot[m];
        const known = allTried ? remaps.targets.get(at) : undefined;
        if (known !== undefined) target = known;
        else {
          crushChoose(crush, crushLevel, seed, u, missingSlot[m], width, usedBuckets, usedCount, choice, state.diskDown);
          target = choice.disk;
          if (allTried && remaps.remember) remaps.targets.set(at, target);
        }
        // The domain a target takes is its own disk (osd) or its host's bucket at that level.
        if (target >= 0)
          usedBuckets[usedCount++] = crushLevel === OSD_LEVEL ? target : crush.bucketOf[crushLevel * inv.nodes.length + inv.disks[target].nodeIndex];
      } else {
        let bestRoom = -Infinity;
        let bestNew = false;
        const usedZones = Array.from(live.subarray(0, liveCount), (d) => domainOf(inv.nodes[inv.disks[d].nodeIndex], 'zone'));
        for (const n of inv.nodes) {
          if (state.nodeDown[n.index] || used.includes(domainOf(n, level))) continue;
          const room = n.capacityBytes * blocking.ratio - nodeBytes[n.index] - bytes;
          if (room < 0) continue;
          const isNew = placement.prefers === 'zone' && !usedZones.includes(domainOf(n, 'zone'));
          const tie = hash32(seed, u, n.index) / 2 ** 32;
          if ((isNew && !bestNew) || (isNew === bestNew && room + tie > bestRoom)) {
            const disk = n.disks
              .filter((d) => !state.diskDown[d.index])
              .reduce<number>((x, d) => (x < 0 || d.capacityBytes - diskBytes[d.index] > inv.disks[x].capacityBytes - diskBytes[x] ? d.index : x), -1);
            if (disk >= 0) {
              bestRoom = room + tie;
              bestNew = isNew;
              target = disk;
            }
          }
        }
      }
      if (target < 0) {
        stuckSum[0] += bytes;
        continue;
      }
      const tn = inv.disks[target].nodeIndex;
      if (!crush) used.push(domainOf(inv.nodes[tn], level));
      nodeBytes[tn] += bytes;
      diskBytes[target] += bytes;
      transfers.add(sources, Math.min(sourceCount, needed), target, bytes, u);
    }
  }
  const stuck = stuckSum[0];
  if (s.provider === 'ceph' && !options.drain && !options.operatorAction && rackDown.size > 0 && stuck > 0) {
    reason = `Ceph does not mark out a rack that is down as a whole (mon_osd_down_out_subtree_limit = rack): ${[...rackDown].join(', ')} wait for repair or an operator`;
  }
  if (s.provider !== 'ceph' && startS !== null && !options.drain && transfers.count === 0 && stuck > 0) {
    reason = `no eligible node for the missing replicas: every live node already holds one (hard node anti-affinity) or is past ${blocking.name}`;
  }
  const estimate = transferTime(plan, placement, transfers, options);
  const automatic = startS !== null && transfers.count > 0;
  const rebuildStartS = transfers.count > 0 ? startS : null;
  const restoredAtS = rebuildStartS !== null && stuck === 0 && estimate.unitsOverCeiling === 0 ? rebuildStartS + estimate.seconds : null;
  return {
    ...estimate,
    automatic,
    bytesRebuilt: estimate.bytesWritten,
    stuckBytes: stuck,
    reason,
    timeline: { degradedAtS: 0, rebuildStartS, restoredAtS },
  };
}

/** CRUSH re-placements under one set of OSDs out: the reweighted map and the targets chosen so far, by `unit × width + slot`. */
interface Remaps {
  map: CrushMap;
  targets: Map<number, number>;
  /** Targets are kept only for small failures (a node's disks), where a later estimate reuses them. */
  remember: boolean;
}

const remapsByPlacement = new WeakMap<Placement, Array<{ key: string; remaps: Remaps }>>();
/** Failures with at most this many disks down keep their targets; the last four such are kept per placement. */
const REMEMBER_DOWN_DISKS = 64;

/**
 * The CRUSH map with `diskDown`'s OSDs out, and the targets already chosen under it: a report
 * estimates a node's permanent failure and its drain, the same OSDs out and so the same
 * re-placements (CRUSH draws depend on the seed, the unit, the slot and the domains the unit
 * already uses, all equal while its earlier shards were all tried), and drills repeat failure
 * sets. Larger failures (a rack, a room) get a fresh map and keep nothing.
 */
function recentRemaps(placement: Placement, diskDown: Uint8Array, seed: number, level: number): Remaps {
  const down: number[] = [];
  for (let d = 0; d < diskDown.length && down.length <= REMEMBER_DOWN_DISKS; d++) if (diskDown[d]) down.push(d);
  if (down.length > REMEMBER_DOWN_DISKS) return { map: crushMap(placement.inventory, diskDown), targets: new Map(), remember: false };
  const key = `${seed}|${level}|${down.join(',')}`;
  let recent = remapsByPlacement.get(placement);
  if (!recent) remapsByPlacement.set(placement, (recent = []));
  const hit = recent.find((r) => r.key === key);
  if (hit) return hit.remaps;
  const remaps: Remaps = { map: crushMap(placement.inventory, diskDown), targets: new Map(), remember: true };
  recent.push({ key, remaps });
  if (recent.length > 4) recent.shift();
  return remaps;
}
