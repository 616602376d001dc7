import { DOWN, resolveFailuresOf, type FailureSet, type ResolvedNodes } from '../failures';
import type { Inventory } from './inventory';
import type { Placement } from './placement';
import { diskUnitIndex, unitsOnFailedDisks } from './unitIndex';

export type { FailedComponent, FailureSet } from '../failures';

/** Which storage nodes and disks a failure set takes out. Indices follow `Inventory`. */
/** Per-node and per-disk flags are 1 (down, destroyed) or 0, nothing else: loops add `1 − flag` as counts. */
export interface FailureState {
  nodeDown: Uint8Array;
  /** Disk unreachable (its node is down) or destroyed. */
  diskDown: Uint8Array;
  diskDestroyed: Uint8Array;
  failedTors: Set<string>;
  downNodes: number;
  downDisks: number;
}

/**
 * Resolves a failure set to storage nodes and disks through the shared `resolveFailures`: a
 * storage node is down when the shared resolver says its node is DOWN (failed, its rack, row, room
 * or site failed, no power including a breaker tripped after failover, or every switch it is
 * cabled to down). Failed disks are destroyed; with `permanent`, so is every disk of a node that
 * failed outright. Only the storage nodes are judged (`resolveFailuresOf`), not the whole plan.
 */
export function resolveFailure(placement: Placement, failure: FailureSet): FailureState {
  const inv = placement.inventory;
  return storageFailureState(placement, resolveFailuresOf(inv.plan, failure, storagePlanIndices(inv)));
}

const planIndices = new WeakMap<Inventory, number[]>();

/** The plan indices of an inventory's storage nodes, ascending (kept per inventory). */
function storagePlanIndices(inv: Inventory): number[] {
  let list = planIndices.get(inv);
  if (!list) planIndices.set(inv, (list = inv.nodes.map((n) => n.place.index).sort((a, b) => a - b)));
  return list;
}

/** The storage view of an already resolved failure set (see `resolveFailure`). Cost: O(storage nodes + disks). */
export function storageFailureState(placement: Placement, resolved: ResolvedNodes): FailureState {
  const inv = placement.inventory;
  const nodeDown = new Uint8Array(inv.nodes.length);
  const diskDown = new Uint8Array(inv.disks.length);
  const diskDestroyed = new Uint8Array(inv.disks.length);
  const failedOutright = new Set<string>();
  if (resolved.failures.permanent) for (const c of resolved.failures.components) if (c.kind === 'node') failedOutright.add(c.nodeId);
  let downNodes = 0,
    downDisks = 0;
  for (const n of inv.nodes) {
    const down = resolved.nodeStatus[n.place.index] === DOWN;
    if (down) {
      nodeDown[n.index] = 1;
      downNodes++;
    }
    const destroyed = resolved.destroyedDisks.get(n.id);
    const wholeNode = failedOutright.has(n.id);
    for (const d of n.disks) {
      if (wholeNode || destroyed?.has(d.slot)) diskDestroyed[d.index] = 1;
      if (down || diskDestroyed[d.index]) {
        diskDown[d.index] = 1;
        downDisks++;
      }
    }
  }
  return { nodeDown, diskDown, diskDestroyed, failedTors: new Set(resolved.torsDown.keys()), downNodes, downDisks };
}

/** What a failure does to the data. Unit counts are exclusive; volume counts are cumulative (lost ⊂ unavailable ⊂ affected). */
export interface FailureImpact {
  downNodes: number;
  downDisks: number;
  units: { kind: 'volume' | 'pg'; total: number; degraded: number; unavailable: number; lost: number };
  /** Volumes touching a degraded-or-worse unit, an unavailable-or-lost unit, a lost unit. Ceph: expected counts over RBD objects. */
  volumes: { total: number; affected: number; unavailable: number; lost: number };
  /** Logical bytes in degraded, unavailable and lost units. */
  degradedBytes: number;
  unavailableBytes: number;
  lostBytes: number;
  /** Physical bytes of missing shards that can be re-created from surviving ones (units not lost). */
  bytesToRereplicate: number;
}

/**
 * The volumes (or PGs) a failure degrades, makes unavailable or loses, and the bytes that must be
 * re-replicated. Per unit with P placed shards, L of them up and I not destroyed:
 *   lost         I < needed                  (1 for replicas, k for EC)
 *   unavailable  L < minAvailable            (Ceph min_size; 1 otherwise)
 *   degraded     L < P
 *   re-replicate (P − L) × shardBytes        for units not lost
 * Ceph volumes are striped over all PGs in 4 MiB objects: a volume of n objects touches a state
 * that a fraction f of PGs is in with probability 1 − (1 − f)^n; the counts are expectations.
 */
export function failureImpact(placement: Placement, failure: FailureSet | FailureState, objectBytes = 4 * 2 ** 20): FailureImpact {
  const state = 'nodeDown' in failure ? failure : resolveFailure(placement, failure);
  const { width, shards } = placement;
  let degraded = 0,
    unavailable = 0,
    lost = 0;
  let degradedBytes = 0,
    unavailableBytes = 0,
    lostBytes = 0,
    rereplicate = 0;
  const unitState = placement.unitKind === 'volume' ? new Uint8Array(placement.unitCount) : undefined;
  // Arrays and limits in locals: V8 reloads an object's field (and a typed array's length and
  // data pointer) on every pass of a loop that reads it through the object.
  const { unitWidth, unitLogicalBytes, needed } = placement;
  const { diskDown, diskDestroyed } = state;
  const units = unitsOnFailedDisks(placement, state, diskUnitIndex(placement).deficientUnits);
  // Every other unit has all its shards live and intact, so it adds nothing below.
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    let placed = 0,
      live = 0,
      intact = 0;
    for (let k = u * width, end = k + unitWidth[u]; k < end; k++) {
      const d = shards[k];
      if (d < 0) continue;
      placed += 1;
      // Flags are 0 or 1: adding 1 − flag skips a branch that a room failure mispredicts half the time.
      live += 1 - diskDown[d];
      intact += 1 - diskDestroyed[d];
    }
    if (placed === 0) continue;
    const logical = unitLogicalBytes[u];
    if (intact < needed) {
      lost += 1;
      lostBytes += logical;
      if (unitState) unitState[u] = 3;
    } else {
      rereplicate += (placed - live) * placement.shardBytes[u];
      if (live < placement.minAvailable) {
        unavailable += 1;
        unavailableBytes += logical;
        if (unitState) unitState[u] = 2;
      } else if (live < placed) {
        degraded += 1;
        degradedBytes += logical;
        if (unitState) unitState[u] = 1;
      }
    }
  }
  const vols = placement.volumes;
  let vAffected = 0,
    vUnavailable = 0,
    vLost = 0;
  if (unitState) {
    for (let v = 0; v < unitState.length; v++) {
      if (unitState[v] >= 1) vAffected++;
      if (unitState[v] >= 2) vUnavailable++;
      if (unitState[v] >= 3) vLost++;
    }
  } else if (placement.unitCount > 0) {
    const n = placement.unitCount;
    const fAffected = (degraded + unavailable + lost) / n;
    const fUnavailable = (unavailable + lost) / n;
    const fLost = lost / n;
    vAffected = expectedVolumesTouched(placement, objectBytes, fAffected);
    vUnavailable = expectedVolumesTouched(placement, objectBytes, fUnavailable);
    vLost = expectedVolumesTouched(placement, objectBytes, fLost);
  }
  return {
    downNodes: state.downNodes,
    downDisks: state.downDisks,
    units: { kind: placement.unitKind, total: placement.unitCount, degraded, unavailable, lost },
    volumes: { total: vols.count, affected: vAffected, unavailable: vUnavailable, lost: vLost },
    degradedBytes,
    unavailableBytes,
    lostBytes,
    bytesToRereplicate: rereplicate,
  };
}

const touchedMemo = new WeakMap<Placement, Map<string, number>>();
/** Objects per volume, ⌈used bytes / object size⌉ (at least 1), per placement and object size. */
const objectsMemo = new WeakMap<Placement, { objectBytes: number; objects: Float64Array }>();

/**
 * Below this exponent 1 − e^x is 1.0 exactly in doubles (e^x < 2⁻⁵⁶, far under half an ulp of 1),
 * and fdlibm's expm1, which V8 uses, returns −1 there too: the sum skips the transcendental for
 * such volumes without changing a bit. Large volumes have thousands of objects, so for any f above
 * a few tenths of a percent most terms are these.
 */
export const EXPM1_SATURATES = -40;

/**
 * Expected Ceph volumes with at least one object in a state a fraction f of PGs is in:
 * Σ over volumes of 1 − (1 − f)^objects, objects = ⌈used bytes / object size⌉ (at least 1).
 * Memoised per placement, object size and f: a sweep meets the same fractions again and again
 * (every disk of a uniform cluster carries about as many PGs), and the sum is over every volume.
 */
function expectedVolumesTouched(placement: Placement, objectBytes: number, f: number): number {
  // A state no PG is in adds exactly 0 (−expm1(−0)), so skip its transcendental.
  if (f <= 0) return 0;
  const vols = placement.volumes;
  if (f >= 1) return vols.count;
  let memo = touchedMemo.get(placement);
  if (!memo) touchedMemo.set(placement, (memo = new Map()));
  const key = `${objectBytes}:${f}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let counted = objectsMemo.get(placement);
  if (!counted || counted.objectBytes !== objectBytes) {
    const objects = new Float64Array(vols.count);
    for (let v = 0; v < vols.count; v++) objects[v] = Math.max(1, Math.ceil(vols.usedBytes[v] / objectBytes));
    objectsMemo.set(placement, (counted = { objectBytes, objects }));
  }
  const objects = counted.objects;
  const l = Math.log1p(-Math.min(f, 1 - 1e-15));
  let sum = 0;
  for (let v = 0; v < objects.length; v++) {
    const x = objects[v] * l;
    sum += x < EXPM1_SATURATES ? 1 : -Math.expm1(x);
  }
  if (memo.size > 10_000) memo.clear();
  memo.set(key, sum);
  return sum;
}
