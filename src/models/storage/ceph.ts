import type { StorageSettings } from '../../plan/schema';
import { domainOf, type Inventory, type StorageNode } from './inventory';
import { hash32 as hash32Export, hashUnit as hashUnitExport, straw2 as straw2Export, stringId } from './hash';
import type { Placement } from './placement';
import { totalUsedBytes, type VolumeSet } from './volumes';

// Local bindings: in dev and test runners an imported function is read through a module getter on
// every call, which costs more than the hash itself in the placement loop.
const hash32 = hash32Export;
const hashUnit = hashUnitExport;
const straw2 = straw2Export;

export type CephSettings = Extract<StorageSettings, { provider: 'ceph' }>;
export type CephDomain = CephSettings['failureDomain'];

/** Shards per placement group: `size` for a replicated pool, k + m for an erasure-coded one. */
export function cephPoolWidth(s: CephSettings): number {
  return s.pool.type === 'replicated' ? s.pool.size : s.pool.k + s.pool.m;
}

/** Shards needed to read: 1 for replicas, k for EC. */
export function cephNeeded(s: CephSettings): number {
  return s.pool.type === 'replicated' ? 1 : s.pool.k;
}

/**
 * Shards that must be up for a PG to serve I/O: `min_size` of a replicated pool (default 2); k + 1
 * for an EC pool (Ceph's default min_size for EC since Octopus), capped at the width.
 */
export function cephMinSize(s: CephSettings): number {
  return s.pool.type === 'replicated' ? Math.min(s.pool.minSize, s.pool.size) : Math.min(s.pool.k + 1, s.pool.k + s.pool.m);
}

/**
 * The pool's pg_num: OSDs × pgsPerOsd / width, rounded to the nearest power of two, as the PG
 * autoscaler does (`mon_target_pg_per_osd` 100 counts PG shards per OSD).
 * Example: 72 OSDs, 100 per OSD, size 3 → 2400 → 2048.
 */
export function cephPgNum(osds: number, pgsPerOsd: number, width: number): number {
  const target = Math.max(1, (osds * pgsPerOsd) / width);
  const lower = 2 ** Math.floor(Math.log2(target));
  return target - lower < lower * 2 - target ? lower : lower * 2;
}

/** A CRUSH bucket: the root, a site (datacenter), room, row, rack or host, with its subtree weight. */
export interface CrushBucket {
  id: string;
  hashId: number;
  level: 'root' | CephDomain;
  /** Σ capacity of the live OSDs below, bytes (CRUSH weight). */
  weight: number;
  children: CrushBucket[];
  node: StorageNode | undefined;
  /** All children weigh the same (and more than 0): the straw2 winner is then simply the largest hash. */
  evenChildren: boolean;
}

const LEVELS: CephDomain[] = ['datacenter', 'room', 'row', 'rack', 'host'];

/**
 * The CRUSH hierarchy Rook builds from node topology: root → datacenter (site) → room → row →
 * rack → host → OSDs, weighted by capacity. OSDs for which `down` is true weigh 0, as an OSD
 * marked out does, so a remap never picks them.
 */
export function crushTree(inventory: Inventory, down?: (diskIndex: number) => boolean): CrushBucket {
  const root: CrushBucket = { id: 'root', hashId: 0, level: 'root', weight: 0, children: [], node: undefined, evenChildren: false };
  const index = new Map<string, CrushBucket>();
  for (const node of inventory.nodes) {
    const weight = node.disks.reduce((w, d) => w + (down?.(d.index) ? 0 : d.capacityBytes), 0);
    let parent = root;
    root.weight += weight;
    for (const level of LEVELS) {
      const id = `${level}:${domainOf(node, level)}`;
      let b = index.get(id);
      if (!b) {
        b = { id, hashId: stringId(id), level, weight: 0, children: [], node: level === 'host' ? node : undefined, evenChildren: false };
        index.set(id, b);
        parent.children.push(b);
      }
      b.weight += weight;
      parent = b;
    }
  }
  markEven(root);
  return root;
}

function markEven(b: CrushBucket): void {
  b.evenChildren = b.children.length > 0 && b.children.every((c) => c.weight > 0 && c.weight === b.children[0].weight);
  for (const c of b.children) markEven(c);
}

const uniform = new WeakMap<StorageNode, boolean>();
function uniformDisks(node: StorageNode): boolean {
  let u = uniform.get(node);
  if (u === undefined) uniform.set(node, (u = node.disks.every((d) => d.capacityBytes === node.disks[0].capacityBytes)));
  return u;
}

/** Straw2 choice among a bucket's children for (pg, r): the child with the largest ln(u) / weight. */
function straw2Child(bucket: CrushBucket, seed: number, pg: number, r: number): CrushBucket | undefined {
  const children = bucket.children;
  if (children.length === 1) return children[0].weight > 0 ? children[0] : undefined;
  if (bucket.evenChildren) {
    let top = 0;
    let win = 0;
    for (let i = 0; i < children.length; i++) {
      const h = hash32(seed, pg, children[i].hashId, r);
      if (h > top || i === 0) { top = h; win = i; }
    }
    return children[win];
  }
  let best: CrushBucket | undefined;
  let bestScore = -Infinity;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.weight <= 0) continue;
    const score = straw2(hashUnit(seed, pg, c.hashId, r), c.weight);
    if (score > bestScore) { bestScore = score; best = c; }
  }
  return best;
}

/**
 * CRUSH `chooseleaf` for one shard: descend from the root by straw2 to a bucket of the failure
 * domain's level, retrying with r' = r + try × width (up to 50 tries, `choose_total_tries`) while
 * the bucket is already `used` by the PG; then descend to a host and pick an OSD by straw2.
 * Returns the disk index, or -1 when no unused domain with live OSDs is found.
 */
export function crushChoose(root: CrushBucket, level: CephDomain, seed: number, pg: number, r: number, width: number, used: string[], down?: (diskIndex: number) => boolean): { disk: number; domain: string } {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rr = r + attempt * width;
    let b: CrushBucket | undefined = root;
    while (b && b.level !== level) b = straw2Child(b, seed, pg, rr);
    if (!b) return { disk: -1, domain: '' };
    if (used.includes(b.id)) continue;
    let leaf: CrushBucket | undefined = b;
    while (leaf && leaf.level !== 'host') leaf = straw2Child(leaf, seed, pg, rr);
    const node = leaf?.node;
    if (!node) continue;
    if (!down && node.disks.length > 0 && uniformDisks(node)) {
      // Equal weights: straw2's winner is uniform over the disks, so one hash picks it.
      return { disk: node.disks[hash32(seed, pg, leaf!.hashId, rr) % node.disks.length].index, domain: b.id };
    }
    let disk = -1;
    let best = -Infinity;
    for (const d of node.disks) {
      if (down?.(d.index)) continue;
      const score = straw2(hashUnit(seed, pg, leaf!.hashId, d.slot + 1), d.capacityBytes);
      if (score > best) { best = score; disk = d.index; }
    }
    if (disk >= 0) return { disk, domain: b.id };
  }
  return { disk: -1, domain: '' };
}

/**
 * Places a Ceph pool's PGs with a CRUSH-like rule, `chooseleaf firstn <width> type
 * <failureDomain>` over `crushTree`: each shard descends the hierarchy by straw2 draws weighted by
 * capacity and retries while it lands in a failure domain the PG already uses, so a PG never has
 * two shards in one domain. Hashes use stable bucket ids, so adding or removing a bucket moves
 * about its share of the data and little else, as with CRUSH. Data: the pool's RBD images are
 * striped in 4 MiB objects over all PGs, so each PG holds Σ used bytes / pg_num; a replica holds
 * all of it, an EC chunk 1/k. A PG that finds fewer domains than its width stays undersized.
 */
export function placeCeph(s: CephSettings, inventory: Inventory, volumes: VolumeSet, seed: number): Placement {
  const width = cephPoolWidth(s);
  const osds = inventory.disks.length;
  const pgNum = osds === 0 ? 0 : cephPgNum(osds, s.pgsPerOsd, width);
  const pgs = Array.from({ length: pgNum }, (_, i) => i);
  const { shards, unplaced, undersized } = cephShards(s, inventory, seed, pgs);
  const stored = totalUsedBytes(volumes);
  const perPg = pgNum > 0 ? stored / pgNum : 0;
  const k = cephNeeded(s);
  return {
    provider: 'ceph', inventory, volumes, unitKind: 'pg', unitCount: pgNum, width,
    unitWidth: new Uint8Array(pgNum).fill(width), shards,
    shardBytes: new Float64Array(pgNum).fill(perPg / k), unitLogicalBytes: new Float64Array(pgNum).fill(perPg),
    needed: k, minAvailable: cephMinSize(s), separates: s.failureDomain,
    unplacedShards: unplaced, undersizedUnits: undersized, pgNum,
  };
}

/**
 * CRUSH shards of the listed PGs (`placeCeph`'s rule), row i of the result for `pgs[i]`; -1 marks
 * a shard with no domain left. Used directly by rebalance to re-place a sample of PGs.
 */
export function cephShards(s: CephSettings, inventory: Inventory, seed: number, pgs: number[]): { shards: Int32Array; unplaced: number; undersized: number } {
  const width = cephPoolWidth(s);
  const root = crushTree(inventory);
  const shards = new Int32Array(pgs.length * width).fill(-1);
  const used: string[] = [];
  let unplaced = 0;
  let undersized = 0;
  pgs.forEach((pg, row) => {
    used.length = 0;
    let missing = 0;
    for (let r = 0; r < width; r++) {
      const { disk, domain } = crushChoose(root, s.failureDomain, seed, pg, r, width, used);
      if (disk < 0) { missing++; continue; }
      used.push(domain);
      shards[row * width + r - missing] = disk;
    }
    if (missing > 0) { unplaced += missing; undersized++; }
  });
  return { shards, unplaced, undersized };
}

/**
 * When Ceph starts re-replicating the PGs of a failed OSD, s after the failure: the heartbeat
 * grace (20 s) marks it down, then `mon_osd_down_out_interval` (600 s) marks it out, which starts
 * backfill (model-facts). Returns null when it is never marked out automatically: every OSD of a
 * rack (or larger subtree) is down, and `mon_osd_down_out_subtree_limit = rack` keeps whole racks
 * in until they return or an operator acts.
 */
export function cephRebuildStartS(s: CephSettings, graceS: number, wholeRackDown: boolean): number | null {
  return wholeRackDown ? null : graceS + s.downOutIntervalS;
}
