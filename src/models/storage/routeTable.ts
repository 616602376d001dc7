import { latencyClassOf, liveSwitches, pathLinks, type LatencyClass, type PathLink } from '../network/paths';
import type { Topology } from '../topology';
import type { Inventory, StorageNode } from './inventory';

/** The lowest tier two nodes share, which decides the links each half of a path climbs (0: a common switch). */
const TIERS: Array<LatencyClass | 'switch'> = ['switch', 'same-node', 'same-rack', 'same-row', 'cross-row', 'cross-room', 'cross-site'];

/** Live-switch masks: bit 1 for switch A, bit 2 for B. */
const A = 1;
const B = 2;

/**
 * Every link node-to-node copies on one inventory cross, numbered: its resource id
 * (`rack/tor-A+B:up`), kind, Gbit/s before scaling, and whether a node shared with workloads sits
 * at its end (its NIC then loses the workload's east-west traffic). Routes of node pairs are kept
 * in flat arrays: pair p loads `pairLinks[pairStart[p] .. pairStart[p] + pairLength[p])`.
 *
 * One table serves every failure set of the inventory: a path depends on the failed switches only
 * through the live switches of its two ends, so a pair is keyed by its nodes and their live-switch
 * masks, and a storage report's dozen failures and rebalances share the routes of every pair whose
 * racks lost no switch (the copies of a rack or room outage run between surviving racks).
 */
export class RouteTable {
  ids: string[] = [];
  kind: Array<'link' | 'kubespan'> = [];
  gbps: number[] = [];
  sharedEnd: boolean[] = [];
  pairStart = new Int32Array(256);
  pairLength = new Uint8Array(256);
  /** The pair's copies leave the rack (cross a ToR uplink). */
  pairRacks = new Uint8Array(256);
  pairLinks = new Int32Array(2048);
  /** Copies cross KubeSpan (it is on for the whole cluster or not at all). */
  readonly crosses: boolean;
  private pairCount = 0;
  private linkCount = 0;
  private readonly nodeCount: number;
  private readonly number = new Map<string, number>();
  /** Live-switch mask of each node with no switch down. */
  private readonly cabled: Uint8Array;
  /** Pairs whose two ends have all their switches: pair number by s × nodes + t (-1 unseen). */
  private readonly plainPairs: Int32Array | undefined;
  private readonly otherPairs = new Map<number, number>();
  private readonly ups = new Map<number, { links: number[]; racks: boolean }>();
  private readonly downs = new Map<number, { links: number[]; racks: boolean }>();
  private readonly nicUp = new Map<number, number>();
  private readonly nicDown = new Map<number, number>();
  private readonly rackNumber = new Map<string, number>();

  constructor(
    private readonly topology: Topology,
    private readonly inventory: Inventory,
  ) {
    const n = inventory.nodes.length;
    this.nodeCount = n;
    this.crosses = topology.plan.cluster.kubespan.enabled;
    this.cabled = Uint8Array.from(inventory.nodes, (node) => maskOf(liveSwitches(this.placeOf(node), undefined)));
    // A flat table while nodes² stays small (120 storage nodes: 14,400), else only the map.
    this.plainPairs = n * n <= 1 << 20 ? new Int32Array(n * n).fill(-1) : undefined;
  }

  /** Each node's live-switch mask with `failedTors` down (the same as `liveSwitches`). */
  liveMasks(failedTors: ReadonlySet<string> | undefined): Uint8Array {
    if (!failedTors || failedTors.size === 0) return this.cabled;
    return Uint8Array.from(this.inventory.nodes, (node, i) => {
      const rackId = this.placeOf(node).rack.id;
      return this.cabled[i] & ~((failedTors.has(`${rackId}/A`) ? A : 0) | (failedTors.has(`${rackId}/B`) ? B : 0));
    });
  }

  /**
   * The number of the route from storage node s to storage node t (two different nodes) while
   * `masks` (from `liveMasks(failedTors)`) are their live switches, resolved on first use.
   */
  pair(s: number, t: number, masks: Uint8Array, failedTors: ReadonlySet<string> | undefined): number {
    const ms = masks[s],
      mt = masks[t];
    const plain = ms === this.cabled[s] && mt === this.cabled[t];
    const key = plain ? s * this.nodeCount + t : ((s * 4 + ms) * this.nodeCount + t) * 4 + mt;
    const hit = plain && this.plainPairs ? this.plainPairs[key] : (this.otherPairs.get(plain ? -1 - key : key) ?? -1);
    if (hit >= 0) return hit;
    const p = this.resolvePair(this.inventory.nodes[s], this.inventory.nodes[t], ms, mt, failedTors);
    if (plain && this.plainPairs) this.plainPairs[key] = p;
    else this.otherPairs.set(plain ? -1 - key : key, p);
    return p;
  }

  /**
   * Resolves the links of a copy from one node to another (`pathLinks`, the links of
   * `pathBetween`). A path is the source's NIC, the links up from the source's rack to the lowest
   * tier the two nodes share, the links down from there to the target's rack, and the target's
   * NIC. Each half depends only on its own rack, the switches its node can use and that tier, so
   * halves are resolved once per such key and NICs once per node and mask: copies spread over 120
   * nodes in 60 racks then ask `pathLinks` a few hundred times instead of once per node pair.
   */
  private resolvePair(sNode: StorageNode, tNode: StorageNode, ms: number, mt: number, failedTors: ReadonlySet<string> | undefined): number {
    const sideS = this.rackOf(sNode) * 4 + ms,
      sideT = this.rackOf(tNode) * 4 + mt;
    // Two nodes of one rack on a common live switch stay on it: no fabric links at all.
    const tier = sNode.rackId === tNode.rackId && (ms & mt) !== 0 ? 0 : TIERS.indexOf(latencyClassOf(this.placeOf(sNode), this.placeOf(tNode)));
    const upKey = sideS * TIERS.length + tier;
    const downKey = sideT * TIERS.length + tier;
    let upHalf = this.ups.get(upKey),
      downHalf = this.downs.get(downKey);
    let nicS = this.nicUp.get(sNode.index * 4 + ms),
      nicT = this.nicDown.get(tNode.index * 4 + mt);
    if (!upHalf || !downHalf || nicS === undefined || nicT === undefined) {
      // The links alone: a copy loads them, and their RTT (an override lookup per pair) plays no part.
      const path = pathLinks(this.placeOf(sNode), this.placeOf(tNode), failedTors);
      const half = path.links.length / 2;
      const last = path.links.length - 1;
      const halfOf = (from: number, to: number, up: boolean) => {
        const h = { links: [] as number[], racks: false };
        for (let i = from; i < to; i++) {
          if (path.links[i].kind === 'tor') h.racks = true;
          h.links.push(this.linkResource(path.links[i], up, undefined));
        }
        return h;
      };
      nicS ??= this.linkResource(path.links[0], true, sNode);
      this.nicUp.set(sNode.index * 4 + ms, nicS);
      if (!upHalf) this.ups.set(upKey, (upHalf = halfOf(1, half, true)));
      if (!downHalf) this.downs.set(downKey, (downHalf = halfOf(half, last, false)));
      nicT ??= this.linkResource(path.links[last], false, tNode);
      this.nicDown.set(tNode.index * 4 + mt, nicT);
    }
    const length = 2 + upHalf.links.length + downHalf.links.length + (this.crosses ? 2 : 0);
    const p = this.pairCount++;
    if (p === this.pairStart.length) {
      this.pairStart = grown(this.pairStart, p * 2);
      this.pairLength = grown(this.pairLength, p * 2);
      this.pairRacks = grown(this.pairRacks, p * 2);
    }
    const start = p === 0 ? 0 : this.pairStart[p - 1] + this.pairLength[p - 1];
    if (start + length > this.pairLinks.length) this.pairLinks = grown(this.pairLinks, (start + length) * 2);
    let at = start;
    this.pairLinks[at++] = nicS;
    for (const g of upHalf.links) this.pairLinks[at++] = g;
    for (const g of downHalf.links) this.pairLinks[at++] = g;
    this.pairLinks[at++] = nicT;
    if (this.crosses) {
      this.pairLinks[at++] = this.linkNumber(`kubespan-tx:${sNode.id}`, 'kubespan', 0, false);
      this.pairLinks[at++] = this.linkNumber(`kubespan-rx:${tNode.id}`, 'kubespan', 0, false);
    }
    this.pairStart[p] = start;
    this.pairLength[p] = length;
    this.pairRacks[p] = upHalf.racks || downHalf.racks ? 1 : 0;
    return p;
  }

  /** How many links are numbered so far (every link number is below it). */
  get links(): number {
    return this.linkCount;
  }

  /** Places in the plan the estimate was asked about (whose racks and links may differ from the inventory's). */
  private placeOf(n: StorageNode) {
    return this.topology.placeById.get(n.id) ?? n.place;
  }

  private rackOf(n: StorageNode): number {
    let r = this.rackNumber.get(n.rackId);
    if (r === undefined) this.rackNumber.set(n.rackId, (r = this.rackNumber.size));
    return r;
  }

  private linkResource(link: PathLink, up: boolean, nodeAtEnd: StorageNode | undefined): number {
    return this.linkNumber(`${link.id}:${up ? 'up' : 'down'}`, 'link', link.gbps, !!nodeAtEnd?.sharedWithWorkloads);
  }

  /**
   * The number of a link, by id and capacity: with a switch down, a NIC or ToR uplink keeps its id
   * but carries less, and the table serves every failure set.
   */
  private linkNumber(id: string, kind: 'link' | 'kubespan', linkGbps: number, shared: boolean): number {
    const key = `${id}|${linkGbps}|${shared ? 1 : 0}`;
    let g = this.number.get(key);
    if (g === undefined) {
      g = this.linkCount++;
      this.number.set(key, g);
      this.ids.push(id);
      this.kind.push(kind);
      this.gbps.push(linkGbps);
      this.sharedEnd.push(shared);
    }
    return g;
  }
}

function maskOf(live: readonly string[]): number {
  return (live.includes('A') ? A : 0) | (live.includes('B') ? B : 0);
}

function grown<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

const routeTables = new WeakMap<Topology, WeakMap<Inventory, RouteTable>>();

/**
 * The route table of an inventory in a plan's topology, built as pairs are asked for and kept: a
 * storage report works through a dozen failures and rebalances of the same inventory, and their
 * copies mostly run between the same node pairs, so each pair's path is resolved once instead of
 * once per estimate. Only capacities (which depend on the estimate's options) are worked out per
 * estimate.
 */
export function routeTable(topology: Topology, inv: Inventory): RouteTable {
  let byInventory = routeTables.get(topology);
  if (!byInventory) routeTables.set(topology, (byInventory = new WeakMap()));
  let table = byInventory.get(inv);
  if (!table) byInventory.set(inv, (table = new RouteTable(topology, inv)));
  return table;
}
