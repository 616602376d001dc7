import { interpolateViridis, lab, scaleBand } from 'd3';
import { BLAST_ORDER, type BlastRadius } from '../../models/drills/health';
import type { SweepRow } from '../../models/drills/sweep';
import type { Plan } from '../../plan/schema';

/** The worst thing failing a rack does, or nothing worse than with nothing failed. */
export type HeatLevel = keyof BlastRadius | 'tolerated';

/** Worst first, as the sweep ranks them; the legend lists them in this order. */
export const HEAT_LEVELS: readonly HeatLevel[] = [...BLAST_ORDER, 'tolerated'];

/** Words and a one-letter code per level, so no cell relies on colour alone. */
export const HEAT_WORDS: Record<HeatLevel, { code: string; words: string }> = {
  quorumLost: { code: 'Q', words: 'quorum lost' },
  dataLost: { code: 'L', words: 'data lost' },
  dataUnavailable: { code: 'U', words: 'data unavailable' },
  capacityShort: { code: 'C', words: 'capacity short' },
  apiUnreachable: { code: 'A', words: 'API unreachable' },
  powerOverCapacity: { code: 'P', words: 'power over capacity' },
  tolerated: { code: '✓', words: 'tolerated' },
};

export interface RackCell {
  rackId: string;
  name: string;
  /** Worst blast flag of any single failure inside the rack (losing the rack itself included). */
  level: HeatLevel;
  /** The scenario behind `level`: the rack-local single failure of highest severity (the rack itself on a tie). */
  worstId: string;
  /** Single failures inside the rack (the rack, its switches, feeds, nodes and disks) that made anything worse. */
  badSingles: number;
  singles: number;
}

export interface HeatRow {
  rowId: string;
  label: string;
  cells: RackCell[];
}

/**
 * Groups a sweep's rows by rack, laid out as the floor is: one heat-map row per plan row, its
 * racks in plan order. Each cell carries the worst single failure inside the rack (by the sweep's
 * severity: blast flags, then nodes down, so losing the whole rack wins a tie) and how many of
 * the single failures inside it made anything worse. Pair scenarios (N-2) are not counted.
 */
export function rackHeat(plan: Plan, rows: readonly SweepRow[]): HeatRow[] {
  const rackOfNode = new Map(plan.nodes.map((n) => [n.id, n.rackId]));
  const cells = new Map<string, RackCell>(
    plan.racks.map((r) => [r.id, { rackId: r.id, name: r.name, level: 'tolerated', worstId: `rack:${r.id}`, badSingles: 0, singles: 0 }]),
  );
  const worstSeverity = new Map<string, number>();
  for (const row of rows) {
    if (row.id.includes(' + ')) continue;
    const { kind, rackId } = rackOfScenario(row.id, rackOfNode);
    const cell = rackId === undefined ? undefined : cells.get(rackId);
    if (!cell) continue;
    const worst = BLAST_ORDER.find((k) => row.blast[k]);
    cell.singles++;
    if (worst) cell.badSingles++;
    const best = worstSeverity.get(cell.rackId) ?? -1;
    if (row.severity > best || (row.severity === best && kind === 'rack')) {
      worstSeverity.set(cell.rackId, row.severity);
      cell.level = worst ?? 'tolerated';
      cell.worstId = row.id;
    }
  }
  const multiSite = plan.sites.length > 1;
  return plan.rows
    .map((r) => {
      const room = plan.rooms.find((x) => x.id === r.roomId);
      const site = plan.sites.find((s) => s.id === room?.siteId);
      return {
        rowId: r.id,
        label: multiSite && site ? `${site.name} / ${r.name}` : r.name,
        cells: plan.racks.filter((k) => k.rowId === r.id).map((k) => cells.get(k.id) as RackCell),
      };
    })
    .filter((r) => r.cells.length > 0);
}

/**
 * The rack a single-component scenario id sits in (`rack:R`, `tor:R/A`, `feed:R/B`, `node:N`,
 * `disk:N/0`, as `componentId` writes them); rows, rooms, sites and circuits span racks: none.
 */
export function rackOfScenario(id: string, rackOfNode: ReadonlyMap<string, string>): { kind: string; rackId: string | undefined } {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  const head = rest.includes('/') ? rest.slice(0, rest.lastIndexOf('/')) : rest;
  if (kind === 'rack') return { kind, rackId: rest };
  if (kind === 'tor' || kind === 'feed') return { kind, rackId: head };
  if (kind === 'node') return { kind, rackId: rackOfNode.get(rest) };
  if (kind === 'disk') return { kind, rackId: rackOfNode.get(head) };
  return { kind, rackId: undefined };
}

/**
 * Fill per level: viridis (perceptually even and readable with the common colour-vision
 * deficiencies) from dark purple for the worst to yellow for the mildest; null for tolerated,
 * which takes the theme's neutral slot colour so it recedes on a light and a dark page alike.
 */
export function heatFill(level: HeatLevel): string | null {
  if (level === 'tolerated') return null;
  const k = BLAST_ORDER.indexOf(level);
  return interpolateViridis(0.05 + (0.9 * k) / (BLAST_ORDER.length - 1));
}

/** Black or white text, whichever reads on the fill (CIELAB lightness above or below 55). */
export function inkOn(fill: string): string {
  return lab(fill).l > 55 ? '#111827' : '#ffffff';
}

export interface HeatLayout {
  width: number;
  height: number;
  cellW: number;
  cellH: number;
  /** Height of the row label above each row of cells. */
  labelH: number;
  x: (i: number) => number;
  /** Top of row j's cells (its label sits just above). */
  y: (rowIndex: number) => number;
}

/**
 * Band layout: rows down, racks across, at most `maxCellW` px a cell and at least 18, each row's
 * name on a line above its cells (so a long site / room / row name never squeezes the cells).
 */
export function heatLayout(rows: readonly HeatRow[], widthPx: number, maxCellW = 84): HeatLayout {
  const racks = Math.max(1, ...rows.map((r) => r.cells.length));
  const inner = Math.max(racks * 18, Math.min(widthPx - 2, racks * maxCellW));
  const xs = scaleBand<number>()
    .domain(Array.from({ length: racks }, (_, i) => i))
    .range([1, 1 + inner])
    .paddingInner(0.08);
  const cellH = 44;
  const labelH = 18;
  const rowH = labelH + cellH + 8;
  return {
    width: inner + 2,
    height: rows.length * rowH,
    cellW: xs.bandwidth(),
    cellH,
    labelH,
    x: (i) => xs(i) ?? 0,
    y: (j) => j * rowH + labelH,
  };
}
