/** Largest minimap, px: big enough to find a rack, small enough to leave the elevation its room. */
export const MINIMAP_MAX_W = 200;
export const MINIMAP_MAX_H = 140;
/** Padding around the minimap inside its dock, px, on each side. */
export const DOCK_PAD = 6;

export interface MinimapDock {
  /** World px to minimap px. */
  scale: number;
  /** Minimap size, px. */
  width: number;
  height: number;
  /** Where the dock sits: a column right of the elevation, or a strip below it. */
  side: 'right' | 'below';
}

/**
 * Size of the minimap for a world of `worldWidth` × `worldHeight` px (the whole elevation fitted
 * into 200 × 140 px, at least 40 × 30), and the side of the rack view to dock it on so it never
 * covers a rack: the side that takes the smaller share of the stage (`stageWidth` × `stageHeight`
 * px). A tall world (the 5,000-node plan's 20 rows, 60 × 140 px) docks right; a wide, short one
 * docks below. Example: a 60 × 140 map on a 700 × 700 stage: right takes (60 + 12) / 700 ≈ 10 %,
 * below (140 + 12) / 700 ≈ 22 %: right.
 */
export function minimapDock(worldWidth: number, worldHeight: number, stageWidth: number, stageHeight: number): MinimapDock {
  const scale = Math.min(MINIMAP_MAX_W / Math.max(1, worldWidth), MINIMAP_MAX_H / Math.max(1, worldHeight));
  const width = Math.max(40, Math.round(worldWidth * scale));
  const height = Math.max(30, Math.round(worldHeight * scale));
  const rightShare = (width + 2 * DOCK_PAD) / Math.max(1, stageWidth);
  const belowShare = (height + 2 * DOCK_PAD) / Math.max(1, stageHeight);
  return { scale, width, height, side: rightShare <= belowShare ? 'right' : 'below' };
}
