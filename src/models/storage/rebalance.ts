import type { Plan, PlanNode } from '../../plan/schema';
import { topologyWithAppendedNodes } from '../topology';
import { inventoryWithAppendedNodes, storageInventory } from './inventory';
import { cephShards } from './ceph';
import { storedPhysicalBytes, type Placement } from './placement';
import { rebuildEstimate, type RebuildOptions } from './rebuild';
import { TransferList } from './transferList';
import { transferTime, type TransferEstimate } from './transfers';

export interface RebalanceEstimate extends TransferEstimate {
  change: 'add-nodes' | 'drain-node';
  /** The nodes added or drained. */
  nodeIds: string[];
  /** Physical bytes moved. */
  bytesMoved: number;
  /** Share of the stored physical bytes that moves. */
  movedShare: number;
  note: string;
}

/**
 * A copy of the plan with `count` more storage nodes like its largest one, each in the rack that
 * then has the least storage capacity (ties: first), labelled like that rack's storage node. The
 * new nodes come last, so existing disks keep their inventory indices.
 */
export function planWithAddedStorageNodes(plan: Plan, count: number): Plan {
  const inv = storageInventory(plan);
  if (inv.nodes.length === 0 || count <= 0) return plan;
  const twin = inv.nodes.reduce((a, b) => (b.capacityBytes > a.capacityBytes ? b : a));
  const rackCap = new Map<string, { cap: number; node: PlanNode }>();
  for (const n of inv.nodes) {
    const r = rackCap.get(n.rackId);
    rackCap.set(n.rackId, { cap: (r?.cap ?? 0) + n.capacityBytes, node: r?.node ?? n.place.node });
  }
  const nodes = [...plan.nodes];
  for (let i = 1; i <= count; i++) {
    const [rackId, entry] = [...rackCap.entries()].reduce((a, b) => (b[1].cap < a[1].cap ? b : a));
    const id = `st-added-${i}`;
    nodes.push({ ...entry.node, id, name: id, hardwareId: twin.place.node.hardwareId, rackId, labels: { ...entry.node.labels } });
    rackCap.set(rackId, { cap: entry.cap + twin.capacityBytes, node: entry.node });
  }
  const bigger = { ...plan, nodes };
  topologyWithAppendedNodes(plan, bigger);
  return bigger;
}

/**
 * Data moved by adding `count` storage nodes, and how long it takes under the same bandwidth
 * limits as a rebuild (`transferTime`). Ceph re-runs CRUSH on the larger map: shards whose OSD
 * changed move (straw2 moves ≈ the new nodes' share of the weight, nothing else), copied from
 * the OSD they leave. Longhorn moves nothing with its default `replica-auto-balance: disabled`;
 * with `best-effort` it would move replicas onto the new nodes until they hold their capacity
 * share — reported in the note. Mayastor and Local Path do not rebalance existing volumes.
 */
export function rebalanceAddNodes(plan: Plan, placement: Placement, count: number, seed: number, options: RebuildOptions = {}): RebalanceEstimate {
  const bigger = planWithAddedStorageNodes(plan, count);
  const inv2 = inventoryWithAppendedNodes(plan, bigger);
  const added = inv2.nodes.slice(placement.inventory.nodes.length).map((n) => n.id);
  const transfers = new TransferList();
  const from1 = new Int32Array(1);
  let note: string;
  const s = plan.cluster.storage;
  if (s.provider === 'ceph') {
    // Re-place a systematic sample of at most 2048 PGs and scale their bytes: the remap is uniform over PGs.
    const w = placement.width;
    const stride = Math.max(1, Math.ceil(placement.unitCount / 2048));
    const pgs: number[] = [];
    for (let pg = 0; pg < placement.unitCount; pg += stride) pgs.push(pg);
    const { shards } = cephShards(s, inv2, seed, pgs);
    // Per PG: shards on an OSD the new map dropped leave, shards on an OSD it added arrive; each
    // arriving shard is copied from the OSD the i-th leaving one sat on (else the first placed one).
    const before = placement.shards;
    const leaving = new Int32Array(w);
    const arriving = new Int32Array(w);
    const holds = (a: Int32Array, start: number, disk: number) => {
      for (let k = 0; k < w; k++) if (a[start + k] === disk) return true;
      return false;
    };
    for (let row = 0; row < pgs.length; row++) {
      const u = pgs[row];
      const b = u * w,
        n = row * w;
      let leavingCount = 0,
        arrivingCount = 0;
      for (let k = 0; k < w; k++) {
        if (before[b + k] >= 0 && !holds(shards, n, before[b + k])) leaving[leavingCount++] = before[b + k];
        if (shards[n + k] >= 0 && !holds(before, b, shards[n + k])) arriving[arrivingCount++] = shards[n + k];
      }
      let firstPlaced = -1;
      for (let k = 0; k < w && firstPlaced < 0; k++) if (before[b + k] >= 0) firstPlaced = before[b + k];
      for (let i = 0; i < arrivingCount; i++) {
        const from = i < leavingCount ? leaving[i] : firstPlaced;
        if (from < 0) continue;
        from1[0] = from;
        transfers.add(from1, 1, arriving[i], placement.shardBytes[u] * stride, u);
      }
    }
    note = `CRUSH remaps PGs onto the new OSDs (pg_num kept at ${placement.unitCount}; the autoscaler may later split PGs and move more)${stride > 1 ? `; estimated from every ${stride}th PG` : ''}`;
  } else if (s.provider === 'longhorn') {
    const total = inv2.rawBytes;
    let stored = 0;
    for (let u = 0; u < placement.unitCount; u++) stored += placement.shardBytes[u] * placement.unitWidth[u];
    const share = total > 0 ? inv2.nodes.slice(placement.inventory.nodes.length).reduce((x, n) => x + n.capacityBytes, 0) / total : 0;
    note = `Longhorn replica-auto-balance is disabled by default: nothing moves. With best-effort it would move ≈ ${(share * 100).toFixed(0)} % of the replicas (${((stored * share) / 1e12).toFixed(1)} TB) onto the new nodes.`;
  } else {
    note = 'existing volumes stay where they are (no automatic rebalancing)';
  }
  const est = transferTime(bigger, { ...placement, inventory: inv2 }, transfers, options);
  const storedPhysical = storedPhysicalBytes(placement);
  return {
    ...est,
    change: 'add-nodes',
    nodeIds: added,
    bytesMoved: est.bytesWritten,
    movedShare: storedPhysical > 0 ? est.bytesWritten / storedPhysical : 0,
    note,
  };
}

/**
 * Data moved by draining (evicting) one storage node, e.g. before decommissioning it: every shard
 * on it is re-created elsewhere by the provider's placement rule, read from the node itself while
 * it is still up, starting at once (`rebuildEstimate` with `drain`). A Talos upgrade that only
 * reboots the node moves nothing when the provider is told to wait (Ceph `noout`, Longhorn's
 * default drain policy): the replicas are degraded for the reboot and catch up afterwards.
 */
export function rebalanceDrainNode(plan: Plan, placement: Placement, nodeId: string, seed: number, options: RebuildOptions = {}): RebalanceEstimate {
  const est = rebuildEstimate(plan, placement, { components: [{ kind: 'node', nodeId }] }, { ...options, seed, drain: true });
  const storedPhysical = storedPhysicalBytes(placement);
  return {
    ...est,
    change: 'drain-node',
    nodeIds: [nodeId],
    bytesMoved: est.bytesWritten,
    movedShare: storedPhysical > 0 ? est.bytesWritten / storedPhysical : 0,
    note:
      est.stuckBytes > 0
        ? `${(est.stuckBytes / 1e12).toFixed(2)} TB has nowhere to go (too few nodes or domains, or too full)`
        : 'every shard on the node finds a new home',
  };
}
