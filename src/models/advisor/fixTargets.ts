import type { RuleInput } from './rule';
import { topologyOf } from '../topology';

/**
 * Racks a fix may put a node of `heightU` into, best first: in a data-center site (cloud and edge
 * capacity is not the planner's to rack), with a free block at least that tall (read from the
 * physical report), not in `exclude`; racks in `preferSiteIds` first (a control plane stays in one
 * data center), then the emptiest, so the fix leaves room to spare.
 */
export function racksWithRoom(
  input: RuleInput,
  heightU: number,
  exclude: ReadonlySet<string>,
  preferSiteIds: ReadonlySet<string> = new Set(),
): { id: string; name: string }[] {
  const topo = topologyOf(input.plan);
  const preferred = (rowId: string) => (preferSiteIds.has(siteOfRow(topo, rowId) ?? '') ? 0 : 1);
  return input.report.physical.racks
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !exclude.has(r.rackId) && r.largestFreeBlockU >= heightU && siteKindOfRow(topo, r.rowId) === 'datacenter')
    .sort((a, b) => preferred(a.r.rowId) - preferred(b.r.rowId) || b.r.largestFreeBlockU - a.r.largestFreeBlockU || a.i - b.i)
    .map(({ r }) => ({ id: r.rackId, name: r.name }));
}

/**
 * Whether any rack could take a node of `heightU` (`racksWithRoom(...).length > 0`), answered at
 * the first such rack: rules that only ask whether the plan can grow need no sorted list.
 */
export function hasRackWithRoom(input: RuleInput, heightU: number): boolean {
  const topo = topologyOf(input.plan);
  for (const r of input.report.physical.racks) if (r.largestFreeBlockU >= heightU && siteKindOfRow(topo, r.rowId) === 'datacenter') return true;
  return false;
}

function siteKindOfRow(topo: ReturnType<typeof topologyOf>, rowId: string): string | undefined {
  const row = topo.rowById.get(rowId);
  const room = row && topo.roomById.get(row.roomId);
  return room ? topo.siteById.get(room.siteId)?.kind : undefined;
}

function siteOfRow(topo: ReturnType<typeof topologyOf>, rowId: string): string | undefined {
  const row = topo.rowById.get(rowId);
  return row ? topo.roomById.get(row.roomId)?.siteId : undefined;
}
