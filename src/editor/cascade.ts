import type { Plan } from '../plan/schema';

/**
 * Removes what lost its parent after an edit removed sites, rooms, rows or racks: rooms of a
 * missing site, rows of a missing room, racks of a missing row, nodes of a missing rack, and RTT
 * overrides naming anything that is gone. Returns the plan and how many racks and nodes went.
 */
export function pruneOrphans(plan: Plan): { plan: Plan; racks: number; nodes: number } {
  const sites = new Set(plan.sites.map((s) => s.id));
  const rooms = plan.rooms.filter((r) => sites.has(r.siteId));
  const roomIds = new Set(rooms.map((r) => r.id));
  const rows = plan.rows.filter((r) => roomIds.has(r.roomId));
  const rowIds = new Set(rows.map((r) => r.id));
  const racks = plan.racks.filter((r) => rowIds.has(r.rowId));
  const rackIds = new Set(racks.map((r) => r.id));
  const nodes = plan.nodes.filter((n) => rackIds.has(n.rackId));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const alive = (id: string) => sites.has(id) || roomIds.has(id) || rowIds.has(id) || rackIds.has(id) || nodeIds.has(id);
  const rttOverrides = plan.network.rttOverrides.filter((o) => alive(o.from) && alive(o.to));
  // Untouched collections keep their identity, so the undo diff holds only what changed.
  const same = <T>(a: T[], b: T[]) => (a.length === b.length ? a : b);
  return {
    plan: {
      ...plan,
      rooms: same(plan.rooms, rooms),
      rows: same(plan.rows, rows),
      racks: same(plan.racks, racks),
      nodes: same(plan.nodes, nodes),
      network: rttOverrides.length === plan.network.rttOverrides.length ? plan.network : { ...plan.network, rttOverrides },
    },
    racks: plan.racks.length - racks.length,
    nodes: plan.nodes.length - nodes.length,
  };
}

/** "and its 4 nodes", "and 3 racks with 12 nodes", or "" when nothing else went. */
export function cascadeNote(racks: number, nodes: number): string {
  const n = `${nodes} node${nodes === 1 ? '' : 's'}`;
  if (racks > 0) return ` and ${racks} rack${racks === 1 ? '' : 's'} with ${n}`;
  return nodes > 0 ? ` and its ${n}` : '';
}
