import { roomColumns } from '../../editor/drawingOrder';
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
  /** Baseline of the label at full detail (12 px text in the row's header). */
  y: number;
  /** The free band above the row's racks, world px: from the row before it (or the top) down to its tallest rack. */
  bandTop: number;
  racksTop: number;
  /** Width of the room column the row stands in: the label must not run into the next column. */
  maxWidth: number;
}

export interface Elevation {
  racks: RackBox[];
  nodes: NodeBox[];
  rows: RowLabel[];
  width: number;
  height: number;
  /** Racks by id, and each rack's nodes, for hit tests and culling. */
  rackById: Map<string, RackBox>;
  nodesByRack: Map<string, NodeBox[]>;
  nodeById: Map<string, NodeBox>;
  geometry: ElevationGeometry;
}

/** The racks and row labels of a layout, with what they were computed from (compared by identity). */
interface RackPart {
  inputs: unknown[];
  racks: RackBox[];
  rows: RowLabel[];
  width: number;
  height: number;
  rackById: Map<string, RackBox>;
  hardware: Map<string, Plan['hardware'][number]>;
  /** Each node's box, by the node object it was laid out from: valid while the racks are these. */
  nodeBoxes: WeakMap<Plan['nodes'][number], NodeBox>;
}

/** What `layoutElevation` reuses between calls: the last rack part (an edit that moves nodes leaves it valid). */
export interface LayoutMemo {
  last: RackPart | null;
}

const sharedMemo: LayoutMemo = { last: null };

/**
 * Lays racks out front-on: one line of racks per row, rows stacked in a column per room (sites and
 * rooms in the row label). U1 is at the bottom, as data-center staff read it. Pure: no DOM.
 * The racks are laid out again only when sites, rooms, rows, racks or hardware changed, and a
 * node's box only when the node did: moving one node of 5,000 builds one box, not 5,000.
 */
export function layoutElevation(plan: Plan, g: ElevationGeometry = DEFAULT_GEOMETRY, memo: LayoutMemo = sharedMemo): Elevation {
  const inputs = [plan.sites, plan.rooms, plan.rows, plan.racks, plan.hardware, g];
  const last = memo.last;
  const part = last && inputs.every((x, i) => x === last.inputs[i]) ? last : (memo.last = layoutRacks(plan, g, inputs));
  const nodes: NodeBox[] = [];
  const nodesByRack = new Map<string, NodeBox[]>();
  const nodeById = new Map<string, NodeBox>();
  for (const node of plan.nodes) {
    let nodeBox = part.nodeBoxes.get(node);
    if (!nodeBox) {
      const box = part.rackById.get(node.rackId);
      const hw = part.hardware.get(node.hardwareId);
      if (!box || !hw) continue;
      const top = node.positionU + hw.heightU - 1;
      nodeBox = {
        id: node.id,
        name: node.name,
        role: node.role,
        rackId: node.rackId,
        x: box.x + 3,
        y: box.y + (box.heightU - top) * g.uPx + 1,
        width: g.rackWidth - 6,
        height: hw.heightU * g.uPx - 2,
        positionU: node.positionU,
        heightU: hw.heightU,
        feeds: node.feeds.join('+'),
        tors: node.tors.join('+'),
      };
      part.nodeBoxes.set(node, nodeBox);
    }
    nodes.push(nodeBox);
    nodeById.set(node.id, nodeBox);
    let list = nodesByRack.get(node.rackId);
    if (!list) nodesByRack.set(node.rackId, (list = []));
    list.push(nodeBox);
  }
  return {
    racks: part.racks,
    nodes,
    rows: part.rows,
    width: Math.max(part.width, 300),
    height: Math.max(part.height, 200),
    rackById: part.rackById,
    nodesByRack,
    nodeById,
    geometry: g,
  };
}

function layoutRacks(plan: Plan, g: ElevationGeometry, inputs: unknown[]): RackPart {
  const rooms = new Map(plan.rooms.map((r) => [r.id, r]));
  const sites = new Map(plan.sites.map((s) => [s.id, s]));
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));
  const racksByRow = new Map<string, typeof plan.racks>();
  for (const rack of plan.racks) {
    const list = racksByRow.get(rack.rowId);
    if (list) list.push(rack);
    else racksByRow.set(rack.rowId, [rack]);
  }

  const racks: RackBox[] = [];
  const rows: RowLabel[] = [];
  const rackPos = new Map<string, RackBox>();
  let width = 0;
  let height = 0;
  // Rooms stand side by side as columns (sites in plan order, then their rooms); each room's
  // rows stack down its column, so a 2-hall, 20-row plan is two columns, not one tall strip.
  let columnX = 0;
  for (const column of roomColumns(plan)) {
    let y = 0;
    let columnWidth = 0;
    const columnRows: RowLabel[] = [];
    for (const row of column) {
      const list = racksByRow.get(row.id) ?? [];
      const room = rooms.get(row.roomId);
      const site = room ? sites.get(room.siteId) : undefined;
      const label: RowLabel = {
        id: row.id,
        text: [site?.name, room?.name, row.name].filter(Boolean).join(' / '),
        x: columnX,
        y: y + 14,
        bandTop: y - g.rowGap,
        racksTop: y + g.headerPx,
        maxWidth: 0,
      };
      rows.push(label);
      columnRows.push(label);
      const tallest = Math.max(...list.map((r) => r.heightU));
      list.forEach((rack, i) => {
        const box: RackBox = {
          id: rack.id,
          name: rack.name,
          x: columnX + 28 + i * (g.rackWidth + g.rackGap),
          y: y + g.headerPx + (tallest - rack.heightU) * g.uPx,
          heightU: rack.heightU,
          switchU: rack.tor.count * rack.tor.heightU,
          torCount: rack.tor.count,
          feeds: rack.feeds.map((f) => f.id).join('+'),
        };
        racks.push(box);
        rackPos.set(rack.id, box);
        columnWidth = Math.max(columnWidth, box.x + g.rackWidth - columnX);
      });
      y += g.headerPx + tallest * g.uPx + g.rowGap;
    }
    height = Math.max(height, y);
    // Up to the next column's first rack: half the gap between columns is the label's to use.
    for (const label of columnRows) label.maxWidth = columnWidth + g.rackGap * 2;
    width = columnX + columnWidth + 8;
    columnX += columnWidth + g.rackGap * 4;
  }
  return { inputs, racks, rows, width, height, rackById: rackPos, hardware, nodeBoxes: new WeakMap() };
}
