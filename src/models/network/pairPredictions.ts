import type { Plan } from '../../plan/schema';
import type { NodePlace, Topology } from '../topology';
import { cniEncapOf, framing, type CniEncap, type EncapStack, versionBefore, FLANNEL_KUBESPAN_MTU_FIX } from './encapsulation';
import { cryptoProfile, kubespanAddedRttMs, kubespanCeilings } from './kubespanCost';
import { latencyClassOf, nicLinkGbps, nicLinksBySwitch, pathBetween, type LatencyClass } from './paths';

export type CniChoice = 'plain' | 'flannel' | 'cilium';

/** Predicted throughput between two nodes with one CNI choice, KubeSpan off and on, Gbit/s of goodput. */
export interface ThroughputPrediction {
  cni: CniChoice;
  encap: CniEncap;
  /** All flows between the two nodes, KubeSpan off: path bottleneck × efficiency. */
  offGbps: number;
  /** All flows, KubeSpan on: min(path bottleneck × efficiency, each end's crypto-bound ceiling). */
  onGbps: number;
  /** One TCP flow, KubeSpan off: per-flow path limit × efficiency. */
  offFlowGbps: number;
  /** One TCP flow, KubeSpan on: also bound by one core (see kubespanCeilings). */
  onFlowGbps: number;
}

/** Predictions for one representative node pair of a latency class. */
export interface PairPrediction {
  latencyClass: LatencyClass;
  aId: string;
  bId: string;
  /** Node pairs of this class in the plan. */
  pairs: number;
  rttMs: number;
  /** rttMs + the RTT WireGuard processing adds. */
  rttKubeSpanMs: number;
  bottleneckGbps: number;
  /** The link kinds on the path, e.g. "nic → tor → spine → … → nic". */
  route: string;
  throughput: ThroughputPrediction[];
}

/**
 * Node-to-node throughput of a pair through a stack, Gbit/s of goodput, all flows and one flow.
 * Equation: off = bottleneck × eff; on = min(off(eff of the KubeSpan stack), crypto ceiling of
 * the slower end). Same latency class, same path, so a pair stands for its whole class.
 */
export function pairThroughput(topology: Topology, a: NodePlace, b: NodePlace, cni: CniChoice): ThroughputPrediction {
  const plan = topology.plan;
  const encap = cniEncapFor(plan, cni);
  const path = pathBetween(topology, a.node.id, b.node.id);
  const family = plan.cluster.kubespan.ipFamily;
  const fixed = !versionBefore(plan.cluster.talosVersion, FLANNEL_KUBESPAN_MTU_FIX);
  const off = framing(plan.network.mtu, { cni: encap, kubespan: 'off', flannelMtuFitsKubeSpan: fixed });
  const on = framing(plan.network.mtu, { cni: encap, kubespan: family, flannelMtuFitsKubeSpan: fixed });
  const ceilings = [a, b].map((p) => kubespanCeilings(on, cryptoProfile(plan, p.hardware), p.hardware.cores, nodeNicGbps(p)));
  return {
    cni,
    encap,
    offGbps: path.bottleneckGbps * off.efficiency,
    onGbps: Math.min(path.bottleneckGbps * on.efficiency, ...ceilings.map((c) => c.cryptoBoundGbps)),
    offFlowGbps: path.perFlowGbps * off.efficiency,
    onFlowGbps: Math.min(path.perFlowGbps * on.efficiency, ...ceilings.map((c) => c.perFlowGbps)),
  };
}

/** Total NIC capacity of a node, Gbit/s: cabled links × min(NIC speed, switch port speed). */
export function nodeNicGbps(place: NodePlace): number {
  const links = nicLinksBySwitch(place);
  return (links.A + links.B) * nicLinkGbps(place);
}

/** The encapsulation a CNI choice uses in this plan: Cilium keeps the plan's mode when the plan runs Cilium, else native routing. */
export function cniEncapFor(plan: Plan, cni: CniChoice): CniEncap {
  if (cni === 'plain') return 'none';
  if (cni === 'flannel') return 'flannel-vxlan';
  // A Flannel plan compared against Cilium assumes Cilium's native routing.
  return plan.cluster.cni.name === 'cilium' ? cniEncapOf(plan.cluster.cni) : 'cilium-native';
}

/** The plan's own stack. */
export function planStack(plan: Plan): EncapStack {
  const ks = plan.cluster.kubespan;
  const cni = cniEncapFor(plan, plan.cluster.cni.name === 'flannel' ? 'flannel' : 'cilium');
  return { cni, kubespan: ks.enabled ? ks.ipFamily : 'off', flannelMtuFitsKubeSpan: !versionBefore(plan.cluster.talosVersion, FLANNEL_KUBESPAN_MTU_FIX) };
}

/**
 * One representative pair per latency class present in the plan, with how many node pairs the
 * class holds, its RTT with and without KubeSpan and its throughput for plain, Flannel and
 * Cilium, KubeSpan off and on. O(n): representatives are the first pair found per class, and
 * pair counts come from node counts per rack, row, room and site (Σ C(n, 2) differences).
 */
export function predictPairs(topology: Topology): PairPrediction[] {
  const plan = topology.plan;
  const reps = new Map<LatencyClass, [NodePlace, NodePlace]>();
  const firstBy = {
    rack: new Map<string, NodePlace>(),
    row: new Map<string, NodePlace>(),
    room: new Map<string, NodePlace>(),
    site: new Map<string, NodePlace>(),
  };
  const firstSite: NodePlace[] = [];
  const counts = pairCounts(topology);
  // Once every class the plan has pairs in has its representative, later nodes change nothing.
  const present = (Object.keys(counts) as Array<keyof typeof counts>).filter((c) => counts[c] > 0).length;
  const pairWith = (q: NodePlace | undefined, p: NodePlace) => {
    if (!q) return;
    const cls = latencyClassOf(q, p);
    if (cls !== 'same-node' && !reps.has(cls)) reps.set(cls, [q, p]);
  };
  for (const p of topology.places) {
    if (reps.size === present) break;
    // The candidates in order (first of the rack, row, room, site, then of every site), without
    // a candidate array per node: a plan whose last class appears late walks most of its nodes.
    const ofRack = firstBy.rack.get(p.rack.id);
    const ofRow = firstBy.row.get(p.row.id);
    const ofRoom = firstBy.room.get(p.room.id);
    const ofSite = firstBy.site.get(p.site.id);
    pairWith(ofRack, p);
    pairWith(ofRow, p);
    pairWith(ofRoom, p);
    pairWith(ofSite, p);
    for (let i = 0; i < firstSite.length; i++) pairWith(firstSite[i], p);
    if (!ofRack) firstBy.rack.set(p.rack.id, p);
    if (!ofRow) firstBy.row.set(p.row.id, p);
    if (!ofRoom) firstBy.room.set(p.room.id, p);
    if (!ofSite) {
      firstBy.site.set(p.site.id, p);
      firstSite.push(p);
    }
  }
  const order = ['same-rack', 'same-row', 'cross-row', 'cross-room', 'cross-site'] as const;
  const ksFrame = framing(plan.network.mtu, { ...planStack(plan), kubespan: plan.cluster.kubespan.ipFamily });
  return order
    .filter((c) => reps.has(c))
    .map((cls) => {
      const [a, b] = reps.get(cls)!;
      const path = pathBetween(topology, a.node.id, b.node.id);
      const added = Math.max(kubespanAddedRttMs(ksFrame, cryptoProfile(plan, a.hardware)), kubespanAddedRttMs(ksFrame, cryptoProfile(plan, b.hardware)));
      return {
        latencyClass: cls,
        aId: a.node.id,
        bId: b.node.id,
        pairs: counts[cls],
        rttMs: path.rttMs,
        rttKubeSpanMs: path.rttMs + added,
        bottleneckGbps: path.bottleneckGbps,
        route: path.links.map((l) => l.kind).join(' → '),
        throughput: (['plain', 'flannel', 'cilium'] as const).map((cni) => pairThroughput(topology, a, b, cni)),
      };
    });
}

/**
 * Node pairs per latency class, from group sizes: C(n, 2) per rack, row, room, site and cluster,
 * differenced. Group sizes are summed up from the racks' node counts (racks → rows → rooms →
 * sites), so the cost is O(racks), not O(nodes).
 */
export function pairCounts(topology: Topology): Record<Exclude<LatencyClass, 'same-node'>, number> {
  const c2 = (n: number) => (n > 1 ? (n * (n - 1)) / 2 : 0);
  const plan = topology.plan;
  const perRow = new Map<string, number>();
  const perRoom = new Map<string, number>();
  const perSite = new Map<string, number>();
  let rack = 0;
  for (const r of plan.racks) {
    const n = topology.nodesByRack.get(r.id)?.length ?? 0;
    rack += c2(n);
    perRow.set(r.rowId, (perRow.get(r.rowId) ?? 0) + n);
  }
  for (const [rowId, n] of perRow) {
    const roomId = topology.rowById.get(rowId)?.roomId ?? '';
    perRoom.set(roomId, (perRoom.get(roomId) ?? 0) + n);
  }
  for (const [roomId, n] of perRoom) {
    const siteId = topology.roomById.get(roomId)?.siteId ?? '';
    perSite.set(siteId, (perSite.get(siteId) ?? 0) + n);
  }
  const sum = (m: Map<string, number>) => {
    let s = 0;
    for (const n of m.values()) s += c2(n);
    return s;
  };
  const row = sum(perRow);
  const room = sum(perRoom);
  const site = sum(perSite);
  const all = c2(topology.places.length);
  return { 'same-rack': rack, 'same-row': row - rack, 'cross-row': room - row, 'cross-room': site - room, 'cross-site': all - site };
}
