import type { Plan, Role } from '../../plan/schema';

/** Pixel geometry of the elevation: one U is `uPx` tall; racks stand side by side in rows. */
export interface ElevationGeometry {
  uPx: number;
  rackWidth: number;
  rackGap: number;
  rowGap: number;
  headerPx: number;
}

export const DEFAULT_GEOMETRY: ElevationGeometry = { uPx: 12, rackWidth: 132, rackGap: 18, rowGap: 46, headerPx: 34 };

export interface RackBox {
  id: string;
  name: string;
  x: number;
  y: number;
  heightU: number;
  switchU: number;
  torCount: number;
  feeds: string;
}

export interface NodeBox {
  id: string;
  name: string;
  role: Role;
  rackId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  positionU: number;
  heightU: number;
  feeds: string;
  tors: string;
}

export interface RowLabel {
  id: string;
  text: string;
  x: number;
  y: number;
}

export interface Elevation {
  racks: RackBox[];
  nodes: NodeBox[];
  rows: RowLabel[];
  width: number;
  height: number;
}

/**
 * Lays racks out front-on: one line of racks per row, rows stacked in plan order (sites and
 * rooms in the row label). U1 is at the bottom, as data-center staff read it. Pure: no DOM.
 */
export function layoutElevation(plan: Plan, g: ElevationGeometry = DEFAULT_GEOMETRY): Elevation {
  const rooms = new Map(plan.rooms.map((r) => [r.id, r]));
  const sites = new Map(plan.sites.map((s) => [s.id, s]));
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));
  const racksByRow = new Map<string, typeof plan.racks>();
  for (const rack of plan.racks) racksByRow.set(rack.rowId, [...(racksByRow.get(rack.rowId) ?? []), rack]);

  const racks: RackBox[] = [];
  const rows: RowLabel[] = [];
  const rackPos = new Map<string, RackBox>();
  let y = 0;
  let width = 0;
  for (const row of plan.rows) {
    const list = racksByRow.get(row.id) ?? [];
    if (list.length === 0) continue;
    const room = rooms.get(row.roomId);
    const site = room ? sites.get(room.siteId) : undefined;
    rows.push({ id: row.id, text: [site?.name, room?.name, row.name].filter(Boolean).join(' / '), x: 0, y: y + 14 });
    const tallest = Math.max(...list.map((r) => r.heightU));
    list.forEach((rack, i) => {
      const box: RackBox = {
        id: rack.id, name: rack.name, x: 28 + i * (g.rackWidth + g.rackGap),
        y: y + g.headerPx + (tallest - rack.heightU) * g.uPx, heightU: rack.heightU,
        switchU: rack.tor.count * rack.tor.heightU, torCount: rack.tor.count, feeds: rack.feeds.map((f) => f.id).join('+'),
      };
      racks.push(box);
      rackPos.set(rack.id, box);
      width = Math.max(width, box.x + g.rackWidth + 8);
    });
    y += g.headerPx + tallest * g.uPx + g.rowGap;
  }
  const nodes: NodeBox[] = [];
  for (const node of plan.nodes) {
    const box = rackPos.get(node.rackId);
    const hw = hardware.get(node.hardwareId);
    if (!box || !hw) continue;
    const top = node.positionU + hw.heightU - 1;
    nodes.push({
      id: node.id, name: node.name, role: node.role, rackId: node.rackId,
      x: box.x + 3, y: box.y + (box.heightU - top) * g.uPx + 1, width: g.rackWidth - 6, height: hw.heightU * g.uPx - 2,
      positionU: node.positionU, heightU: hw.heightU, feeds: node.feeds.join('+'), tors: node.tors.join('+'),
    });
  }
  return { racks, nodes, rows, width: Math.max(width, 300), height: Math.max(y, 200) };
}
