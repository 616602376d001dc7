import type { Plan, Rack } from '../plan/schema';

/**
 * The rows that hold racks, grouped into one column per room, in drawing order: sites in plan
 * order, their rooms in plan order, the rooms' rows in plan order. Rows whose room is missing
 * (an invalid plan) form a last column so nothing disappears.
 */
export function roomColumns(plan: Plan): Plan['rows'][] {
  const withRacks = new Set(plan.racks.map((r) => r.rowId));
  const rowsByRoom = new Map<string, Plan['rows']>();
  for (const row of plan.rows) {
    if (!withRacks.has(row.id)) continue;
    const list = rowsByRoom.get(row.roomId);
    if (list) list.push(row);
    else rowsByRoom.set(row.roomId, [row]);
  }
  const columns: Plan['rows'][] = [];
  const placed = new Set<string>();
  for (const site of plan.sites) {
    for (const room of plan.rooms) {
      if (room.siteId !== site.id || placed.has(room.id)) continue;
      placed.add(room.id);
      const list = rowsByRoom.get(room.id);
      if (list) columns.push(list);
    }
  }
  const orphans = [...rowsByRoom].filter(([roomId]) => !placed.has(roomId)).flatMap(([, list]) => list);
  if (orphans.length > 0) columns.push(orphans);
  return columns;
}

/** Racks in the order the elevation draws them: room by room, row by row, left to right. */
export function rackOrder(plan: Plan): Rack[] {
  const byRow = new Map<string, Rack[]>();
  for (const rack of plan.racks) {
    const list = byRow.get(rack.rowId);
    if (list) list.push(rack);
    else byRow.set(rack.rowId, [rack]);
  }
  return roomColumns(plan)
    .flat()
    .flatMap((row) => byRow.get(row.id) ?? []);
}
