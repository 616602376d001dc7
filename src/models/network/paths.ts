import type { FeedId, Rack } from '../../plan/schema';
import type { NodePlace, Topology } from '../topology';
import { rackMemo } from '../rackMemo';

/**
 * Paths through the fabric. The fabric is the classic tree of the reference architecture:
 *
 *     node NICs ─► top-of-rack switch A (and B) ─► row spine ─► room core ─► site core ─► WAN
 *
 * Each tier's capacity comes from the plan: NIC links `min(nics.speedGbps, tor.portGbps)`,
 * ToR uplinks `tor.uplinkGbps` per switch, `row.spineGbps`, `room.coreGbps`, `site.wanGbps`.
 * Everything here is O(1) per pair (map lookups), so callers may ask for many pairs; reports
 * should still aggregate by rack or latency class rather than enumerate n² pairs.
 */

export type LinkKind = 'nic' | 'tor' | 'spine' | 'room' | 'site';

/** One capacity-limited link a path crosses. */
export interface PathLink {
  kind: LinkKind;
  /** Stable id: `node/nic`, `rack/tor-A` (or `tor-A+B` when the path may use both switches), `row/spine`, `room/core`, `site/wan`. */
  id: string;
  /** Capacity of the link in the direction of the path, Gbit/s (aggregate over bonded members). */
  gbps: number;
  /** Fastest a single TCP flow can go on this link, Gbit/s: one bond member, since LACP hashes a flow onto one link. */
  perFlowGbps: number;
}

export type LatencyClass = 'same-node' | 'same-rack' | 'same-row' | 'cross-row' | 'cross-room' | 'cross-site';

/** The path between two nodes, its round-trip time and its bottleneck. */
export interface NetworkPath {
  aId: string;
  bId: string;
  latencyClass: LatencyClass;
  /** Capacity-limited links in order from a to b. Empty for a node talking to itself. */
  links: PathLink[];
  /** Switches crossed one way (ToR, spine, cores, WAN edge). */
  switchHops: number;
  /** Round-trip time, ms: the class RTT plus 2 × switchHops × switchHopUs, or a user override. */
  rttMs: number;
  rttSource: 'class' | 'override';
  /** min(link.gbps): the most all flows between the two nodes together can carry, Gbit/s (before encapsulation). */
  bottleneckGbps: number;
  /** min(link.perFlowGbps): the most one flow can carry, Gbit/s. */
  perFlowGbps: number;
  /** False when a failed switch leaves either node without a link (then both bandwidths are 0). */
  reachable: boolean;
  /**
   * True when KubeSpan is enabled and the nodes differ. Assumption: with KubeSpan on, Talos routes
   * all node-to-node traffic (node IPs, and therefore the CNI's encapsulated pod traffic) through
   * WireGuard; the plan has no per-network KubeSpan filters, so nothing bypasses the mesh.
   */
  crossesKubeSpan: boolean;
}

export interface PathOptions {
  /** Switches that are down, as `${rackId}/A` or `${rackId}/B` (see `torSwitchId`). */
  failedTors?: ReadonlySet<string>;
}

/** The id of one top-of-rack switch, used by `PathOptions.failedTors`: `torSwitchId('r1', 'B')` is `"r1/B"`. */
export function torSwitchId(rackId: string, tor: FeedId): string {
  return `${rackId}/${tor}`;
}

/** Gbit/s of one NIC link: the slower of the NIC port and the switch port. */
export function nicLinkGbps(place: NodePlace): number {
  return Math.min(place.hardware.nics.speedGbps, place.rack.tor.portGbps);
}

/**
 * NIC links of a node on each of its switches. A node cabled to both switches splits its NICs
 * between them (A gets ⌈n/2⌉, B ⌊n/2⌋; a single NIC "cabled" to two switches can only reach A).
 * A node cabled to one switch bonds all its NICs to it. Switches the rack does not have are
 * ignored (validation reports them).
 */
export function nicLinksBySwitch(place: NodePlace): Readonly<Record<FeedId, number>> {
  // Counted without a filtered array, and answered from shared frozen splits: the models ask for
  // every node of the plan several times per report.
  const bothPresent = place.rack.tor.count === 2;
  let usable = 0;
  let only: FeedId = 'A';
  for (const t of place.node.tors) {
    if (t !== 'A' && !bothPresent) continue;
    if (usable++ === 0) only = t;
  }
  const n = place.hardware.nics.count;
  if (usable === 2) return n >= 2 ? split(Math.ceil(n / 2), Math.floor(n / 2)) : split(1, 0);
  return only === 'A' ? split(n, 0) : split(0, n);
}

const splits = new Map<number, Readonly<Record<FeedId, number>>>();

/** The frozen record { A: a, B: b }, one per pair of counts. */
function split(a: number, b: number): Readonly<Record<FeedId, number>> {
  const key = a * 65536 + b;
  let record = splits.get(key);
  if (!record) splits.set(key, (record = Object.freeze({ A: a, B: b })));
  return record;
}

/** Switches of a node that are up and carry at least one of its NIC links. */
export function liveSwitches(place: NodePlace, failed: ReadonlySet<string> | undefined): readonly FeedId[] {
  const links = nicLinksBySwitch(place);
  const a = links.A > 0 && !failed?.has(torSwitchId(place.rack.id, 'A'));
  const b = links.B > 0 && !failed?.has(torSwitchId(place.rack.id, 'B'));
  // One of four shared lists: every path of every node pair asks, twice.
  return a ? (b ? BOTH : ONLY_A) : b ? ONLY_B : NONE;
}

const BOTH: readonly FeedId[] = Object.freeze(['A', 'B'] as FeedId[]);
const ONLY_A: readonly FeedId[] = Object.freeze(['A'] as FeedId[]);
const ONLY_B: readonly FeedId[] = Object.freeze(['B'] as FeedId[]);
const NONE: readonly FeedId[] = Object.freeze([] as FeedId[]);

function nicLink(place: NodePlace, live: readonly FeedId[]): PathLink {
  const links = nicLinksBySwitch(place);
  const members = live.reduce((sum, t) => sum + links[t], 0);
  const one = nicLinkGbps(place);
  return { kind: 'nic', id: `${place.node.id}/nic`, gbps: members * one, perFlowGbps: members > 0 ? one : 0 };
}

/** Uplink of the given live switches of a rack towards the spine, Gbit/s (ECMP over both when both are used). */
function torUplink(rack: Rack, live: readonly FeedId[]): PathLink {
  const gbps = live.length * rack.tor.uplinkGbps;
  return { kind: 'tor', id: `${rack.id}/tor-${live.join('+')}`, gbps, perFlowGbps: rack.tor.uplinkGbps };
}

function link(kind: LinkKind, id: string, gbps: number): PathLink {
  return { kind, id, gbps, perFlowGbps: gbps };
}

/**
 * The path between nodes `aId` and `bId`: links crossed, switch hops, RTT, bottleneck and
 * per-flow bandwidth (Gbit/s, before any encapsulation overhead; see `encapsulation.ts`).
 *
 * Routing: two nodes on a common live switch of the same rack stay on it (1 hop). Otherwise
 * traffic climbs to the lowest common tier: row spine (ToR, spine, ToR: 3 hops), room core
 * (5 hops), site core (7) or across the WAN (9, counting each site's WAN edge). Two nodes in
 * one rack with no common switch (one on A only, one on B only) go through the row spine: the
 * plan does not model an MLAG peer link.
 *
 * RTT = class RTT (`network.rtt`, sources in defaults.ts) + 2 × switchHops × switchHopUs / 1000,
 * unless an `rttOverrides` entry names the pair (node, rack, row, room or site ids, either
 * direction); the most specific override wins (node beats rack beats row …), and it replaces
 * the whole RTT. Same node: RTT 0, no links, bandwidth Infinity.
 *
 * Example: two dual-homed 2 × 25 GbE nodes in one rack: links nic (50) → nic (50), RTT
 * 0.05 + 2 × 1 × 1 µs = 0.052 ms, bottleneck 50 Gbit/s, one flow 25 Gbit/s.
 */
export function pathBetween(topology: Topology, aId: string, bId: string, options: PathOptions = {}): NetworkPath {
  const a = placeOf(topology, aId);
  const b = placeOf(topology, bId);
  const kubespan = topology.plan.cluster.kubespan.enabled;
  if (aId === bId) {
    return {
      aId,
      bId,
      latencyClass: 'same-node',
      links: [],
      switchHops: 0,
      rttMs: 0,
      rttSource: 'class',
      bottleneckGbps: Infinity,
      perFlowGbps: Infinity,
      reachable: true,
      crossesKubeSpan: false,
    };
  }
  const { links, switchHops, latencyClass: cls, liveA, liveB } = pathLinks(a, b, options.failedTors);
  const reachable = liveA.length > 0 && liveB.length > 0;
  const override = rttOverrideMs(topology, a, b);
  const classRtt = classRttMs(topology, cls) + (2 * switchHops * topology.plan.network.switchHopUs) / 1000;
  return {
    aId,
    bId,
    latencyClass: cls,
    links,
    switchHops,
    rttMs: override ?? classRtt,
    rttSource: override === undefined ? 'class' : 'override',
    bottleneckGbps: reachable ? Math.min(...links.map((l) => l.gbps)) : 0,
    perFlowGbps: reachable ? Math.min(...links.map((l) => l.perFlowGbps)) : 0,
    reachable,
    crossesKubeSpan: kubespan,
  };
}

/**
 * The links of the path from `a` to `b` (two different nodes) and its switch hops, as in
 * `pathBetween` but without the RTT (no override lookup): for callers that only load links, such
 * as storage copies, which resolve hundreds of node pairs per failure.
 */
export function pathLinks(
  a: NodePlace,
  b: NodePlace,
  failed: ReadonlySet<string> | undefined,
): { links: PathLink[]; switchHops: number; latencyClass: LatencyClass; liveA: readonly FeedId[]; liveB: readonly FeedId[] } {
  const liveA = liveSwitches(a, failed);
  const liveB = liveSwitches(b, failed);
  const cls = latencyClassOf(a, b);
  const links: PathLink[] = [nicLink(a, liveA)];
  let switchHops: number;
  const common = a.rack.id === b.rack.id ? liveA.filter((t) => liveB.includes(t)) : [];
  if (common.length > 0) {
    switchHops = 1;
  } else {
    links.push(torUplink(a.rack, liveA));
    if (cls === 'same-rack' || cls === 'same-row') {
      switchHops = 3;
    } else {
      links.push(link('spine', `${a.row.id}/spine`, a.row.spineGbps));
      if (cls === 'cross-row') {
        switchHops = 5;
      } else {
        links.push(link('room', `${a.room.id}/core`, a.room.coreGbps));
        if (cls === 'cross-room') {
          switchHops = 7;
        } else {
          links.push(link('site', `${a.site.id}/wan`, a.site.wanGbps), link('site', `${b.site.id}/wan`, b.site.wanGbps));
          switchHops = 9;
        }
        links.push(link('room', `${b.room.id}/core`, b.room.coreGbps));
      }
      links.push(link('spine', `${b.row.id}/spine`, b.row.spineGbps));
    }
    links.push(torUplink(b.rack, liveB));
  }
  links.push(nicLink(b, liveB));
  return { links, switchHops, latencyClass: cls, liveA, liveB };
}

/** Round-trip time between two nodes, ms: `pathBetween(topology, aId, bId).rttMs` (see there for the equation). */
export function rttMs(topology: Topology, aId: string, bId: string): number {
  return pathBetween(topology, aId, bId).rttMs;
}

/** The lowest fabric tier two nodes share. */
export function latencyClassOf(a: NodePlace, b: NodePlace): LatencyClass {
  if (a.node.id === b.node.id) return 'same-node';
  if (a.rack.id === b.rack.id) return 'same-rack';
  if (a.row.id === b.row.id) return 'same-row';
  if (a.room.id === b.room.id) return 'cross-row';
  if (a.site.id === b.site.id) return 'cross-room';
  return 'cross-site';
}

/** The plan's RTT for a latency class, ms (`network.rtt`; defaults and sources in defaults.ts). */
export function classRttMs(topology: Topology, cls: LatencyClass): number {
  const rtt = topology.plan.network.rtt;
  switch (cls) {
    case 'same-node':
      return 0;
    case 'same-rack':
      return rtt.sameRackMs;
    case 'same-row':
      return rtt.sameRowMs;
    case 'cross-row':
      return rtt.crossRowMs;
    case 'cross-room':
      return rtt.crossRoomMs;
    case 'cross-site':
      return rtt.crossSiteMs;
  }
}

const overrideCache = new WeakMap<Topology, Map<string, { rttMs: number; index: number }>>();

/** Overrides keyed `from|to` in both directions, with their position in the list; a later entry for the same pair wins. */
function overrideMap(topology: Topology): Map<string, { rttMs: number; index: number }> {
  let map = overrideCache.get(topology);
  if (!map) {
    map = new Map();
    topology.plan.network.rttOverrides.forEach((o, index) => {
      map!.set(`${o.from}|${o.to}`, { rttMs: o.rttMs, index });
      map!.set(`${o.to}|${o.from}`, { rttMs: o.rttMs, index });
    });
    overrideCache.set(topology, map);
  }
  return map;
}

/**
 * The most specific RTT override for two nodes, ms, or undefined. Each node is named by its
 * node, rack, row, room and site ids (levels 0 to 4); among the overrides naming one id of each
 * node, the one with the smallest sum of levels wins, then the one with the most specific end,
 * then the one later in the list. The rule is symmetric: swapping the nodes gives the same RTT.
 */
export function rttOverrideMs(topology: Topology, a: NodePlace, b: NodePlace): number | undefined {
  const map = overrideMap(topology);
  if (map.size === 0) return undefined;
  const idsA = [a.node.id, a.rack.id, a.row.id, a.room.id, a.site.id];
  const idsB = [b.node.id, b.rack.id, b.row.id, b.room.id, b.site.id];
  let best: { key: [number, number, number]; rttMs: number } | undefined;
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      const hit = map.get(`${idsA[i]}|${idsB[j]}`);
      if (!hit) continue;
      const key: [number, number, number] = [i + j, Math.min(i, j), -hit.index];
      if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && (key[1] < best.key[1] || (key[1] === best.key[1] && key[2] < best.key[2])))) {
        best = { key, rttMs: hit.rttMs };
      }
    }
  }
  return best?.rttMs;
}

function placeOf(topology: Topology, nodeId: string): NodePlace {
  const place = topology.placeById.get(nodeId);
  if (!place) throw new Error(`unknown node "${nodeId}"`);
  return place;
}

/** Total uplink of a rack towards the spine, Gbit/s: switches × `tor.uplinkGbps`. */
export function rackUplinkGbps(rack: Rack): number {
  return rack.tor.count * rack.tor.uplinkGbps;
}

/** Total NIC capacity of the nodes in a rack, Gbit/s: Σ cabled NIC links × link speed. */
export function rackDownlinkGbps(topology: Topology, rackId: string): number {
  const rack = topology.rackById.get(rackId);
  return rack ? rackDownlink(topology, rack) : 0;
}

// Remembered per rack across plans (see rackMemo): the uplink loads, the bisection and rack-to-rack
// capacities all ask, and an edit of one node changes it for one rack at most.
const rackDownlink = rackMemo((_rack, places) => {
  let sum = 0;
  for (let i = 0; i < places.length; i++) {
    const p = places[i];
    sum += nicLinkCount(p) * nicLinkGbps(p);
  }
  return sum;
});

/**
 * `A + B` of `nicLinksBySwitch(place)` (same rules), counted without looking up the split record:
 * every rack's downlink asks it of each of its nodes.
 */
function nicLinkCount(place: NodePlace): number {
  const bothPresent = place.rack.tor.count === 2;
  const tors = place.node.tors;
  let usable = 0;
  for (let i = 0; i < tors.length; i++) if (tors[i] === 'A' || bothPresent) usable++;
  const n = place.hardware.nics.count;
  if (usable === 2) return n >= 2 ? Math.ceil(n / 2) + Math.floor(n / 2) : 1;
  return n;
}

/**
 * The aggregate capacity between two racks, Gbit/s: the most a bulk transfer from every node of
 * rack `fromRackId` to every node of rack `toRackId` can carry when nothing else runs.
 * Same rack: the rack's NIC capacity (the switch is assumed non-blocking). Otherwise
 * min(Σ NIC of each rack, each rack's uplink, and the spine / core / WAN links between them).
 * Example: two 40-node racks of 25 GbE nodes on 800 Gbit/s uplinks in one row:
 * min(1000, 800, 800, 1000) = 800 Gbit/s.
 */
export function rackToRackGbps(topology: Topology, fromRackId: string, toRackId: string): number {
  const ra = topology.rackById.get(fromRackId);
  const rb = topology.rackById.get(toRackId);
  if (!ra || !rb) throw new Error(`unknown rack "${ra ? toRackId : fromRackId}"`);
  const downA = rackDownlinkGbps(topology, ra.id);
  if (ra.id === rb.id) return downA;
  const limits = [downA, rackDownlinkGbps(topology, rb.id), rackUplinkGbps(ra), rackUplinkGbps(rb)];
  const rowA = topology.rowById.get(ra.rowId);
  const rowB = topology.rowById.get(rb.rowId);
  if (rowA && rowB && rowA.id !== rowB.id) {
    limits.push(rowA.spineGbps, rowB.spineGbps);
    const roomA = topology.roomById.get(rowA.roomId);
    const roomB = topology.roomById.get(rowB.roomId);
    if (roomA && roomB && roomA.id !== roomB.id) {
      limits.push(roomA.coreGbps, roomB.coreGbps);
      const siteA = topology.siteById.get(roomA.siteId);
      const siteB = topology.siteById.get(roomB.siteId);
      if (siteA && siteB && siteA.id !== siteB.id) limits.push(siteA.wanGbps, siteB.wanGbps);
    }
  }
  return Math.min(...limits);
}
