import type { Topology } from '../topology';
import { rackDownlinkGbps, rackUplinkGbps } from './paths';

export type FabricTier = 'rack' | 'row' | 'room' | 'site';

/** Bisection bandwidth among the units of one tier (racks of the cluster, rows, rooms, sites). */
export interface Bisection {
  tier: FabricTier;
  units: number;
  /** Worst balanced cut, Gbit/s: the sum of the ⌊k/2⌋ smallest unit capacities. 0 with fewer than 2 units. */
  gbps: number;
  /** Nodes on the small side of that cut. */
  nodesOnSmallSide: number;
  /** gbps per node on the small side: what each can count on when all cross the cut at once. */
  gbpsPerNode: number;
}

interface Unit {
  id: string;
  gbps: number;
  nodes: number;
}

/**
 * Bisection bandwidth between racks, rows, rooms and sites of a tree fabric. Each unit's
 * capacity towards the rest is the tightest of its own uplink and what its children can send:
 *   rack = min(Σ NIC, switches × tor.uplinkGbps); row = min(spineGbps, Σ racks);
 *   room = min(coreGbps, Σ rows); site = min(wanGbps, Σ rooms).
 * The tier above is assumed non-blocking, so a cut separating two groups carries the smaller
 * group total; the worst balanced cut puts the ⌊k/2⌋ weakest units on one side.
 * Example: four racks with 800, 800, 800, 400 Gbit/s: bisection = 400 + 800 = 1200 Gbit/s.
 */
export function bisections(topology: Topology): Bisection[] {
  const racks: Unit[] = topology.plan.racks.map((r) => ({
    id: r.id,
    nodes: topology.nodesByRack.get(r.id)?.length ?? 0,
    gbps: Math.min(rackDownlinkGbps(topology, r.id), rackUplinkGbps(r)),
  }));
  const rows = group(
    racks,
    (id) => topology.rackById.get(id)?.rowId,
    topology.plan.rows.map((r) => [r.id, r.spineGbps]),
  );
  const rooms = group(
    rows,
    (id) => topology.rowById.get(id)?.roomId,
    topology.plan.rooms.map((r) => [r.id, r.coreGbps]),
  );
  const sites = group(
    rooms,
    (id) => topology.roomById.get(id)?.siteId,
    topology.plan.sites.map((s) => [s.id, s.wanGbps]),
  );
  return (
    [
      ['rack', racks],
      ['row', rows],
      ['room', rooms],
      ['site', sites],
    ] as const
  ).map(([tier, units]) => cut(tier, units));
}

function group(children: Unit[], parentOf: (id: string) => string | undefined, parents: [string, number][]): Unit[] {
  const sums = new Map<string, { gbps: number; nodes: number }>(parents.map(([id]) => [id, { gbps: 0, nodes: 0 }]));
  for (const c of children) {
    const s = sums.get(parentOf(c.id) ?? '');
    if (s) {
      s.gbps += c.gbps;
      s.nodes += c.nodes;
    }
  }
  return parents.map(([id, uplink]) => {
    const s = sums.get(id) ?? { gbps: 0, nodes: 0 };
    return { id, gbps: Math.min(uplink, s.gbps), nodes: s.nodes };
  });
}

function cut(tier: FabricTier, all: Unit[]): Bisection {
  // Units without nodes neither send nor receive, so they do not take part in a cut.
  const units = all.filter((u) => u.nodes > 0).sort((a, b) => a.gbps - b.gbps);
  if (units.length < 2) return { tier, units: units.length, gbps: 0, nodesOnSmallSide: 0, gbpsPerNode: 0 };
  const small = units.slice(0, Math.floor(units.length / 2));
  const gbps = small.reduce((s, u) => s + u.gbps, 0);
  const nodes = small.reduce((s, u) => s + u.nodes, 0);
  return { tier, units: units.length, gbps, nodesOnSmallSide: nodes, gbpsPerNode: nodes > 0 ? gbps / nodes : 0 };
}
