import type { StorageSettings } from '../../plan/schema';
import { crushChoose, crushLevelOf, crushMap, type CrushChoice } from './crushMap';
import type { Inventory } from './inventory';
import type { Placement } from './placement';
import { totalUsedBytes, type VolumeSet } from './volumes';

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

/**
 * Places a Ceph pool's PGs with a CRUSH-like rule, `chooseleaf firstn <width> type
 * <failureDomain>` over `crushMap`: each shard descends the hierarchy by straw2 draws weighted by
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
  // Filled by a loop: Array.from({ length }, fn) costs more than a tenth of the placement itself.
  const pgs = new Int32Array(pgNum);
  for (let pg = 0; pg < pgNum; pg++) pgs[pg] = pg;
  const { shards, unplaced, undersized } = cephShards(s, inventory, seed, pgs);
  const stored = totalUsedBytes(volumes);
  const perPg = pgNum > 0 ? stored / pgNum : 0;
  const k = cephNeeded(s);
  return {
    provider: 'ceph',
    inventory,
    volumes,
    unitKind: 'pg',
    unitCount: pgNum,
    width,
    unitWidth: new Uint8Array(pgNum).fill(width),
    shards,
    shardBytes: new Float64Array(pgNum).fill(perPg / k),
    unitLogicalBytes: new Float64Array(pgNum).fill(perPg),
    needed: k,
    minAvailable: cephMinSize(s),
    separates: s.failureDomain === 'osd' ? 'disk' : s.failureDomain,
    unplacedShards: unplaced,
    undersizedUnits: undersized,
    pgNum,
  };
}

/**
 * CRUSH shards of the listed PGs (`placeCeph`'s rule), row i of the result for `pgs[i]`; -1 marks
 * a shard with no domain left. Used directly by rebalance to re-place a sample of PGs.
 */
export function cephShards(
  s: CephSettings,
  inventory: Inventory,
  seed: number,
  pgs: ArrayLike<number>,
): { shards: Int32Array; unplaced: number; undersized: number } {
  const width = cephPoolWidth(s);
  const map = crushMap(inventory);
  const level = crushLevelOf(s.failureDomain);
  const shards = new Int32Array(pgs.length * width).fill(-1);
  const used = new Int32Array(width);
  const choice: CrushChoice = { disk: -1, domain: -1 };
  let unplaced = 0;
  let undersized = 0;
  for (let row = 0; row < pgs.length; row++) {
    const pg = pgs[row];
    let placed = 0;
    for (let r = 0; r < width; r++) {
      crushChoose(map, level, seed, pg, r, width, used, placed, choice);
      if (choice.disk < 0) continue;
      used[placed] = choice.domain;
      shards[row * width + placed++] = choice.disk;
    }
    if (placed < width) {
      unplaced += width - placed;
      undersized++;
    }
  }
  return { shards, unplaced, undersized };
}

/**
 * When Ceph starts re-replicating the PGs of a failed OSD, s after the failure: the heartbeat
 * grace (20 s) marks it down, then `mon_osd_down_out_interval` (600 s) marks it out, which starts
 * backfill (src/models/README.md, Sources: Ceph). Returns null when it is never marked out automatically: every OSD of a
 * rack (or larger subtree) is down, and `mon_osd_down_out_subtree_limit = rack` keeps whole racks
 * in until they return or an operator acts.
 */
export function cephRebuildStartS(s: CephSettings, graceS: number, wholeRackDown: boolean): number | null {
  return wholeRackDown ? null : graceS + s.downOutIntervalS;
}
