import type { Plan, PlanNode } from '../../plan';
import { locationOf } from './topologyLabels';

/**
 * A machine-set annotation that records where each node of the set sits and on which hardware,
 * which Omni has no field for: `site/room/row/rack@hardware`, one per node in order, runs of the
 * same written once with `*count` (`dc1/hall-a/row-1/r1@worker-1u*40`). Plan ids never contain
 * `/`, `@`, `*` or spaces, so the format needs no escaping. Omni ignores annotations it does not own.
 */
export const PLACEMENT_ANNOTATION = 'rackplan.io/placement';

export interface Placement {
  site: string;
  room: string;
  row: string;
  rack: string;
  hardwareId: string;
}

export function placementOf(plan: Plan, node: PlanNode): Placement {
  const { row, room } = locationOf(plan, node.rackId);
  return { site: room?.siteId ?? '', room: room?.id ?? '', row: row?.id ?? '', rack: node.rackId, hardwareId: node.hardwareId };
}

export function writePlacement(places: readonly Placement[]): string {
  const runs: [string, number][] = [];
  for (const p of places) {
    const text = `${p.site}/${p.room}/${p.row}/${p.rack}@${p.hardwareId}`;
    const last = runs[runs.length - 1];
    if (last && last[0] === text) last[1]++;
    else runs.push([text, 1]);
  }
  return runs.map(([t, n]) => (n === 1 ? t : `${t}*${n}`)).join(' ');
}

const ID = '[A-Za-z0-9][A-Za-z0-9._-]{0,63}';
const ENTRY = new RegExp(`^(${ID})/(${ID})/(${ID})/(${ID})@(${ID})(?:\\*(\\d{1,5}))?$`);

/** Reads the annotation back; undefined when any entry is malformed. At most `limit` places. */
export function readPlacement(text: string, limit: number): Placement[] | undefined {
  const out: Placement[] = [];
  for (const entry of text.trim().split(/\s+/)) {
    const m = ENTRY.exec(entry);
    if (!m) return undefined;
    const count = m[6] ? Number(m[6]) : 1;
    if (out.length + count > limit) return undefined;
    for (let i = 0; i < count; i++) out.push({ site: m[1], room: m[2], row: m[3], rack: m[4], hardwareId: m[5] });
  }
  return out;
}
