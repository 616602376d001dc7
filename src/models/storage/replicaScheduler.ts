import { domainOf, type DomainLevel, type Inventory } from './inventory';
import { hash32 } from './hash';
import type { VolumeSet } from './volumes';

export interface ReplicaRules {
  defaultReplicas: number;
  /** Never two replicas of a volume in one of these (hard anti-affinity). */
  separates: Exclude<DomainLevel, 'disk'>;
  /** Spread over these when possible (soft anti-affinity); undefined for none. */
  prefers?: Exclude<DomainLevel, 'disk'>;
  /** Most provisioned bytes one node's disks accept, bytes (Longhorn: (capacity − reserved) × over-provisioning). */
  nodeLimitBytes: (capacityBytes: number) => number;
  seed: number;
}

export interface ReplicaSchedule {
  width: number;
  unitWidth: Uint8Array;
  shards: Int32Array;
  unplacedShards: number;
  undersizedUnits: number;
}

/** Above this many candidate nodes, a volume looks at a hashed sample of them ("power of d choices"). */
const FULL_SCAN_NODES = 128;
const SAMPLED_CANDIDATES = 32;

/**
 * Schedules each volume's replicas one by one, the way Longhorn's and Mayastor's schedulers do:
 * a replica goes to a node that holds no other replica of the volume (hard rule) and whose
 * provisioned bytes stay within its limit; among those it prefers a node in a `prefers` domain
 * the volume does not use yet (soft rule), then the node with the most unprovisioned room, ties
 * broken by a seeded hash. Within the node, the disk with the most room. A replica with no
 * eligible node stays unplaced (the volume is degraded from the start).
 * Cost: O(volumes × replicas × min(nodes, 32)) after the first 128 nodes.
 */
export function scheduleReplicas(inventory: Inventory, volumes: VolumeSet, rules: ReplicaRules): ReplicaSchedule {
  const nodes = inventory.nodes;
  let width = rules.defaultReplicas;
  for (let v = 0; v < volumes.count; v++) width = Math.max(width, volumes.replicas[v] || 0);
  const unitWidth = new Uint8Array(volumes.count);
  const shards = new Int32Array(volumes.count * width).fill(-1);
  const limit = nodes.map((n) => rules.nodeLimitBytes(n.capacityBytes));
  const provisioned = new Float64Array(nodes.length);
  const diskProvisioned = new Float64Array(inventory.disks.length);
  const separateKey = nodes.map((n) => domainOf(n, rules.separates));
  const preferKey = rules.prefers ? nodes.map((n) => domainOf(n, rules.prefers!)) : undefined;
  let unplacedShards = 0;
  let undersizedUnits = 0;
  const usedSep: string[] = [];
  const usedPref: string[] = [];
  for (let v = 0; v < volumes.count; v++) {
    const want = volumes.replicas[v] || rules.defaultReplicas;
    unitWidth[v] = want;
    const size = volumes.sizeBytes[v];
    usedSep.length = 0;
    usedPref.length = 0;
    let missing = 0;
    for (let r = 0; r < want; r++) {
      let best = -1;
      let bestNew = false;
      let bestRoom = -Infinity;
      let bestTie = 0;
      const consider = (j: number) => {
        if (usedSep.includes(separateKey[j])) return;
        const room = limit[j] - provisioned[j];
        if (room < size) return;
        const isNew = preferKey ? !usedPref.includes(preferKey[j]) : false;
        const tie = hash32(rules.seed, v, j);
        if (best < 0 || (isNew && !bestNew) || (isNew === bestNew && (room > bestRoom || (room === bestRoom && tie > bestTie)))) {
          best = j;
          bestNew = isNew;
          bestRoom = room;
          bestTie = tie;
        }
      };
      if (nodes.length <= FULL_SCAN_NODES) {
        for (let j = 0; j < nodes.length; j++) consider(j);
      } else {
        for (let c = 0; c < SAMPLED_CANDIDATES; c++) consider(hash32(rules.seed, v, r, c) % nodes.length);
      }
      if (best < 0) {
        missing += 1;
        continue;
      }
      const node = nodes[best];
      let disk = node.disks[0];
      for (const d of node.disks) {
        if (d.capacityBytes - diskProvisioned[d.index] > disk.capacityBytes - diskProvisioned[disk.index]) disk = d;
      }
      shards[v * width + r - missing] = disk.index;
      provisioned[best] += size;
      diskProvisioned[disk.index] += size;
      usedSep.push(separateKey[best]);
      if (preferKey) usedPref.push(preferKey[best]);
    }
    if (missing > 0) {
      unplacedShards += missing;
      undersizedUnits += 1;
    }
  }
  return { width, unitWidth, shards, unplacedShards, undersizedUnits };
}
