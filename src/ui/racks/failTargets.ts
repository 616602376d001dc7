import { nodeAt, rackAt } from './hitTest';
import type { Elevation, ElevationGeometry, RackBox } from './rackLayout';

/** A box in rack-local coordinates (relative to the rack's top-left corner), px. */
export interface LocalBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width of one power-feed marker under a rack, px: room for "feed A" at the marker's 8.5 px font. */
const FEED_MARKER_PX = 40;

/** The rack's ToR switches as drawn: stacked from the top, switch A first, each its share of the switch U. */
export function torBoxes(rack: RackBox, g: ElevationGeometry): LocalBox[] {
  if (rack.switchU === 0 || rack.torCount === 0) return [];
  const each = (rack.switchU / rack.torCount) * g.uPx;
  return (rack.torCount === 2 ? ['A', 'B'] : ['A']).map((id, i) => ({ id, x: 3, y: 1 + i * each, width: g.rackWidth - 6, height: Math.max(0, each - 2) }));
}

/** The rack's power-feed markers as drawn: small tags under the frame, where the PDUs' feeds enter. */
export function feedMarkerBoxes(rack: RackBox, g: ElevationGeometry): LocalBox[] {
  const ids = rack.feeds ? rack.feeds.split('+') : [];
  return ids.map((id, i) => ({ id, x: 3 + i * (FEED_MARKER_PX + 4), y: rack.heightU * g.uPx + 4, width: FEED_MARKER_PX, height: 13 }));
}

const inside = (b: LocalBox, x: number, y: number) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;

/**
 * The component a click at world (x, y) fails in fail mode, as a component id: a node, a ToR
 * switch, a power-feed marker, else the rack whose frame or label holds the point; null on empty
 * space. Feed markers sit below the frame, so they are tested before the rack's own bounds.
 */
export function failTargetAt(layout: Elevation, x: number, y: number): string | null {
  const g = layout.geometry;
  for (const rack of layout.racks) {
    const lx = x - rack.x;
    const ly = y - rack.y;
    if (lx < 0 || lx > g.rackWidth || ly < 0 || ly > rack.heightU * g.uPx + 20) continue;
    const feed = feedMarkerBoxes(rack, g).find((b) => inside(b, lx, ly));
    if (feed) return `feed:${rack.id}/${feed.id}`;
  }
  const node = nodeAt(layout, x, y);
  if (node) return `node:${node.id}`;
  const rack = rackAt(layout, x, y);
  if (!rack) return null;
  const tor = torBoxes(rack, g).find((b) => inside(b, x - rack.x, y - rack.y));
  return tor ? `tor:${rack.id}/${tor.id}` : `rack:${rack.id}`;
}
