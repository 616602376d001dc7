import type { Plan, StorageSettings } from '../../plan/schema';
import type { DomainLevel, Inventory } from './inventory';
import { storageInventory } from './inventory';
import { volumeSet, type VolumeSet } from './volumes';
import { placeLonghorn } from './longhorn';
import { placeCeph } from './ceph';
import { placeMayastor } from './mayastor';
import { placeLocalPath } from './localPath';

/**
 * Where every copy of the plan's data sits. A *unit* is what the provider places as one piece:
 * a volume for Longhorn, Mayastor and Local Path; a placement group (PG) for Ceph, whose RBD
 * images are striped in 4 MiB objects over every PG of the pool. Each unit has up to `width`
 * shards (replicas, or erasure-coded chunks), each on one disk.
 */
export interface Placement {
  provider: StorageSettings['provider'];
  inventory: Inventory;
  volumes: VolumeSet;
  unitKind: 'volume' | 'pg';
  unitCount: number;
  /** Largest shard count of any unit; the stride of `shards`. */
  width: number;
  /** Shards each unit wants (a Longhorn volume may override the replica count). */
  unitWidth: Uint8Array;
  /** unitCount × width disk indices (`Inventory.disks`); -1 where a shard could not be placed. */
  shards: Int32Array;
  /** Bytes of data each shard of a unit holds. */
  shardBytes: Float64Array;
  /** Logical (user) bytes of each unit. */
  unitLogicalBytes: Float64Array;
  /** Shards needed to reconstruct the data: 1 for replicas, k for an EC k+m pool. */
  needed: number;
  /** Shards that must be reachable for the unit to serve I/O: 1 (Longhorn, Mayastor, Local Path), min_size (Ceph). */
  minAvailable: number;
  /** The failure domain the provider never puts two shards of a unit in. */
  separates: DomainLevel;
  /** A domain the provider tries (softly) to spread over: Longhorn zones. */
  prefers?: DomainLevel;
  /** Shards the provider could not place (too few nodes or domains, or no space). */
  unplacedShards: number;
  /** Units with at least one unplaced shard: degraded from the start. */
  undersizedUnits: number;
  /** Ceph: the pool's pg_num. */
  pgNum?: number;
}

export interface PlacementOptions {
  seed: number;
}

const cache = new WeakMap<Plan, Map<number, Placement>>();

/**
 * Places the plan's volumes with its storage provider's own rules (see `longhorn.ts`, `ceph.ts`,
 * `mayastor.ts`, `localPath.ts`). Deterministic: the same plan and seed give the same placement.
 * Cached per plan object and seed, since capacity, impact and rebuild all start from it.
 */
export function placeStorage(plan: Plan, options: PlacementOptions): Placement {
  let bySeed = cache.get(plan);
  const hit = bySeed?.get(options.seed);
  if (hit) return hit;
  const placement = placeWith(plan, storageInventory(plan), volumeSet(plan, options.seed), options.seed);
  if (!bySeed) cache.set(plan, (bySeed = new Map()));
  bySeed.set(options.seed, placement);
  return placement;
}

/** Places `volumes` on an explicit inventory (used by rebalance to try other node sets). */
export function placeWith(plan: Plan, inventory: Inventory, volumes: VolumeSet, seed: number): Placement {
  const s = plan.cluster.storage;
  switch (s.provider) {
    case 'longhorn':
      return placeLonghorn(s, inventory, volumes, seed);
    case 'ceph':
      return placeCeph(s, inventory, volumes, seed);
    case 'mayastor':
      return placeMayastor(s, inventory, volumes, seed);
    case 'local-path':
      return placeLocalPath(inventory, volumes, seed);
    case 'none':
      return emptyPlacement(inventory, volumes);
  }
}

/** A placement with no units: provider `none`, or nothing to place on. */
export function emptyPlacement(inventory: Inventory, volumes: VolumeSet): Placement {
  return {
    provider: 'none',
    inventory,
    volumes,
    unitKind: 'volume',
    unitCount: 0,
    width: 1,
    unitWidth: new Uint8Array(0),
    shards: new Int32Array(0),
    shardBytes: new Float64Array(0),
    unitLogicalBytes: new Float64Array(0),
    needed: 1,
    minAvailable: 1,
    separates: 'host',
    unplacedShards: 0,
    undersizedUnits: 0,
  };
}

const diskBytesCache = new WeakMap<Placement, Float64Array>();

/**
 * Physical bytes stored on each disk of the inventory, bytes. A fresh array each call (callers
 * add planned copies to it), copied from a sum cached per placement: every failure starts from it.
 */
export function bytesPerDisk(p: Placement): Float64Array {
  let sums = diskBytesCache.get(p);
  if (!sums) diskBytesCache.set(p, (sums = sumBytesPerDisk(p)));
  return sums.slice();
}

function sumBytesPerDisk(p: Placement): Float64Array {
  const out = new Float64Array(p.inventory.disks.length);
  // Locals, not fields of p: V8 reloads a field on every pass of a loop that reads it.
  const { unitCount, unitWidth, shards, shardBytes, width } = p;
  for (let u = 0; u < unitCount; u++) {
    const bytes = shardBytes[u];
    for (let k = u * width, end = k + unitWidth[u]; k < end; k++) {
      const d = shards[k];
      if (d >= 0) out[d] += bytes;
    }
  }
  return out;
}

/** Σ physical bytes of every placed shard. */
export function physicalBytes(p: Placement): number {
  return bytesPerDisk(p).reduce((s, b) => s + b, 0);
}

const physicalCache = new WeakMap<Placement, number>();

/**
 * Σ bytes of every placed shard, in unit order, bytes; cached per placement, since capacity and
 * both rebalances ask for it. (`physicalBytes` sums the same bytes disk by disk.)
 */
export function storedPhysicalBytes(p: Placement): number {
  const hit = physicalCache.get(p);
  if (hit !== undefined) return hit;
  let s = 0;
  for (let u = 0; u < p.unitCount; u++) for (let k = 0; k < p.unitWidth[u]; k++) if (p.shards[u * p.width + k] >= 0) s += p.shardBytes[u];
  physicalCache.set(p, s);
  return s;
}
