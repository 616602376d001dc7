/**
 * The one vocabulary for what fails in a plan: every component a drill, a sweep or a reliability
 * trial can take out or degrade, and one resolver that says, for every node, disk, switch, feed
 * and site link, whether it is up, degraded or down, and why. Every model family reads a
 * `ResolvedFailures` instead of keeping its own list of failed things.
 *
 * Cascade: a rack whose surviving feed carries more peak load than its capacity after a failover
 * trips that feed's breaker too (the same rule as `physical/rackPower.ts`: breakers trip on peaks),
 * so "lose feed A of R3" can take all of R3 down; the reason says so.
 */
import type { FeedId, Plan, Rack } from '../plan/schema';
import { nicLinksBySwitch } from './network/paths';
import { topologyOf, type NodePlace, type Topology } from './topology';

/** A component that fails outright. Disk `slot` counts the node's data disks from 0 (system disks are not slots). */
export type FailedComponent =
  | { kind: 'node'; nodeId: string }
  | { kind: 'disk'; nodeId: string; slot: number }
  | { kind: 'rack'; rackId: string }
  | { kind: 'tor'; rackId: string; tor: FeedId }
  | { kind: 'feed'; rackId: string; feed: FeedId }
  /** An upstream power domain (`racks[].feeds[].circuit`): every feed on it fails at once. */
  | { kind: 'circuit'; circuit: string }
  | { kind: 'row'; rowId: string }
  | { kind: 'room'; roomId: string }
  | { kind: 'site'; siteId: string }
  /** The link between two sites (a network partition between them); order of the pair does not matter. */
  | { kind: 'siteLink'; siteA: string; siteB: string };

export type FailedKind = FailedComponent['kind'];

/** Where a degradation applies: a node's NICs, a rack's uplinks, or the link between two sites. */
export type DegradationScope = { kind: 'node'; nodeId: string } | { kind: 'rack'; rackId: string } | { kind: 'siteLink'; siteA: string; siteB: string };

/** A component that keeps working, worse. */
export type Degradation =
  /** Adds `addedMs` of round-trip time to every path through the scope. */
  | { kind: 'latency'; scope: DegradationScope; addedMs: number }
  /** Leaves `remainingFraction` (0 < f ≤ 1) of the scope's bandwidth. */
  | { kind: 'bandwidth'; scope: DegradationScope; remainingFraction: number };

export interface FailureSet {
  components: readonly FailedComponent[];
  degradations?: readonly Degradation[];
  /**
   * Whether failed nodes lose their disks' contents (hardware destroyed, node re-imaged) rather
   * than coming back with their data. Disk failures always destroy; switch, feed and location
   * outages never do.
   */
  permanent?: boolean;
}

export const NO_FAILURES: FailureSet = { components: [] };

export type ComponentStatus = 'up' | 'degraded' | 'down';

/** Status codes in the typed arrays of `ResolvedFailures`. */
export const UP = 0;
export const DEGRADED = 1;
export const DOWN = 2;

export interface ResolvedFailures {
  failures: FailureSet;
  /** Per node (plan order): UP, DEGRADED or DOWN. A node cut off from every switch is DOWN (unreachable). */
  nodeStatus: Uint8Array;
  /** Per node: 1 when it still has power (a node isolated by its switches still draws power). */
  nodePowered: Uint8Array;
  /** Why each non-UP node is so, by node id. */
  nodeReason: Map<string, string>;
  /** Data-disk slots destroyed, by node id (data gone, whatever the node's status). */
  destroyedDisks: Map<string, Set<number>>;
  /** Switches down, as `rackId/A`, with the reason (the same ids as `PathOptions.failedTors`). */
  torsDown: Map<string, string>;
  /** Feeds without power, as `rackId/A`, with the reason (failed, circuit, or breaker tripped after failover). */
  feedsDown: Map<string, string>;
  /** Racks entirely down (failed, or dark after losing power), with the reason. */
  racksDown: Map<string, string>;
  /** Surviving feeds whose breaker tripped after a failover (`rackId/A`), with the peak load they were asked to carry, W. */
  feedsTripped: Map<string, { peakW: number; capacityW: number }>;
  /** Site pairs (`a|b`, sorted) whose link is down. */
  siteLinksDown: Set<string>;
  /** Sites grouped by what can still reach what: sites with the same number can talk. */
  sitePartition: Map<string, number>;
  /** Extra round-trip time per node from latency degradations, ms (0 when none). */
  nodeAddedRttMs: Float64Array;
  /** Remaining bandwidth fraction per node's NICs and rack uplink from bandwidth degradations (1 when none). */
  nodeBandwidthFraction: Float64Array;
  /** Added RTT and remaining bandwidth on site links, by `a|b`. */
  siteLinkAddedRttMs: Map<string, number>;
  siteLinkBandwidthFraction: Map<string, number>;
  nodesDown: number;
  nodesDegraded: number;
}

/** The key of a site pair, order-free: `siteLinkKey('b', 'a')` is `"a|b"`. */
export function siteLinkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** A stable id for one failed component, used in drills, sweeps and URLs: `rack:R2`, `feed:R3/A`, `siteLink:dc1|cloud`. */
export function componentId(c: FailedComponent): string {
  switch (c.kind) {
    case 'node':
      return `node:${c.nodeId}`;
    case 'disk':
      return `disk:${c.nodeId}/${c.slot}`;
    case 'rack':
      return `rack:${c.rackId}`;
    case 'tor':
      return `tor:${c.rackId}/${c.tor}`;
    case 'feed':
      return `feed:${c.rackId}/${c.feed}`;
    case 'circuit':
      return `circuit:${c.circuit}`;
    case 'row':
      return `row:${c.rowId}`;
    case 'room':
      return `room:${c.roomId}`;
    case 'site':
      return `site:${c.siteId}`;
    case 'siteLink':
      return `siteLink:${siteLinkKey(c.siteA, c.siteB)}`;
  }
}

/**
 * Parses a component id as `componentId` writes it (`rack:R2`, `tor:R1/B`, `disk:s1/0`,
 * `siteLink:dc1|dc2`); returns an error message naming the problem instead of throwing.
 */
export function parseComponentId(text: string): FailedComponent | { error: string } {
  const colon = text.indexOf(':');
  if (colon < 1) return { error: `"${text}" is not a component: use kind:id, e.g. rack:R2, feed:R3/A, tor:R1/B, node:cp-1, disk:s1/0` };
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  const pair = (sep: string) => {
    const i = rest.lastIndexOf(sep);
    return i > 0 ? ([rest.slice(0, i), rest.slice(i + 1)] as const) : null;
  };
  switch (kind) {
    case 'node':
      return rest ? { kind, nodeId: rest } : { error: 'node: needs a node id' };
    case 'rack':
      return rest ? { kind, rackId: rest } : { error: 'rack: needs a rack id' };
    case 'row':
      return rest ? { kind, rowId: rest } : { error: 'row: needs a row id' };
    case 'room':
      return rest ? { kind, roomId: rest } : { error: 'room: needs a room id' };
    case 'site':
      return rest ? { kind, siteId: rest } : { error: 'site: needs a site id' };
    case 'circuit':
      return rest ? { kind, circuit: rest } : { error: 'circuit: needs a circuit name' };
    case 'tor':
    case 'feed': {
      const p = pair('/');
      if (!p || (p[1] !== 'A' && p[1] !== 'B')) return { error: `${kind}: use ${kind}:<rack>/A or ${kind}:<rack>/B` };
      return kind === 'tor' ? { kind, rackId: p[0], tor: p[1] } : { kind, rackId: p[0], feed: p[1] };
    }
    case 'disk': {
      const p = pair('/');
      const slot = p ? Number(p[1]) : NaN;
      if (!p || !Number.isInteger(slot) || slot < 0) return { error: 'disk: use disk:<node>/<slot>, slot counting data disks from 0' };
      return { kind, nodeId: p[0], slot };
    }
    case 'siteLink': {
      const p = pair('|');
      if (!p) return { error: 'siteLink: use siteLink:<siteA>|<siteB>' };
      return { kind, siteA: p[0], siteB: p[1] };
    }
    default:
      return { error: `unknown component kind "${kind}": use node, disk, rack, tor, feed, circuit, row, room, site or siteLink` };
  }
}

/**
 * The ids a failure set names that the plan does not have (`rack:R9` on a plan without R9), as
 * messages: a drill must never silently fail nothing.
 */
export function unknownComponents(plan: Plan, failures: FailureSet): string[] {
  const t = topologyOf(plan);
  const circuits = new Set(plan.racks.flatMap((r) => r.feeds.map((f) => f.circuit).filter((c): c is string => !!c)));
  const out: string[] = [];
  for (const c of failures.components) {
    const id = componentId(c);
    switch (c.kind) {
      case 'node':
        if (!t.placeById.has(c.nodeId)) out.push(`${id}: no node "${c.nodeId}"`);
        break;
      case 'disk': {
        const p = t.placeById.get(c.nodeId);
        const slots = p ? dataDiskSlots(p) : 0;
        if (!p) out.push(`${id}: no node "${c.nodeId}"`);
        else if (c.slot >= slots) out.push(`${id}: node "${c.nodeId}" has ${slots} data disk${slots === 1 ? '' : 's'} (slots 0-${Math.max(0, slots - 1)})`);
        break;
      }
      case 'rack':
        if (!t.rackById.has(c.rackId)) out.push(`${id}: no rack "${c.rackId}"`);
        break;
      case 'tor': {
        const r = t.rackById.get(c.rackId);
        if (!r) out.push(`${id}: no rack "${c.rackId}"`);
        else if (c.tor === 'B' && r.tor.count < 2) out.push(`${id}: rack "${c.rackId}" has one switch (A)`);
        break;
      }
      case 'feed': {
        const r = t.rackById.get(c.rackId);
        if (!r) out.push(`${id}: no rack "${c.rackId}"`);
        else if (!r.feeds.some((f) => f.id === c.feed)) out.push(`${id}: rack "${c.rackId}" has no feed ${c.feed}`);
        break;
      }
      case 'circuit':
        if (!circuits.has(c.circuit)) out.push(`${id}: no feed is on circuit "${c.circuit}"`);
        break;
      case 'row':
        if (!t.rowById.has(c.rowId)) out.push(`${id}: no row "${c.rowId}"`);
        break;
      case 'room':
        if (!t.roomById.has(c.roomId)) out.push(`${id}: no room "${c.roomId}"`);
        break;
      case 'site':
        if (!t.siteById.has(c.siteId)) out.push(`${id}: no site "${c.siteId}"`);
        break;
      case 'siteLink':
        if (!t.siteById.has(c.siteA)) out.push(`${id}: no site "${c.siteA}"`);
        else if (!t.siteById.has(c.siteB)) out.push(`${id}: no site "${c.siteB}"`);
        else if (c.siteA === c.siteB) out.push(`${id}: a site link joins two different sites`);
        break;
    }
  }
  return out;
}

/** Number of data-disk slots of a node: Σ count over its hardware's `purpose: data` disks. */
export function dataDiskSlots(place: NodePlace): number {
  let n = 0;
  for (const d of place.hardware.disks) if (d.purpose === 'data') n += d.count;
  return n;
}

const resolvedCache = new WeakMap<Plan, { key: string; value: ResolvedFailures }>();
const baselines = new WeakMap<Topology, ResolvedFailures>();

/** A rack's switches, in the order verdicts name them. */
const SWITCHES = ['A', 'B'] as const;

/** Whether `rack` has a feed `feed` (a loop: `some` allocated a closure for every node judged). */
function hasFeed(rack: Rack, feed: string): boolean {
  for (const rf of rack.feeds) if (rf.id === feed) return true;
  return false;
}

/**
 * The plan resolved with nothing failed (some nodes may still be down or degraded by the plan
 * itself: no NIC cabled, a feed the rack lacks), cached per topology; undefined when `failures`
 * is that empty set, which is then resolved node by node.
 */
function baselineOf(t: Topology, failures: FailureSet): ResolvedFailures | undefined {
  if (failures === NO_FAILURES) return undefined;
  let base = baselines.get(t);
  if (!base) baselines.set(t, (base = resolveUncached(t, NO_FAILURES)));
  return base;
}

/**
 * Resolves a failure set against a valid plan. A node is DOWN when it, its rack, row, room or
 * site fails; when every feed it draws from has no power (failed, on a failed circuit, or tripped
 * after failover); or when every switch it is cabled to is down (it is then unreachable, though
 * powered). A node is DEGRADED when it lost one of two switches or feeds, or carries a
 * latency/bandwidth degradation. A switch is down when it fails, its rack fails or its rack has no
 * power (switches are dual-fed). Cost: O(nodes + components).
 */
export function resolveFailures(plan: Plan, failures: FailureSet = NO_FAILURES): ResolvedFailures {
  const key = failureSetKey(failures);
  const hit = resolvedCache.get(plan);
  if (hit && hit.key === key) return hit.value;
  const value = resolveUncached(topologyOf(plan), failures);
  resolvedCache.set(plan, { key, value });
  return value;
}

/** What `resolveFailuresOf` says: `ResolvedFailures`' verdicts on the listed nodes, and what is down around them. */
export type ResolvedNodes = Pick<ResolvedFailures, 'failures' | 'nodeStatus' | 'destroyedDisks' | 'torsDown' | 'racksDown'>;

/**
 * `resolveFailures(plan, failures)` judged for the listed nodes only (indices in plan order):
 * their `nodeStatus` entries (every other entry reads UP), with the destroyed disks and the
 * switches and racks down, by the same rules. A model that reads a few nodes (storage reads its
 * 120 of 5,000) then skips the plan-wide baseline that `resolveFailures` builds for the rest.
 * Cost: O(listed nodes + racks + components).
 */
export function resolveFailuresOf(plan: Plan, failures: FailureSet, nodes: readonly number[]): ResolvedNodes {
  return resolveUncached(topologyOf(plan), failures, false, nodes);
}

/** `resolveFailures` judging every node afresh, without the baseline: the reference its shortcut is tested against. */
export function resolveFailuresNodeByNode(plan: Plan, failures: FailureSet): ResolvedFailures {
  return resolveUncached(topologyOf(plan), failures, false);
}

/** A canonical string for a failure set (order of components does not matter), for caches and equality. */
export function failureSetKey(f: FailureSet): string {
  const ids = f.components.map(componentId).sort();
  const deg = (f.degradations ?? []).map((d) => JSON.stringify(d)).sort();
  return `${f.permanent ? 'P' : ''}${ids.join(',')}${deg.length ? `;${deg.join(',')}` : ''}`;
}

function resolveUncached(t: Topology, failures: FailureSet, fromBaseline = true, only?: readonly number[]): ResolvedFailures {
  const plan = t.plan;
  const n = t.places.length;
  const nodeStatus = new Uint8Array(n);
  const nodePowered = new Uint8Array(n).fill(1);
  const destroyedDisks = new Map<string, Set<number>>();
  const torsDown = new Map<string, string>();
  const feedsDown = new Map<string, string>();
  const racksDown = new Map<string, string>();
  const feedsTripped = new Map<string, { peakW: number; capacityW: number }>();
  const siteLinksDown = new Set<string>();
  const nodeAddedRttMs = new Float64Array(n);
  const nodeBandwidthFraction = new Float64Array(n).fill(1);
  const siteLinkAddedRttMs = new Map<string, number>();
  const siteLinkBandwidthFraction = new Map<string, number>();

  const failedNodes = new Set<string>();
  const failedRows = new Set<string>();
  const failedRooms = new Set<string>();
  const failedSites = new Set<string>();
  const failedCircuits = new Set<string>();
  for (const c of failures.components) {
    switch (c.kind) {
      case 'node':
        failedNodes.add(c.nodeId);
        break;
      case 'disk': {
        const set = destroyedDisks.get(c.nodeId) ?? new Set<number>();
        set.add(c.slot);
        destroyedDisks.set(c.nodeId, set);
        break;
      }
      case 'rack':
        racksDown.set(c.rackId, `rack ${c.rackId} failed`);
        break;
      case 'tor':
        torsDown.set(`${c.rackId}/${c.tor}`, `switch ${c.rackId}/${c.tor} failed`);
        break;
      case 'feed':
        feedsDown.set(`${c.rackId}/${c.feed}`, `feed ${c.rackId}/${c.feed} failed`);
        break;
      case 'circuit':
        failedCircuits.add(c.circuit);
        break;
      case 'row':
        failedRows.add(c.rowId);
        break;
      case 'room':
        failedRooms.add(c.roomId);
        break;
      case 'site':
        failedSites.add(c.siteId);
        break;
      case 'siteLink':
        siteLinksDown.add(siteLinkKey(c.siteA, c.siteB));
        break;
    }
  }

  // Locations above the rack take their racks down.
  for (const rack of plan.racks) {
    if (racksDown.has(rack.id)) continue;
    const row = t.rowById.get(rack.rowId);
    const room = row && t.roomById.get(row.roomId);
    if (row && failedRows.has(row.id)) racksDown.set(rack.id, `row ${row.id} failed`);
    else if (room && failedRooms.has(room.id)) racksDown.set(rack.id, `room ${room.id} failed`);
    else if (room && failedSites.has(room.siteId)) racksDown.set(rack.id, `site ${room.siteId} failed`);
  }

  // Power: failed circuits, then breakers that trip when a failover overloads the surviving feed.
  // Failed nodes still count: a hung or faulty server keeps drawing power, and counting it keeps
  // the resolver monotone (failing one more node never un-trips a breaker). Without a failed
  // circuit or feed no rack loses power (a breaker trips only after its partner feed is lost), so
  // the walk is skipped: storage reports resolve seven failure sets per evaluate, and each walk
  // built two feed keys and a closure for each of 200 racks (45 KB of garbage per set).
  for (const rack of failedCircuits.size > 0 || feedsDown.size > 0 ? plan.racks : []) {
    if (racksDown.has(rack.id)) continue;
    const dark = rackPowerLoss(rack, failedCircuits, feedsDown, (feed) => {
      let peakW = rack.tor.count * rack.tor.powerW;
      for (const p of t.nodesByRack.get(rack.id) ?? []) if (p.node.feeds.includes(feed)) peakW += p.hardware.powerPeakW;
      return peakW;
    });
    if (!dark) continue;
    if (dark.tripped) feedsTripped.set(dark.tripped.feed, { peakW: dark.tripped.peakW, capacityW: dark.tripped.capacityW });
    racksDown.set(rack.id, dark.reason);
  }
  for (const [rackId, why] of racksDown) {
    const rack = t.rackById.get(rackId);
    if (!rack) continue;
    for (const tor of ['A', 'B'] as const) {
      if (tor === 'B' && rack.tor.count < 2) continue;
      if (!torsDown.has(`${rackId}/${tor}`)) torsDown.set(`${rackId}/${tor}`, why);
    }
  }

  for (const d of failures.degradations ?? []) applyDegradation(t, d, nodeAddedRttMs, nodeBandwidthFraction, siteLinkAddedRttMs, siteLinkBandwidthFraction);

  // Only nodes something names (a failed node, a destroyed disk, a degradation) or that sit in a
  // rack with a switch, a feed or the whole rack down can differ from the plan without failures;
  // every other node keeps its baseline status, so a failure of one rack visits that rack's nodes
  // instead of all 5,000 (a sweep resolves thousands of failure sets).
  const baseline = fromBaseline ? baselineOf(t, failures) : undefined;
  const visit = baseline ? new Uint8Array(n) : undefined;
  if (visit) {
    const markRack = (rackId: string) => {
      for (const p of t.nodesByRack.get(rackId) ?? []) visit[p.index] = 1;
    };
    for (const rackId of racksDown.keys()) markRack(rackId);
    for (const key of feedsDown.keys()) markRack(key.slice(0, key.lastIndexOf('/')));
    for (const key of torsDown.keys()) markRack(key.slice(0, key.lastIndexOf('/')));
    for (const id of failedNodes) if (t.placeById.has(id)) visit[t.placeById.get(id)!.index] = 1;
    for (const id of destroyedDisks.keys()) if (t.placeById.has(id)) visit[t.placeById.get(id)!.index] = 1;
    for (const d of failures.degradations ?? []) {
      if (d.scope.kind === 'node' && t.placeById.has(d.scope.nodeId)) visit[t.placeById.get(d.scope.nodeId)!.index] = 1;
      else if (d.scope.kind === 'rack') markRack(d.scope.rackId);
    }
  }
  let nodesDown = baseline?.nodesDown ?? 0;
  let nodesDegraded = baseline?.nodesDegraded ?? 0;
  if (baseline) {
    nodeStatus.set(baseline.nodeStatus);
    nodePowered.set(baseline.nodePowered);
  }
  // Reasons by node index, so the map lists them in plan order whichever path found them.
  const reasonAt = new Map<number, string>();
  if (baseline) for (const [id, why] of baseline.nodeReason) reasonAt.set(t.placeById.get(id)!.index, why);
  for (let j = 0, count = only ? only.length : n; j < count; j++) {
    const i = only ? only[j] : j;
    if (visit && !visit[i]) continue;
    const p = t.places[i];
    if (baseline) {
      // Undo the baseline's verdict on this node before judging it again.
      if (nodeStatus[i] === DOWN) nodesDown--;
      else if (nodeStatus[i] === DEGRADED) nodesDegraded--;
      nodeStatus[i] = UP;
      nodePowered[i] = 1;
      reasonAt.delete(i);
    }
    const id = p.node.id;
    const rackId = p.rack.id;
    let reason: string | undefined;
    let degraded: string | undefined;
    const rackWhy = racksDown.get(rackId);
    if (failedNodes.has(id)) {
      reason = `node ${id} failed`;
      nodePowered[p.index] = 0;
    } else if (rackWhy) {
      reason = rackWhy;
      nodePowered[p.index] = 0;
    } else {
      // Live feeds and switches are counted, not collected: this loop judges every node of the
      // plan for the baseline, and filtered arrays and `rack/feed` keys per node were most of a
      // report's garbage from here (0.8 MB per evaluate of the 5,000-node plan). Keys are built
      // only when something is down in the plan at all.
      let liveFeeds = 0;
      let deadFeed: string | undefined;
      for (const f of p.node.feeds) {
        if (hasFeed(p.rack, f) && (feedsDown.size === 0 || !feedsDown.has(`${rackId}/${f}`))) liveFeeds++;
        else deadFeed ??= f;
      }
      if (liveFeeds === 0) {
        reason = `lost power: ${p.node.feeds.map((f) => feedsDown.get(`${rackId}/${f}`) ?? `feed ${f} absent`).join(', ')}`;
        nodePowered[p.index] = 0;
      } else {
        if (liveFeeds < p.node.feeds.length) degraded = `on one feed: ${feedsDown.get(`${rackId}/${deadFeed}`)}`;
        const links = nicLinksBySwitch(p);
        let cabled = 0,
          live = 0;
        let deadSwitch: FeedId | undefined;
        for (const sw of SWITCHES) {
          if (!(links[sw] > 0)) continue;
          cabled++;
          if (torsDown.size === 0 || !torsDown.has(`${rackId}/${sw}`)) live++;
          else deadSwitch ??= sw;
        }
        if (live === 0)
          reason = `unreachable: ${SWITCHES.filter((sw) => links[sw] > 0)
            .map((sw) => torsDown.get(`${rackId}/${sw}`))
            .join(', ')}`;
        else if (live < cabled) degraded = `on one switch: ${torsDown.get(`${rackId}/${deadSwitch}`)}`;
      }
    }
    if (!reason && (nodeAddedRttMs[p.index] > 0 || nodeBandwidthFraction[p.index] < 1)) {
      degraded ??= nodeAddedRttMs[p.index] > 0 ? `+${nodeAddedRttMs[p.index]} ms RTT` : `${Math.round(nodeBandwidthFraction[p.index] * 100)} % bandwidth`;
    }
    if (!reason && destroyedDisks.has(id))
      degraded ??= `lost data disk${destroyedDisks.get(id)!.size > 1 ? 's' : ''} ${[...destroyedDisks.get(id)!].join(', ')}`;
    if (reason) {
      nodeStatus[p.index] = DOWN;
      reasonAt.set(i, reason);
      nodesDown++;
    } else if (degraded) {
      nodeStatus[p.index] = DEGRADED;
      reasonAt.set(i, degraded);
      nodesDegraded++;
    }
  }
  const nodeReason = new Map<string, string>();
  for (const i of [...reasonAt.keys()].sort((a, b) => a - b)) nodeReason.set(t.places[i].node.id, reasonAt.get(i)!);
  if (failures.permanent) {
    for (const id of failedNodes) {
      const p = t.placeById.get(id);
      if (!p) continue;
      const slots = dataDiskSlots(p);
      const set = destroyedDisks.get(id) ?? new Set<number>();
      for (let s = 0; s < slots; s++) set.add(s);
      destroyedDisks.set(id, set);
    }
  }

  return {
    failures,
    nodeStatus,
    nodePowered,
    nodeReason,
    destroyedDisks,
    torsDown,
    feedsDown,
    racksDown,
    feedsTripped,
    siteLinksDown,
    sitePartition: partitionSites(t, siteLinksDown, failedSites),
    nodeAddedRttMs,
    nodeBandwidthFraction,
    siteLinkAddedRttMs,
    siteLinkBandwidthFraction,
    nodesDown,
    nodesDegraded,
  };
}

/**
 * Power of one rack after feed and circuit failures: marks circuit-failed feeds in `feedsDown`,
 * and when one feed survives, trips it too if its failover peak (`failoverPeakW(feed)`, W) exceeds
 * its capacity (breakers trip on peaks, as in `physical/rackPower.ts`). Returns why the rack is
 * dark, and the tripped feed if a trip did it, or null while the rack has power.
 */
export function rackPowerLoss(
  rack: Rack,
  failedCircuits: ReadonlySet<string>,
  feedsDown: Map<string, string>,
  failoverPeakW: (feed: FeedId) => number,
): { reason: string; tripped?: { feed: string; peakW: number; capacityW: number } } | null {
  for (const f of rack.feeds) if (f.circuit && failedCircuits.has(f.circuit)) feedsDown.set(`${rack.id}/${f.id}`, `circuit ${f.circuit} failed`);
  const lost = rack.feeds.filter((f) => feedsDown.has(`${rack.id}/${f.id}`));
  if (lost.length === 0) return null;
  if (lost.length === rack.feeds.length) return { reason: `rack ${rack.id} has no power: ${lost.map((f) => feedsDown.get(`${rack.id}/${f.id}`)).join(', ')}` };
  const survivor = rack.feeds.find((f) => !feedsDown.has(`${rack.id}/${f.id}`));
  if (!survivor) return null;
  const peakW = failoverPeakW(survivor.id);
  if (peakW <= survivor.capacityW) return null;
  const feed = `${rack.id}/${survivor.id}`;
  const why = `feed ${feed} tripped after failover: ${Math.round(peakW)} W peak > ${Math.round(survivor.capacityW)} W capacity`;
  feedsDown.set(feed, why);
  return { reason: `rack ${rack.id} has no power: ${why}`, tripped: { feed, peakW, capacityW: survivor.capacityW } };
}

function applyDegradation(t: Topology, d: Degradation, rtt: Float64Array, bw: Float64Array, siteRtt: Map<string, number>, siteBw: Map<string, number>): void {
  const s = d.scope;
  const apply = (i: number) => {
    if (d.kind === 'latency') rtt[i] += d.addedMs;
    else bw[i] = Math.min(bw[i], d.remainingFraction);
  };
  if (s.kind === 'node') {
    const p = t.placeById.get(s.nodeId);
    if (p) apply(p.index);
  } else if (s.kind === 'rack') {
    for (const p of t.nodesByRack.get(s.rackId) ?? []) apply(p.index);
  } else {
    const k = siteLinkKey(s.siteA, s.siteB);
    if (d.kind === 'latency') siteRtt.set(k, (siteRtt.get(k) ?? 0) + d.addedMs);
    else siteBw.set(k, Math.min(siteBw.get(k) ?? 1, d.remainingFraction));
  }
}

/**
 * Connected components of the sites once failed site links are removed. Sites are assumed fully
 * meshed (every pair has its own link, the plan's `wanGbps` model); a failed site is its own group.
 */
function partitionSites(t: Topology, linksDown: ReadonlySet<string>, failedSites: ReadonlySet<string>): Map<string, number> {
  const sites = t.plan.sites.map((s) => s.id);
  const group = new Map<string, number>();
  let next = 0;
  for (const s of sites) {
    if (group.has(s)) continue;
    const id = next++;
    group.set(s, id);
    if (failedSites.has(s)) continue;
    const stack = [s];
    while (stack.length > 0) {
      const a = stack.pop() as string;
      for (const b of sites) {
        if (group.has(b) || failedSites.has(b) || linksDown.has(siteLinkKey(a, b))) continue;
        group.set(b, id);
        stack.push(b);
      }
    }
  }
  return group;
}

/** The status of one node by id in a resolved set ('up' for an unknown id). */
export function nodeStatusOf(resolved: ResolvedFailures, plan: Plan, nodeId: string): ComponentStatus {
  const p = topologyOf(plan).placeById.get(nodeId);
  if (!p) return 'up';
  const s = resolved.nodeStatus[p.index];
  return s === DOWN ? 'down' : s === DEGRADED ? 'degraded' : 'up';
}
