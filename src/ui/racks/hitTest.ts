import type { ViewTransform } from '../../state/session.svelte';
import type { Elevation, NodeBox, RackBox } from './rackLayout';

/** A screen point (relative to the viewport) in world coordinates. */
export function toWorld(view: ViewTransform, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.x) / view.k, y: (sy - view.y) / view.k };
}

/** The world rectangle the viewport shows. */
export function visibleWorld(view: ViewTransform, size: { width: number; height: number }) {
  return { x0: -view.x / view.k, y0: -view.y / view.k, x1: (size.width - view.x) / view.k, y1: (size.height - view.y) / view.k };
}

/** The rack whose frame (with a grab margin of half a rack gap) holds the world point, if any. */
export function rackAt(layout: Elevation, x: number, y: number): RackBox | null {
  const g = layout.geometry;
  const margin = g.rackGap / 2;
  for (const rack of layout.racks) {
    if (x >= rack.x - margin && x <= rack.x + g.rackWidth + margin && y >= rack.y - g.uPx && y <= rack.y + rack.heightU * g.uPx + g.uPx) return rack;
  }
  return null;
}

/** The U at a world height inside a rack, clamped to the rack (U1 at the bottom). */
export function uAt(layout: Elevation, rack: RackBox, y: number): number {
  const fromTop = Math.floor((y - rack.y) / layout.geometry.uPx);
  return Math.min(rack.heightU, Math.max(1, rack.heightU - fromTop));
}

export function nodeAt(layout: Elevation, x: number, y: number): NodeBox | null {
  const rack = rackAt(layout, x, y);
  if (!rack) return null;
  for (const n of layout.nodesByRack.get(rack.id) ?? []) {
    if (x >= n.x && x <= n.x + n.width && y >= n.y - 1 && y <= n.y + n.height + 1) return n;
  }
  return null;
}

/** Ids of the nodes a box (world coordinates, any corner order) touches. */
export function nodesInBox(layout: Elevation, box: { x0: number; y0: number; x1: number; y1: number }): string[] {
  const [x0, x1] = box.x0 < box.x1 ? [box.x0, box.x1] : [box.x1, box.x0];
  const [y0, y1] = box.y0 < box.y1 ? [box.y0, box.y1] : [box.y1, box.y0];
  return layout.nodes.filter((n) => n.x <= x1 && n.x + n.width >= x0 && n.y <= y1 && n.y + n.height >= y0).map((n) => n.id);
}

/** Racks that intersect the world rectangle, grown by `margin` world units on each side. */
export function racksIn(layout: Elevation, r: { x0: number; y0: number; x1: number; y1: number }, margin = 0): RackBox[] {
  const g = layout.geometry;
  return layout.racks.filter(
    (rack) =>
      rack.x + g.rackWidth >= r.x0 - margin &&
      rack.x <= r.x1 + margin &&
      rack.y + rack.heightU * g.uPx >= r.y0 - margin &&
      rack.y - g.headerPx <= r.y1 + margin,
  );
}
