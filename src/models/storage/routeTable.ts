import { liveSwitches, pathLinks, type LatencyClass, type PathLink } from '../network/paths';
import type { NodePlace, Topology } from '../topology';
import type { Inventory, StorageNode } from './inventory';

/** The lowest tier two nodes share, which decides the links each half of a path climbs (0: a common switch). */
const TIERS: Array<LatencyClass | 'switch'> = ['switch', 'same-node', 'same-rack', 'same-row', 'cross-row', 'cross-room', 'cross-site'];

const SAME_RACK = TIERS.indexOf('same-rack');
const SAME_ROW = TIERS.indexOf('same-row');
const CROSS_ROW = TIERS.indexOf('cross-row');
const CROSS_ROOM = TIERS.indexOf('cross-room');
const CROSS_SITE = TIERS.indexOf('cross-site');

/** Live-switch masks: bit 1 for switch A, bit 2 for B. */
const A = 1;
const B = 2;

/**
 * Every link node-to-node copies on one inventory cross, numbered: its resource id
 * (`rack/tor-A+B:up`), kind, Gbit/s before scaling, and whether a node shared with workloads sits
 * at its end (its NIC then loses the workload's east-west traffic).
 *
 * A path is the source's NIC, the links up from the source's rack to the lowest tier the two
 * nodes share, the links down from there to the target's rack, and the target's NIC
 * (`pathLinks`). Each half depends only on its own rack, the switches its node can use and that
 * tier, and a NIC only on its node and those switches, so halves are resolved once per such key
 * and NICs once per node: copies spread over 120 nodes in 60 racks ask `pathLinks` a few hundred
 * times instead of once per node pair, and a route is put together from its parts per copy
 * without a table of node pairs. One table serves every failure set of the inventory: a path
 * depends on the failed switches only through the live switches of its two ends.
 */
export class RouteTable {
  ids: string[] = [];
  kind: Array<'link' | 'kubespan'> = [];
  gbps: number[] = [];
  sharedEnd: boolean[] = [];
  /**
   * Per link number, the number of its id among distinct ids: with a switch down a link keeps its
   * id but gets a second number for its lower capacity, and an estimate loads one resource per id.
   */
  idNo: number[] = [];
  private readonly idIndex = new Map<string, number>();
  /** Copies cross KubeSpan (it is on for the whole cluster or not at all). */
  readonly crosses: boolean;
  /** Whether the route last written by `route` leaves the rack (crosses a ToR uplink). */
  lastLeavesRack = false;
  private readonly number = new Map<string, number>();
  private readonly places: NodePlace[];
  /** Per node: its live-switch mask with no switch down, and numbers for its rack, row, room and site. */
  private readonly cabled: Uint8Array;
  private readonly rackNo: Int32Array;
  private readonly placeRackNo: Int32Array;
  private readonly rowNo: Int32Array;
  private readonly roomNo: Int32Array;
  private readonly siteNo: Int32Array;
  /** Links of piece p: `pieceLinks[pieceStart[p] .. pieceStart[p + 1])` (see `pieces`). */
  pieceLinks = new Int32Array(256);
  pieceStart = new Int32Array(65);
  private pieceTotal = 0;
  /** Pieces of the path halves by (rack × 4 + live mask) × tiers + tier, -1 until resolved; whether each leaves the rack. */
  private readonly upPiece: Int32Array;
  private readonly downPiece: Int32Array;
  private readonly upRacks: Uint8Array;
  private readonly downRacks: Uint8Array;
  /** NIC pieces by node × 4 + live mask (-1 until resolved); KubeSpan pieces by node. */
  private readonly nicUp: Int32Array;
  private readonly nicDown: Int32Array;
  private readonly kubeTx: Int32Array;
  private readonly kubeRx: Int32Array;

  constructor(
    topology: Topology,
    private readonly inventory: Inventory,
  ) {
    const n = inventory.nodes.length;
    this.crosses = topology.plan.cluster.kubespan.enabled;
    // Places in the plan the estimate was asked about (whose racks and links may differ from the inventory's).
    this.places = inventory.nodes.map((node) => topology.placeById.get(node.id) ?? node.place);
    this.cabled = Uint8Array.from(this.places, (place) => maskOf(liveSwitches(place, undefined)));
    // The inventory's racks key the halves (as its nodes sit); the places' ids decide the tier (as `latencyClassOf` does).
    this.rackNo = numbered(inventory.nodes.map((node) => node.rackId));
    this.placeRackNo = numbered(this.places.map((p) => p.rack.id));
    this.rowNo = numbered(this.places.map((p) => p.row.id));
    this.roomNo = numbered(this.places.map((p) => p.room.id));
    this.siteNo = numbered(this.places.map((p) => p.site.id));
    const halves = (Math.max(0, ...this.rackNo) + 1) * 4 * TIERS.length;
    this.upPiece = new Int32Array(halves).fill(-1);
    this.downPiece = new Int32Array(halves).fill(-1);
    this.upRacks = new Uint8Array(halves);
    this.downRacks = new Uint8Array(halves);
    this.nicUp = new Int32Array(n * 4).fill(-1);
    this.nicDown = new Int32Array(n * 4).fill(-1);
    this.kubeTx = new Int32Array(n).fill(-1);
    this.kubeRx = new Int32Array(n).fill(-1);
  }

  /** Each node's live-switch mask with `failedTors` down (the same as `liveSwitches`). */
  liveMasks(failedTors: ReadonlySet<string> | undefined): Uint8Array {
    if (!failedTors || failedTors.size === 0) return this.cabled;
    return Uint8Array.from(this.places, (place, i) => {
      const rackId = place.rack.id;
      return this.cabled[i] & ~((failedTors.has(`${rackId}/A`) ? A : 0) | (failedTors.has(`${rackId}/B`) ? B : 0));
    });
  }

  /**
   * Writes the pieces of the copy from storage node s to storage node t (two different nodes)
   * into `out` (room for 6) while `masks` (from `liveMasks(failedTors)`) are their live switches,
   * and returns how many; `lastLeavesRack` then says whether it leaves the rack. A piece is a run
   * of links many copies share (the source's NIC, the half up from its rack, the half down to the
   * target's rack, the target's NIC, and with KubeSpan each end's crypto), its links
   * `pieceLinks[pieceStart[p] .. pieceStart[p + 1])`; the route is the pieces' links in order.
   * A copy adds its bytes once per piece instead of once per link.
   */
  pieces(s: number, t: number, masks: Uint8Array, failedTors: ReadonlySet<string> | undefined, out: Int32Array): number {
    const ms = masks[s],
      mt = masks[t];
    // Two nodes of one rack on a common live switch stay on it: no fabric links at all.
    const tier = this.rackNo[s] === this.rackNo[t] && (ms & mt) !== 0 ? 0 : this.tierOf(s, t);
    const upKey = (this.rackNo[s] * 4 + ms) * TIERS.length + tier;
    const downKey = (this.rackNo[t] * 4 + mt) * TIERS.length + tier;
    if (this.upPiece[upKey] < 0 || this.downPiece[downKey] < 0 || this.nicUp[s * 4 + ms] < 0 || this.nicDown[t * 4 + mt] < 0) {
      this.resolve(s, t, failedTors, upKey, downKey, s * 4 + ms, t * 4 + mt);
    }
    let count = 0;
    out[count++] = this.nicUp[s * 4 + ms];
    out[count++] = this.upPiece[upKey];
    out[count++] = this.downPiece[downKey];
    out[count++] = this.nicDown[t * 4 + mt];
    if (this.crosses) {
      if (this.kubeTx[s] < 0) this.kubeTx[s] = this.onePiece(this.linkNumber(`kubespan-tx:${this.inventory.nodes[s].id}`, 'kubespan', 0, false));
      if (this.kubeRx[t] < 0) this.kubeRx[t] = this.onePiece(this.linkNumber(`kubespan-rx:${this.inventory.nodes[t].id}`, 'kubespan', 0, false));
      out[count++] = this.kubeTx[s];
      out[count++] = this.kubeRx[t];
    }
    this.lastLeavesRack = this.upRacks[upKey] === 1 || this.downRacks[downKey] === 1;
    return count;
  }

  /** How many pieces are numbered so far (every piece number is below it). */
  get pieceCount(): number {
    return this.pieceTotal;
  }

  /** How many links are numbered so far (every link number is below it). */
  get links(): number {
    return this.ids.length;
  }

  /** How many distinct link ids are numbered so far (every `idNo` is below it). */
  get linkIds(): number {
    return this.idIndex.size;
  }

  /** `TIERS.indexOf(latencyClassOf(place s, place t))` for two different nodes. */
  private tierOf(s: number, t: number): number {
    if (this.placeRackNo[s] === this.placeRackNo[t]) return SAME_RACK;
    if (this.rowNo[s] === this.rowNo[t]) return SAME_ROW;
    if (this.roomNo[s] === this.roomNo[t]) return CROSS_ROW;
    if (this.siteNo[s] === this.siteNo[t]) return CROSS_ROOM;
    return CROSS_SITE;
  }

  /** Resolves the missing halves and NICs of the copy s → t from its `pathLinks`. */
  private resolve(s: number, t: number, failedTors: ReadonlySet<string> | undefined, upKey: number, downKey: number, nicS: number, nicT: number): void {
    // The links alone: a copy loads them, and their RTT (an override lookup per pair) plays no part.
    const path = pathLinks(this.places[s], this.places[t], failedTors);
    const half = path.links.length / 2;
    const last = path.links.length - 1;
    if (this.nicUp[nicS] < 0) this.nicUp[nicS] = this.onePiece(this.linkResource(path.links[0], true, this.inventory.nodes[s]));
    if (this.upPiece[upKey] < 0) {
      this.upPiece[upKey] = this.addPiece(path.links, 1, half, true);
      this.upRacks[upKey] = leavesRack(path.links, 1, half);
    }
    if (this.downPiece[downKey] < 0) {
      this.downPiece[downKey] = this.addPiece(path.links, half, last, false);
      this.downRacks[downKey] = leavesRack(path.links, half, last);
    }
    if (this.nicDown[nicT] < 0) this.nicDown[nicT] = this.onePiece(this.linkResource(path.links[last], false, this.inventory.nodes[t]));
  }

  /** A new piece of links[from .. to), numbered in that order; its number. */
  private addPiece(links: PathLink[], from: number, to: number, up: boolean): number {
    const p = this.openPiece(to - from);
    for (let i = from; i < to; i++) this.pieceLinks[this.pieceStart[p + 1]++] = this.linkResource(links[i], up, undefined);
    return p;
  }

  /** A new piece of one link; its number. */
  private onePiece(link: number): number {
    const p = this.openPiece(1);
    this.pieceLinks[this.pieceStart[p + 1]++] = link;
    return p;
  }

  /** Numbers an empty piece with room for `size` links after the last one. */
  private openPiece(size: number): number {
    const p = this.pieceTotal++;
    if (p + 2 > this.pieceStart.length) {
      const more = new Int32Array(this.pieceStart.length * 2);
      more.set(this.pieceStart);
      this.pieceStart = more;
    }
    const start = this.pieceStart[p];
    if (start + size > this.pieceLinks.length) {
      const more = new Int32Array(Math.max(this.pieceLinks.length * 2, start + size));
      more.set(this.pieceLinks);
      this.pieceLinks = more;
    }
    this.pieceStart[p + 1] = start;
    return p;
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
      g = this.ids.length;
      this.number.set(key, g);
      this.ids.push(id);
      this.kind.push(kind);
      this.gbps.push(linkGbps);
      this.sharedEnd.push(shared);
      let i = this.idIndex.get(id);
      if (i === undefined) this.idIndex.set(id, (i = this.idIndex.size));
      this.idNo.push(i);
    }
    return g;
  }
}

/** Numbers for ids, in order of first appearance: equal ids, equal numbers. */
function numbered(ids: string[]): Int32Array {
  const seen = new Map<string, number>();
  return Int32Array.from(ids, (id) => {
    let k = seen.get(id);
    if (k === undefined) seen.set(id, (k = seen.size));
    return k;
  });
}

/** 1 when one of links[from .. to) is a ToR uplink. */
function leavesRack(links: PathLink[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (links[i].kind === 'tor') return 1;
  return 0;
}

function maskOf(live: readonly string[]): number {
  return (live.includes('A') ? A : 0) | (live.includes('B') ? B : 0);
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
