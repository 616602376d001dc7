import type { FeedId } from '../../plan/schema';
import { nicLinksBySwitch } from '../network/paths';
import type { Placement } from './placement';
import { diskUnitIndex, unitsOnFailedDisks } from './unitIndex';

/** A component that fails. Disk `slot` counts the node's storage disks from 0. */
export type FailedComponent =
  | { kind: 'disk'; nodeId: string; slot: number }
  | { kind: 'node'; nodeId: string }
  | { kind: 'rack'; rackId: string }
  | { kind: 'tor'; rackId: string; tor: FeedId }
  | { kind: 'feed'; rackId: string; feed: FeedId }
  | { kind: 'row'; rowId: string }
  | { kind: 'room'; roomId: string }
  | { kind: 'site'; siteId: string };

export interface FailureSet {
  components: FailedComponent[];
  /**
   * Whether failed nodes lose their disks' contents (hardware destroyed, node re-imaged) rather than
   * coming back with their data. Disk failures always destroy; switch, feed and location outages never do.
   */
  permanent?: boolean;
}

/** Which storage nodes and disks a failure set takes out. Indices follow `Inventory`. */
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
 * Resolves a failure set to storage nodes and disks. A node is down when it, its rack, row, room
 * or site fails, when every power feed it draws from fails (rack-level breaker overload is the
 * physical model's concern, not modelled here), or when every top-of-rack switch it is cabled to
 * fails (`nicLinksBySwitch` from the network model).
 */
export function resolveFailure(placement: Placement, failure: FailureSet): FailureState {
  const inv = placement.inventory;
  const nodeDown = new Uint8Array(inv.nodes.length);
  const diskDown = new Uint8Array(inv.disks.length);
  const diskDestroyed = new Uint8Array(inv.disks.length);
  const failedTors = new Set<string>();
  const failedFeeds = new Set<string>();
  const ids = new Set<string>();
  for (const c of failure.components) {
    if (c.kind === 'tor') failedTors.add(`${c.rackId}/${c.tor}`);
    else if (c.kind === 'feed') failedFeeds.add(`${c.rackId}/${c.feed}`);
    else if (c.kind === 'node') ids.add(`node:${c.nodeId}`);
    else if (c.kind === 'rack') ids.add(`rack:${c.rackId}`);
    else if (c.kind === 'row') ids.add(`row:${c.rowId}`);
    else if (c.kind === 'room') ids.add(`room:${c.roomId}`);
    else if (c.kind === 'site') ids.add(`site:${c.siteId}`);
  }
  for (const n of inv.nodes) {
    const links = nicLinksBySwitch(n.place);
    const switches = (['A', 'B'] as const).filter((t) => links[t] > 0);
    const down = ids.has(`node:${n.id}`) || ids.has(`rack:${n.rackId}`) || ids.has(`row:${n.rowId}`)
      || ids.has(`room:${n.roomId}`) || ids.has(`site:${n.siteId}`)
      || (failedFeeds.size > 0 && n.place.node.feeds.every((f) => failedFeeds.has(`${n.rackId}/${f}`)))
      || (failedTors.size > 0 && switches.every((t) => failedTors.has(`${n.rackId}/${t}`)));
    if (!down) continue;
    nodeDown[n.index] = 1;
    for (const d of n.disks) {
      diskDown[d.index] = 1;
      if (failure.permanent && ids.has(`node:${n.id}`)) diskDestroyed[d.index] = 1;
    }
  }
  for (const c of failure.components) {
    if (c.kind !== 'disk') continue;
    const node = inv.nodes.find((n) => n.id === c.nodeId);
    const disk = node?.disks[c.slot];
    if (disk) { diskDown[disk.index] = 1; diskDestroyed[disk.index] = 1; }
  }
  return {
    nodeDown, diskDown, diskDestroyed, failedTors,
    downNodes: nodeDown.reduce((s, x) => s + x, 0), downDisks: diskDown.reduce((s, x) => s + x, 0),
  };
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
  let degraded = 0, unavailable = 0, lost = 0;
  let degradedBytes = 0, unavailableBytes = 0, lostBytes = 0, rereplicate = 0;
  const unitState = placement.unitKind === 'volume' ? new Uint8Array(placement.unitCount) : undefined;
  // Every other unit has all its shards live and intact, so it adds nothing below.
  for (const u of unitsOnFailedDisks(placement, state, diskUnitIndex(placement).deficientUnits)) {
    let placed = 0, live = 0, intact = 0;
    for (let k = 0; k < placement.unitWidth[u]; k++) {
      const d = shards[u * width + k];
      if (d < 0) continue;
      placed += 1;
      if (!state.diskDown[d]) live += 1;
      if (!state.diskDestroyed[d]) intact += 1;
    }
    if (placed === 0) continue;
    const logical = placement.unitLogicalBytes[u];
    if (intact < placement.needed) {
      lost += 1; lostBytes += logical;
      if (unitState) unitState[u] = 3;
    } else {
      rereplicate += (placed - live) * placement.shardBytes[u];
      if (live < placement.minAvailable) {
        unavailable += 1; unavailableBytes += logical;
        if (unitState) unitState[u] = 2;
      } else if (live < placed) {
        degraded += 1; degradedBytes += logical;
        if (unitState) unitState[u] = 1;
      }
    }
  }
  const vols = placement.volumes;
  let vAffected = 0, vUnavailable = 0, vLost = 0;
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
    const la = Math.log1p(-Math.min(fAffected, 1 - 1e-15));
    const lu = Math.log1p(-Math.min(fUnavailable, 1 - 1e-15));
    const ll = Math.log1p(-Math.min(fLost, 1 - 1e-15));
    for (let v = 0; v < vols.count; v++) {
      const objects = Math.max(1, Math.ceil(vols.usedBytes[v] / objectBytes));
      // A state no PG is in adds exactly 0 (−expm1(−0)), so skip its transcendental.
      if (fAffected > 0) vAffected += fAffected >= 1 ? 1 : -Math.expm1(objects * la);
      if (fUnavailable > 0) vUnavailable += fUnavailable >= 1 ? 1 : -Math.expm1(objects * lu);
      if (fLost > 0) vLost += fLost >= 1 ? 1 : -Math.expm1(objects * ll);
    }
  }
  return {
    downNodes: state.downNodes, downDisks: state.downDisks,
    units: { kind: placement.unitKind, total: placement.unitCount, degraded, unavailable, lost },
    volumes: { total: vols.count, affected: vAffected, unavailable: vUnavailable, lost: vLost },
    degradedBytes, unavailableBytes, lostBytes, bytesToRereplicate: rereplicate,
  };
}
