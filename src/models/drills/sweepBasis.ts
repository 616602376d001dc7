import type { FeedId, Plan } from '../../plan/schema';
import { etcdMembers } from '../controlPlane/members';
import { quorumSize } from '../controlPlane/quorum';
import { NO_FAILURES, resolveFailures } from '../failures';
import { nicLinksBySwitch } from '../network/paths';
import { storageFailureState, type FailureState } from '../storage/failureImpact';
import { placeStorage, type Placement } from '../storage/placement';
import { topologyOf, type Topology } from '../topology';
import { workloadDemand, type WorkloadDemand } from '../workload/capacityLeft';
import { allocatableBasis, type AllocatableBasis } from '../workload/nodeAllocatable';
import { baselineCore } from './drillHealth';
import type { HealthCore } from './health';

/**
 * Everything a sweep computes once per plan, so each scenario is a delta: node lists per rack,
 * racks per row, room, site and power circuit, each node's switches and feeds, the peak each
 * feed would carry after a failover, the etcd members, node allocatable, the storage placement
 * and the health with nothing failed.
 */
export interface SweepBasis {
  plan: Plan;
  topology: Topology;
  seed: number;
  /** Rack id → index in `plan.racks`. */
  rackOrder: Map<string, number>;
  /** Node indices per rack id, ascending. */
  nodesByRack: Map<string, number[]>;
  racksByRow: Map<string, string[]>;
  racksByRoom: Map<string, string[]>;
  racksBySite: Map<string, string[]>;
  racksByCircuit: Map<string, string[]>;
  /** Per node: switches carrying NIC links (bit 1 = A, bit 2 = B). */
  cabled: Uint8Array;
  /** Per rack: peak W its feed would carry if it were the only one left (switches + every node on it). */
  failoverPeakW: Map<string, Record<FeedId, number>>;
  /** Node indices of the etcd members and whether each member sits in the endpoint's site. */
  memberIndex: Int32Array;
  memberInEndpointSite: Uint8Array;
  quorum: number;
  /** Per node: 1 when it is an etcd member. */
  isMember: Uint8Array;
  baseStatus: Uint8Array;
  /** Nodes DOWN with nothing failed (ascending), usually none. */
  baseDown: Int32Array;
  allocatable: AllocatableBasis;
  demand: WorkloadDemand;
  placement: Placement | null;
  /** Per node index: its index in the storage inventory, or -1. */
  storageIndex: Int32Array;
  baseStorageState: FailureState | null;
  base: HealthCore;
  objectBytes: number | undefined;
}

const cache = new WeakMap<Plan, Map<number, SweepBasis>>();

/** Builds (or returns the cached) sweep basis of a valid plan. Cost: one full health evaluation plus O(nodes + disks). */
export function sweepBasis(plan: Plan, seed = 1): SweepBasis {
  let bySeed = cache.get(plan);
  if (!bySeed) cache.set(plan, (bySeed = new Map()));
  const hit = bySeed.get(seed);
  if (hit) return hit;
  const t = topologyOf(plan);
  const n = t.places.length;
  const nodesByRack = new Map<string, number[]>(plan.racks.map((r) => [r.id, (t.nodesByRack.get(r.id) ?? []).map((p) => p.index)]));
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  const racksByRow = new Map<string, string[]>();
  const racksByRoom = new Map<string, string[]>();
  const racksBySite = new Map<string, string[]>();
  const racksByCircuit = new Map<string, string[]>();
  const failoverPeakW = new Map<string, Record<FeedId, number>>();
  for (const rack of plan.racks) {
    const row = t.rowById.get(rack.rowId);
    const room = row && t.roomById.get(row.roomId);
    push(racksByRow, rack.rowId, rack.id);
    if (room) {
      push(racksByRoom, room.id, rack.id);
      push(racksBySite, room.siteId, rack.id);
    }
    for (const f of rack.feeds) if (f.circuit && !racksByCircuit.get(f.circuit)?.includes(rack.id)) push(racksByCircuit, f.circuit, rack.id);
    const peak = { A: rack.tor.count * rack.tor.powerW, B: rack.tor.count * rack.tor.powerW };
    for (const p of t.nodesByRack.get(rack.id) ?? []) for (const f of p.node.feeds) peak[f] += p.hardware.powerPeakW;
    failoverPeakW.set(rack.id, peak);
  }
  const cabled = new Uint8Array(n);
  for (const p of t.places) {
    const links = nicLinksBySwitch(p);
    cabled[p.index] = (links.A > 0 ? 1 : 0) | (links.B > 0 ? 2 : 0);
  }
  const members = etcdMembers(plan);
  const endpointSite = members[0]?.place.site.id;
  const isMember = new Uint8Array(n);
  for (const m of members) isMember[m.place.index] = 1;
  const resolved = resolveFailures(plan, NO_FAILURES);
  const baseStatus = Uint8Array.from(resolved.nodeStatus);
  const baseDown: number[] = [];
  for (let i = 0; i < n; i++) if (baseStatus[i] === 2) baseDown.push(i);
  const placed = placeStorage(plan, { seed });
  const placement = placed.unitCount > 0 ? placed : null;
  const storageIndex = new Int32Array(n).fill(-1);
  if (placement) for (const sn of placement.inventory.nodes) storageIndex[sn.place.index] = sn.index;
  const basis: SweepBasis = {
    plan,
    topology: t,
    seed,
    rackOrder: new Map(plan.racks.map((r, k) => [r.id, k])),
    nodesByRack,
    racksByRow,
    racksByRoom,
    racksBySite,
    racksByCircuit,
    cabled,
    failoverPeakW,
    memberIndex: Int32Array.from(members, (m) => m.place.index),
    memberInEndpointSite: Uint8Array.from(members, (m) => (m.place.site.id === endpointSite ? 1 : 0)),
    quorum: quorumSize(members.length),
    isMember,
    baseStatus,
    baseDown: Int32Array.from(baseDown),
    allocatable: allocatableBasis(plan),
    demand: workloadDemand(plan),
    placement,
    storageIndex,
    baseStorageState: placement ? storageFailureState(placement, resolved) : null,
    base: baselineCore(plan, seed),
    objectBytes: plan.assumptions?.storage?.cephObjectBytes,
  };
  bySeed.set(seed, basis);
  return basis;
}
