import type { Inventory } from './inventory';
import { hash32 } from './hash';
import type { Placement } from './placement';
import type { VolumeSet } from './volumes';

/**
 * Places Local Path Provisioner volumes: one copy on one node, the node its pod was scheduled to
 * (required node affinity; src/models/README.md, Sources: Local Path). Pods spread over the workers; modelled as the less
 * loaded of two hashed candidates ("power of two choices"), which spreads evenly in O(1) per
 * volume. The copy lives on the node's disk with the most room. There is no rebuild: the data
 * is unavailable while its node is down and lost with its disk.
 */
export function placeLocalPath(inventory: Inventory, volumes: VolumeSet, seed: number): Placement {
  const n = inventory.nodes.length;
  const shards = new Int32Array(volumes.count).fill(-1);
  const nodeUsed = new Float64Array(n);
  const diskUsed = new Float64Array(inventory.disks.length);
  let unplaced = 0;
  for (let v = 0; v < volumes.count; v++) {
    if (n === 0) {
      unplaced += 1;
      continue;
    }
    const a = hash32(seed, v, 1) % n;
    const b = hash32(seed, v, 2) % n;
    const j = nodeUsed[b] < nodeUsed[a] ? b : a;
    const node = inventory.nodes[j];
    let disk = node.disks[0];
    for (const d of node.disks) if (d.capacityBytes - diskUsed[d.index] > disk.capacityBytes - diskUsed[disk.index]) disk = d;
    shards[v] = disk.index;
    nodeUsed[j] += volumes.usedBytes[v];
    diskUsed[disk.index] += volumes.usedBytes[v];
  }
  return {
    provider: 'local-path',
    inventory,
    volumes,
    unitKind: 'volume',
    unitCount: volumes.count,
    width: 1,
    unitWidth: new Uint8Array(volumes.count).fill(1),
    shards,
    shardBytes: volumes.usedBytes,
    unitLogicalBytes: volumes.usedBytes,
    needed: 1,
    minAvailable: 1,
    separates: 'host',
    unplacedShards: unplaced,
    undersizedUnits: unplaced,
  };
}
