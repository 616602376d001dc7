import type { Topology } from '../topology';
import { rackDownlinkGbps, rackUplinkGbps } from './paths';

/** Load on one rack's uplinks. All figures Gbit/s of wire traffic, per direction (links are full duplex). */
export interface RackUplinkLoad {
  rackId: string;
  name: string;
  nodes: number;
  /** Σ NIC capacity of the rack's nodes. */
  downlinkGbps: number;
  /** switches × tor.uplinkGbps. */
  uplinkGbps: number;
  /** downlink / uplink: the oversubscription ratio (1.5 means 1.5:1). 0 for an empty rack. */
  oversubscription: number;
  /** Uplink left when one of two switches fails (the uplink of a single-switch rack is lost). */
  uplinkAfterTorLossGbps: number;
  /** Workload east-west traffic leaving the rack, on the wire. */
  workloadGbps: number;
  /** Extra traffic supplied by the caller (e.g. a storage rebuild), on the wire. */
  extraGbps: number;
  /** workload + extra over the uplink. */
  utilisation: number;
  /** What is left for everything else: max(0, uplink − workload − extra). */
  leftoverGbps: number;
}

/**
 * Per-rack uplink load under a uniform east-west pattern: every node sends `gbpsPerNode` of
 * goodput to destinations spread evenly over all other nodes, so a fraction
 * (N − n_rack)/(N − 1) leaves the rack. Wire load = goodput / `efficiency` (the plan's
 * encapsulation, see encapsulation.ts). `extraGbpsByRack` adds another pattern already in wire
 * Gbit/s (the storage model passes rebuild traffic per rack).
 *
 *   load(rack) = Σ_nodes gbpsPerNode × (N − n_rack)/(N − 1) / efficiency + extra(rack)
 *   leftover   = max(0, uplink − load)
 *
 * Example: 40 nodes at 2 Gbit/s in a 1000-node cluster on 800 Gbit/s: 40 × 2 × 960/999 / 0.941
 * = 81.7 Gbit/s, 10 % of the uplink.
 */
export function rackUplinkLoads(
  topology: Topology,
  gbpsPerNode: number,
  efficiency: number,
  extraGbpsByRack: ReadonlyMap<string, number> = new Map(),
): RackUplinkLoad[] {
  const total = topology.places.length;
  return topology.plan.racks.map((rack): RackUplinkLoad => {
    const n = topology.nodesByRack.get(rack.id)?.length ?? 0;
    const downlinkGbps = rackDownlinkGbps(topology, rack.id);
    const uplinkGbps = rackUplinkGbps(rack);
    const offRack = total > 1 ? (total - n) / (total - 1) : 0;
    const workloadGbps = (n * gbpsPerNode * offRack) / efficiency;
    const extraGbps = extraGbpsByRack.get(rack.id) ?? 0;
    const load = workloadGbps + extraGbps;
    return {
      rackId: rack.id,
      name: rack.name,
      nodes: n,
      downlinkGbps,
      uplinkGbps,
      oversubscription: uplinkGbps > 0 ? downlinkGbps / uplinkGbps : 0,
      uplinkAfterTorLossGbps: (rack.tor.count - 1) * rack.tor.uplinkGbps,
      workloadGbps,
      extraGbps,
      utilisation: uplinkGbps > 0 ? load / uplinkGbps : Infinity,
      leftoverGbps: Math.max(0, uplinkGbps - load),
    };
  });
}

/**
 * The share of a rack's uplink one flow gets when `competingFlows` other flows cross it too,
 * Gbit/s: max-min fair share uplink / (competing + 1), never more than `flowLimitGbps`
 * (its own path bottleneck). A cheap stand-in for TCP fairness on a shared link.
 */
export function fairShareGbps(uplinkGbps: number, competingFlows: number, flowLimitGbps = Infinity): number {
  return Math.min(flowLimitGbps, uplinkGbps / (Math.max(0, competingFlows) + 1));
}
