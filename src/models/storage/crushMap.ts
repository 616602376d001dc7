import { domainOf, type Inventory, type StorageDisk } from './inventory';
import {
  hash32After as hash32AfterExport,
  hash32AfterBits as hash32AfterBitsExport,
  hashPrefix as hashPrefixExport,
  straw2 as straw2Export,
  stringId,
  unitOfHash as unitOfHashExport,
} from './hash';

// Local bindings: in dev and test runners an imported function is read through a module getter on
// every call, which costs more than the hash itself in the placement loop.
const hash32After = hash32AfterExport;
const hash32AfterBits = hash32AfterBitsExport;
const hashPrefix = hashPrefixExport;
const straw2 = straw2Export;
const unitOfHash = unitOfHashExport;

/** CRUSH bucket levels from the root down; a bucket's `level` is its index here. */
export const CRUSH_LEVELS = ['root', 'datacenter', 'room', 'row', 'rack', 'host'] as const;
export type CrushLevel = (typeof CRUSH_LEVELS)[number];
const HOST = CRUSH_LEVELS.indexOf('host');
/** The `osd` failure domain: below every bucket, so shards only need different OSDs (they may share a host). */
export const OSD_LEVEL = CRUSH_LEVELS.length;

/** The CRUSH level of a Ceph failure domain (`osd` is the OSD itself, below the host buckets). */
export function crushLevelOf(domain: CrushLevel | 'osd'): number {
  return domain === 'osd' ? OSD_LEVEL : CRUSH_LEVELS.indexOf(domain);
}

/**
 * The CRUSH hierarchy Rook builds from node topology (root → datacenter (site) → room → row → rack
 * → host → OSDs), flattened into parallel arrays so that placing 16,384 PGs × 6 shards allocates
 * nothing and compares bucket numbers instead of id strings. Bucket 0 is the root; buckets are
 * numbered, and children listed, in the order nodes first reach them.
 */
export interface CrushMap {
  inventory: Inventory;
  /** Bucket ids as Ceph would name them: `rack:r1`. */
  ids: string[];
  level: Uint8Array;
  /** `stringId(id)`, the bucket's input to the hash, stored as int32 (`hash32` reads it as int32 anyway) so it stays a small integer in the hot loop. */
  hashId: Int32Array;
  /** Σ capacity of the live OSDs below, bytes (CRUSH weight). */
  weight: Float64Array;
  /**
   * Children grouped by equal weight, numbered per bucket from 0 in order of first appearance
   * (-1 for a child of weight 0); `groupCount[b]` groups under bucket b. Within a group the
   * straw2 winner is the largest hash, so only one logarithm per group is needed.
   */
  childGroup: Int32Array;
  groupCount: Int32Array;
  /** Scratch for `straw2Uneven`: each group's largest hash (in `hashOrder`'s signed order) and the child slot holding it. */
  groupTop: Int32Array;
  groupWin: Int32Array;
  /** Children of bucket b are `children[childStart[b] .. childStart[b + 1])`. */
  childStart: Int32Array;
  children: Int32Array;
  /**
   * The descent's view of bucket b in one array, four numbers each: its children's range
   * [from, to), its level, and how straw2 picks among them (`ONE_CHILD`, `NO_CHILD`, `EVEN`,
   * `UNEVEN`). Each typed array a loop reads costs V8 a map check and loads of its length and data
   * pointer, so a level of the descent reads this and `kids` instead of five arrays.
   */
  shape: Int32Array;
  /** `children` with their hash ids interleaved, side by side so the straw2 scan reads one array: entry i of `children` is kids[2i], its `hashId` kids[2i + 1]. */
  kids: Int32Array;
  /** For a `ONE_ODD` bucket, the slot in `children` of its odd child; else -1. */
  oddSlot: Int32Array;
  /** Storage node of a host bucket, else -1. */
  hostNode: Int32Array;
  /** `bucketOf[level × nodes + node]`: the bucket of that level a node sits in. */
  bucketOf: Int32Array;
  /** Every disk of a host has the same capacity: then, with no OSD down, one hash picks the OSD. */
  uniformHost: Uint8Array;
  /** Disks of storage node n are `nodeDisks[nodeDiskStart[n] .. nodeDiskStart[n + 1])`, in slot order. */
  nodeDiskStart: Int32Array;
  nodeDisks: Int32Array;
}

const structures = new WeakMap<Inventory, CrushMap>();

/**
 * The CRUSH map of an inventory, weighted by capacity. OSDs with `diskDown[d]` set weigh 0, as an
 * OSD marked out does, so a remap never picks them. The bucket structure is built once per
 * inventory and shared; only weights are recomputed for a failure.
 */
export function crushMap(inventory: Inventory, diskDown?: Uint8Array): CrushMap {
  let map = structures.get(inventory);
  if (!map) structures.set(inventory, (map = buildStructure(inventory)));
  return diskDown ? reweighted(map, diskDown) : map;
}

function buildStructure(inventory: Inventory): CrushMap {
  const ids: string[] = ['root'];
  const level: number[] = [0];
  const kids: number[][] = [[]];
  const hostNode: number[] = [-1];
  const index = new Map<string, number>();
  const nodes = inventory.nodes;
  const bucketOf = new Int32Array(CRUSH_LEVELS.length * nodes.length);
  for (const node of nodes) {
    let parent = 0;
    for (let l = 1; l < CRUSH_LEVELS.length; l++) {
      const name = CRUSH_LEVELS[l] as Exclude<CrushLevel, 'root'>;
      const id = `${name}:${domainOf(node, name)}`;
      let b = index.get(id);
      if (b === undefined) {
        b = ids.length;
        index.set(id, b);
        ids.push(id);
        level.push(l);
        kids.push([]);
        hostNode.push(l === HOST ? node.index : -1);
        kids[parent].push(b);
      }
      bucketOf[l * nodes.length + node.index] = b;
      parent = b;
    }
  }
  const childStart = new Int32Array(ids.length + 1);
  kids.forEach((k, b) => {
    childStart[b + 1] = childStart[b] + k.length;
  });
  const map: CrushMap = {
    inventory,
    ids,
    level: Uint8Array.from(level),
    hashId: Int32Array.from(ids, (id, b) => (b === 0 ? 0 : stringId(id) | 0)),
    weight: new Float64Array(ids.length),
    childGroup: new Int32Array(kids.flat().length),
    groupCount: new Int32Array(ids.length),
    groupTop: new Int32Array(Math.max(2, ...kids.map((k) => k.length))),
    groupWin: new Int32Array(Math.max(1, ...kids.map((k) => k.length))),
    childStart,
    children: Int32Array.from(kids.flat()),
    shape: new Int32Array(4 * ids.length),
    kids: new Int32Array(0),
    oddSlot: new Int32Array(ids.length).fill(-1),
    hostNode: Int32Array.from(hostNode),
    bucketOf,
    uniformHost: Uint8Array.from(nodes, (n) => (n.disks.length > 0 && n.disks.every((d) => d.capacityBytes === n.disks[0].capacityBytes) ? 1 : 0)),
    nodeDiskStart: new Int32Array(nodes.length + 1),
    nodeDisks: Int32Array.from(nodes.flatMap((n) => n.disks.map((d) => d.index))),
  };
  nodes.forEach((n, i) => {
    map.nodeDiskStart[i + 1] = map.nodeDiskStart[i] + n.disks.length;
  });
  map.kids = new Int32Array(2 * map.children.length);
  map.children.forEach((c, i) => {
    map.kids[2 * i] = c;
    map.kids[2 * i + 1] = map.hashId[c];
  });
  computeWeights(map, undefined);
  return map;
}

function reweighted(map: CrushMap, diskDown: Uint8Array): CrushMap {
  const copy = {
    ...map,
    weight: new Float64Array(map.weight.length),
    childGroup: new Int32Array(map.childGroup.length),
    groupCount: new Int32Array(map.groupCount.length),
    shape: new Int32Array(map.shape.length),
    oddSlot: new Int32Array(map.oddSlot.length).fill(-1),
  };
  computeWeights(copy, diskDown);
  return copy;
}

/** Σ live capacity under each bucket, added node by node from the root down (the order the tree was built in). */
function computeWeights(map: CrushMap, diskDown: Uint8Array | undefined): void {
  const nodes = map.inventory.nodes;
  for (const node of nodes) {
    const w = node.disks.reduce((sum, d) => sum + (diskDown?.[d.index] ? 0 : d.capacityBytes), 0);
    map.weight[0] += w;
    for (let l = 1; l < CRUSH_LEVELS.length; l++) map.weight[map.bucketOf[l * nodes.length + node.index]] += w;
  }
  for (let b = 0; b < map.ids.length; b++) {
    const from = map.childStart[b],
      to = map.childStart[b + 1];
    let even = to > from;
    for (let i = from; i < to && even; i++) even = map.weight[map.children[i]] > 0 && map.weight[map.children[i]] === map.weight[map.children[from]];
    let groups = 0;
    for (let i = from; i < to; i++) {
      const w = map.weight[map.children[i]];
      let g = -1;
      for (let j = from; j < i && g < 0; j++) if (map.childGroup[j] >= 0 && map.weight[map.children[j]] === w) g = map.childGroup[j];
      map.childGroup[i] = w <= 0 ? -1 : g >= 0 ? g : groups++;
    }
    map.groupCount[b] = groups;
    const at = 4 * b;
    map.shape[at] = from;
    map.shape[at + 1] = to;
    map.shape[at + 2] = map.level[b];
    map.shape[at + 3] = to - from === 1 ? (map.weight[map.children[from]] > 0 ? ONE_CHILD : NO_CHILD) : even ? EVEN : UNEVEN;
    if (map.shape[at + 3] === UNEVEN) {
      const odd = oddChild(map, from, to);
      if (odd >= 0) {
        map.shape[at + 3] = ONE_ODD;
        map.oddSlot[b] = odd;
      }
    }
  }
}

/**
 * The slot of the one child whose weight differs from all the others', when those others share one
 * positive weight (a failed rack among equal racks, a rack that gained a node); else -1.
 */
function oddChild(map: CrushMap, from: number, to: number): number {
  const w = (i: number) => map.weight[map.children[i]];
  for (const major of [w(from), w(from + 1)]) {
    if (!(major > 0)) continue;
    let odd = -1,
      others = 0;
    for (let i = from; i < to; i++) {
      if (w(i) === major) continue;
      odd = i;
      others++;
    }
    if (others === 1) return odd;
  }
  return -1;
}

/** How straw2 picks among a bucket's children (`CrushMap.shape`). */
const ONE_CHILD = 0,
  NO_CHILD = 1,
  EVEN = 2,
  UNEVEN = 3,
  /** Every child but one (`oddSlot`) has the same positive weight; that one weighs 0 or differs. */
  ONE_ODD = 4;

/**
 * From bucket b down to the first bucket of level `target` by straw2 draws for (pg, r), `prefix`
 * being `hashPrefix(seed, pg)`: the bucket, or -1 when some bucket on the way has no live child.
 * Equal weights: the winner is the largest hash (first on ties), as the full straw2 would pick.
 */
function descend(map: CrushMap, b: number, target: number, prefix: number, r: number): number {
  const shape = map.shape,
    kids = map.kids;
  while (b >= 0) {
    const at = b << 2;
    if (shape[at + 2] === target) return b;
    const from = shape[at],
      to = shape[at + 1],
      kind = shape[at + 3];
    if (kind === EVEN) {
      let win = from;
      let top = hashOrder(prefix, kids[2 * from + 1], r);
      // The running maximum is kept without a branch: `if (h > top)` on random hashes is
      // mispredicted about once per bucket, which cost a fifth of the placement (16,384 PGs:
      // 16.8 -> 12.9 ms, same shards). take is -1 (all bits) when h wins, else 0; the
      // differences wrap in 32 bits and `| 0` wraps them back, so top and win come out exact.
      for (let i = from + 1; i < to; i++) {
        const h = hashOrder(prefix, kids[2 * i + 1], r);
        const take = -(+(h > top) | 0);
        top = (top + ((h - top) & take)) | 0;
        win = (win + ((i - win) & take)) | 0;
      }
      b = kids[2 * win];
    } else if (kind === ONE_CHILD) b = kids[2 * from];
    else if (kind === NO_CHILD) return -1;
    else if (kind === ONE_ODD) b = kids[2 * straw2OneOdd(map, from, to, map.oddSlot[b], prefix, r)];
    else b = straw2Uneven(map, from, to, map.groupCount[b], prefix, r);
  }
  return b;
}

/**
 * Straw2 among children[from .. to) of unequal weights, or -1 when none weighs more than 0. Kept
 * apart from `descend` so the common even case stays small enough for V8 to inline.
 */
function straw2Uneven(map: CrushMap, from: number, to: number, groups: number, prefix: number, r: number): number {
  // Straw2 over all children, computed per weight group: ln(u) / w is increasing in the hash, so a
  // group's best is its largest hash (first on ties); the overall winner is the best group winner,
  // the earliest child on equal scores, exactly as a scan over every child would pick. The scan
  // reads the packed `kids` and compares signed-order hashes, as `descend` does: adding a node
  // or failing a disk leaves one bucket per level uneven, and the remaps of a report run here.
  const kids = map.kids,
    childGroup = map.childGroup;
  if (groups === 0) return -1;
  if (groups <= 2) return straw2TwoGroups(map, from, to, groups, prefix, r);
  const groupTop = map.groupTop,
    groupWin = map.groupWin;
  for (let g = 0; g < groups; g++) groupWin[g] = -1;
  for (let i = from; i < to; i++) {
    const g = childGroup[i];
    if (g < 0) continue;
    const h = hashOrder(prefix, kids[2 * i + 1], r);
    if (groupWin[g] < 0 || h > groupTop[g]) {
      groupTop[g] = h;
      groupWin[g] = i;
    }
  }
  if (groups === 1) return kids[2 * groupWin[0]];
  const weight = map.weight;
  let best = -1;
  let bestScore = -Infinity;
  for (let g = 0; g < groups; g++) {
    const i = groupWin[g];
    // Back from signed order to the unsigned hash the draw is defined on.
    const score = straw2(unitOfHash((groupTop[g] ^ -0x80000000) >>> 0), weight[kids[2 * i]]);
    if (score > bestScore || (score === bestScore && i < best)) {
      bestScore = score;
      best = i;
    }
  }
  return best < 0 ? -1 : kids[2 * best];
}

/**
 * `straw2Uneven` for a bucket of one or two weight groups, the usual shape after a failure (a
 * rack of weight 0 among equals; a row or room lighter than its peers) or an added node: both
 * groups' running maxima are kept in locals without branches, as in `descend`, instead of in the
 * scratch arrays, whose store-then-load on every child serialised the scan.
 */
function straw2TwoGroups(map: CrushMap, from: number, to: number, groups: number, prefix: number, r: number): number {
  const kids = map.kids,
    childGroup = map.childGroup;
  let top0 = 0,
    win0 = -1,
    top1 = 0,
    win1 = -1;
  for (let i = from; i < to; i++) {
    const g = childGroup[i];
    if (g < 0) continue;
    const h = hashOrder(prefix, kids[2 * i + 1], r);
    // inFirst is -1 for group 0, else 0; a group's first child takes its lead (win < 0 has the sign bit).
    const inFirst = -(+(g === 0) | 0);
    const take0 = inFirst & -((win0 >>> 31) | +(h > top0));
    const take1 = ~inFirst & -((win1 >>> 31) | +(h > top1));
    top0 = (top0 + ((h - top0) & take0)) | 0;
    win0 = (win0 + ((i - win0) & take0)) | 0;
    top1 = (top1 + ((h - top1) & take1)) | 0;
    win1 = (win1 + ((i - win1) & take1)) | 0;
  }
  if (groups === 1) return kids[2 * win0];
  map.groupTop[0] = top0;
  map.groupTop[1] = top1;
  return kids[2 * pickOfTwo(map, win0, win1)];
}

/**
 * Straw2 over a `ONE_ODD` bucket: the even children by the branch-free running maximum of
 * `descend` (the odd one skipped), then the odd child if it weighs anything. Returns the slot.
 */
function straw2OneOdd(map: CrushMap, from: number, to: number, odd: number, prefix: number, r: number): number {
  const kids = map.kids;
  let top = 0,
    win = -1;
  for (let i = from; i < to; i++) {
    if (i === odd) continue;
    const h = hashOrder(prefix, kids[2 * i + 1], r);
    const take = -((win >>> 31) | +(h > top));
    top = (top + ((h - top) & take)) | 0;
    win = (win + ((i - win) & take)) | 0;
  }
  if (!(map.weight[kids[2 * odd]] > 0)) return win;
  map.groupTop[0] = top;
  map.groupTop[1] = hashOrder(prefix, kids[2 * odd + 1], r);
  return pickOfTwo(map, win, odd);
}

/**
 * The straw2 winner between two children of different positive weights at slots a and b, given
 * their hashes in signed order in `groupTop[0]` and `[1]`: the larger ln(u) / weight, the earlier
 * slot on equal draws. The hashes travel in the scratch array, not as arguments: half of them lie
 * outside V8's small-integer range, and each such argument to a call V8 does not inline was boxed
 * as a heap number (0.6 MB per evaluate of the 5,000-node plan, by the sampling heap profiler).
 *
 * Most draws are decided by the hashes alone (u = hash / 2^32, heavier child H, lighter L,
 * ρ = w_L / w_H < 1): L wins iff ln(u_L) / w_L > ln(u_H) / w_H, i.e. iff u_L > u_H^ρ.
 *  - u_L < u_H: H wins (u_H^ρ > u_H).
 *  - u_L > u_H + (1 − ρ) / ρ: L wins, since u^ρ − u ≤ (1 − ρ) / ρ on (0, 1).
 * In between (a band of width (w_H − w_L) / w_L, about 1 % when one rack of a hundred gains a
 * node) the logarithms decide. The 8-hash margin keeps every shortcut far from a tie of the
 * computed draws, so the pick is the one the draws would make (the test checks it against a
 * plain straw2 scan).
 */
function pickOfTwo(map: CrushMap, a: number, b: number): number {
  const kids = map.kids,
    weight = map.weight;
  const topA = map.groupTop[0],
    topB = map.groupTop[1];
  const weightA = weight[kids[2 * a]],
    weightB = weight[kids[2 * b]];
  const aHeavy = weightA > weightB;
  const heavyTop = aHeavy ? topA : topB,
    lightTop = aHeavy ? topB : topA;
  if (lightTop < heavyTop) return aHeavy ? a : b;
  const band = ((aHeavy ? weightA - weightB : weightB - weightA) / (aHeavy ? weightB : weightA)) * 4294967296;
  if (lightTop - heavyTop > band + 8) return aHeavy ? b : a;
  // Back from signed order to the unsigned hash the draw is defined on, then `straw2(unitOfHash(h),
  // weight)` written out (both weights are positive): called, those two took and returned doubles
  // V8 boxed, 0.2 MB per add-node estimate on the 5,000-node plan, where the band is wide.
  const scoreA = Math.log((((topA ^ -0x80000000) >>> 0) + 0.5) / 4294967296) / weightA;
  const scoreB = Math.log((((topB ^ -0x80000000) >>> 0) + 0.5) / 4294967296) / weightB;
  return scoreB > scoreA || (scoreB === scoreA && b < a) ? b : a;
}

/**
 * `hash32After(prefix, c, d) − 2^31` as a signed 32-bit integer: it orders exactly as the unsigned
 * hash does, but stays a small integer in V8, where an unsigned hash above 2^31 is a double and
 * every comparison of the straw2 scan becomes a floating-point one.
 */
function hashOrder(prefix: number, c: number, d: number): number {
  return hash32AfterBits(prefix, c, d) ^ -0x80000000;
}

/**
 * `hash % n` for a 32-bit unsigned hash and n < 2^15, in small-integer arithmetic: V8 holds a
 * hash above 2^31 as a double, and `%` on doubles calls fmod, which costs more than the hash.
 * (hi × 2^16 + lo) mod n = ((hi mod n) × 2^16 + lo) mod n.
 */
function modulo(hash: number, n: number): number {
  return n < 32768 ? ((((hash >>> 16) % n) << 16) + (hash & 0xffff)) % n : hash % n;
}

/**
 * `modulo(hash32After(prefix, c, d), n)`, kept as one small function so the 32-bit hash never
 * leaves it: returned from a call that V8 did not inline, a hash above 2^30 is boxed as a heap
 * number, and the placement of 16,384 PGs picked 98,304 OSDs this way.
 */
function hashModulo(prefix: number, c: number, d: number, n: number): number {
  return modulo(hash32After(prefix, c, d), n);
}

/**
 * The live OSD of a host with the largest hash32After(prefix, hostHash, slot + 1) (first on
 * ties), or -1: the straw2 winner among equal weights. Its own function for the reason
 * `hashModulo` is: the hashes stay inside.
 */
function largestHashOsd(disks: readonly StorageDisk[], prefix: number, hostHash: number, diskDown: Uint8Array | undefined): number {
  let top = -1;
  let disk = -1;
  for (const d of disks) {
    if (diskDown?.[d.index]) continue;
    const h = hash32After(prefix, hostHash, d.slot + 1);
    if (h > top) {
      top = h;
      disk = d.index;
    }
  }
  return disk;
}

/** Where `crushChoose` put a shard: the disk index (-1 when none) and the failure-domain bucket it used. */
export interface CrushChoice {
  disk: number;
  domain: number;
}

/**
 * CRUSH `chooseleaf` for one shard: descend from the root by straw2 to a bucket of the failure
 * domain's level, retrying with r' = r + try × width (up to 50 tries, `choose_total_tries`) while
 * the bucket is among the first `usedCount` entries of `used`; then descend to a host and pick an
 * OSD by straw2 (skipping OSDs with `diskDown` set). Writes the disk index, or -1 when no unused
 * domain with live OSDs is found, into `out`.
 */
export function crushChoose(
  map: CrushMap,
  level: number,
  seed: number,
  pg: number,
  r: number,
  width: number,
  used: Int32Array,
  usedCount: number,
  out: CrushChoice,
  diskDown?: Uint8Array,
): void {
  out.disk = -1;
  out.domain = -1;
  // Every hash below is hash32(seed, pg, item, r): mix (seed, pg) once.
  const prefix = hashPrefix(seed, pg);
  const nodes = map.inventory.nodes;
  attempts: for (let attempt = 0; attempt < 50; attempt++) {
    const rr = r + attempt * width;
    const b = descend(map, 0, level === OSD_LEVEL ? HOST : level, prefix, rr);
    if (b < 0) return;
    if (level !== OSD_LEVEL) for (let i = 0; i < usedCount; i++) if (used[i] === b) continue attempts;
    const leaf = descend(map, b, HOST, prefix, rr);
    const nodeIndex = leaf >= 0 ? map.hostNode[leaf] : -1;
    if (nodeIndex < 0) continue;
    if (!diskDown && map.uniformHost[nodeIndex]) {
      // Equal weights: straw2's winner is uniform over the disks, so one hash picks it.
      const first = map.nodeDiskStart[nodeIndex];
      out.disk = map.nodeDisks[first + hashModulo(prefix, map.hashId[leaf], rr, map.nodeDiskStart[nodeIndex + 1] - first)];
      out.domain = b;
      if (level === OSD_LEVEL && !settleOsd(out, used, usedCount)) continue;
      return;
    }
    if (map.uniformHost[nodeIndex] && nodes[nodeIndex].disks[0].capacityBytes > 0) {
      // Equal weights: the straw2 winner among the live OSDs is the one with the largest hash (first on ties).
      out.disk = largestHashOsd(nodes[nodeIndex].disks, prefix, map.hashId[leaf], diskDown);
      if (out.disk >= 0) {
        out.domain = b;
        if (level === OSD_LEVEL && !settleOsd(out, used, usedCount)) continue;
        return;
      }
      continue;
    }
    let best = -Infinity;
    for (const d of nodes[nodeIndex].disks) {
      if (diskDown?.[d.index]) continue;
      const score = straw2(unitOfHash(hash32After(prefix, map.hashId[leaf], d.slot + 1)), d.capacityBytes);
      if (score > best) {
        best = score;
        out.disk = d.index;
      }
    }
    if (out.disk >= 0) {
      out.domain = b;
      if (level === OSD_LEVEL && !settleOsd(out, used, usedCount)) continue;
      return;
    }
  }
}

/** With the `osd` failure domain the domain is the OSD: refuse one already used (and reset `out`). */
function settleOsd(out: CrushChoice, used: Int32Array, usedCount: number): boolean {
  out.domain = out.disk;
  for (let i = 0; i < usedCount; i++) {
    if (used[i] === out.disk) {
      out.disk = -1;
      out.domain = -1;
      return false;
    }
  }
  return true;
}
