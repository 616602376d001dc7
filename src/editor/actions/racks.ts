import { DEFAULTS } from '../../plan/defaults';
import { rackSchema, type Plan, type Rack } from '../../plan/schema';
import { topFreeU } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';
import { cascadeNote, pruneOrphans } from '../cascade';
import { planIds, rackNameInRow } from '../naming';
import { checkPart } from '../schemaCheck';
import { fitToRack } from './nodes';

/**
 * Adds an empty rack at the end of a row, named after the row's pattern (R1, R2 → R3; see
 * rackNameInRow) and built like the row's last rack (or the plan's last, or a 42 U rack with two
 * 8.6 kW feeds and two ToR switches).
 */
export function addRack(plan: Plan, args: { rowId: string }): ActionResult {
  const row = plan.rows.find((r) => r.id === args.rowId);
  if (!row) return refuse(`no row "${args.rowId}"`);
  const template = plan.racks.findLast((r) => r.rowId === row.id) ?? plan.racks.at(-1);
  const inRow = plan.racks.filter((r) => r.rowId === row.id).map((r) => r.name);
  const { id, name } = rackNameInRow(
    inRow,
    plan.racks.map((r) => r.name),
    planIds(plan),
  );
  const rack: Rack = {
    id,
    name,
    rowId: row.id,
    heightU: template?.heightU ?? 42,
    feeds: template
      ? template.feeds.map((f) => ({ ...f }))
      : [
          { id: 'A', capacityW: 8600 },
          { id: 'B', capacityW: 8600 },
        ],
    tor: template
      ? { ...template.tor }
      : { count: 2, ports: DEFAULTS.tor.ports, portGbps: DEFAULTS.tor.portGbps, uplinkGbps: DEFAULTS.tor.uplinkGbps, heightU: 1, powerW: DEFAULTS.tor.powerW },
  };
  // Insert after the row's last rack so the flat list keeps racks of a row together.
  const at = template && template.rowId === row.id ? plan.racks.indexOf(template) + 1 : plan.racks.length;
  const racks = [...plan.racks.slice(0, at), rack, ...plan.racks.slice(at)];
  return done({ ...plan, racks }, `Add rack ${rack.name} to ${row.name}`);
}

/** Removes a rack with every node in it. */
export function removeRack(plan: Plan, args: { id: string }): ActionResult {
  const rack = plan.racks.find((r) => r.id === args.id);
  if (!rack) return refuse(`no rack "${args.id}"`);
  const pruned = pruneOrphans({ ...plan, racks: plan.racks.filter((r) => r !== rack) });
  return done(pruned.plan, `Remove rack ${rack.name}${cascadeNote(0, pruned.nodes)}`);
}

/**
 * Changes a rack's fields (name, height, feeds, switches, row). Its nodes follow: they lose a
 * feed or switch B the rack no longer has; a rack too short for them is refused.
 */
export function updateRack(plan: Plan, args: { id: string; patch: Partial<Omit<Rack, 'id'>> }): ActionResult {
  const index = plan.racks.findIndex((r) => r.id === args.id);
  if (index < 0) return refuse(`no rack "${args.id}"`);
  const before = plan.racks[index];
  const checked = checkPart(rackSchema, { ...before, ...args.patch }, `racks[${index}]`);
  if ('problem' in checked) return refuse(checked.problem);
  const rack = checked.value;
  if (rack.name !== before.name && plan.racks.some((r) => r !== before && r.name === rack.name)) {
    return refuse(`racks[${index}].name: another rack is already called "${rack.name}"`);
  }
  if (!plan.rows.some((r) => r.id === rack.rowId)) return refuse(`racks[${index}].rowId: names no row, got "${rack.rowId}"`);
  if (rack.feeds.length === 2 && rack.feeds[0].id === rack.feeds[1].id) return refuse(`racks[${index}].feeds[1].id: duplicates feed "${rack.feeds[0].id}"`);
  const top = topFreeU(rack);
  if (top < 1) return refuse(`racks[${index}].tor: switches fill the whole ${rack.heightU} U rack`);
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));
  let nodes = plan.nodes;
  for (const [i, node] of plan.nodes.entries()) {
    if (node.rackId !== rack.id) continue;
    const reach = node.positionU + (hardware.get(node.hardwareId)?.heightU ?? 1) - 1;
    if (reach > top) return refuse(`racks[${index}]: ${node.name} reaches U${reach}, above the top free U${top}`);
    const fitted = fitToRack(node, rack.id, rack);
    if (fitted.feeds.join() !== node.feeds.join() || fitted.tors.join() !== node.tors.join()) {
      if (nodes === plan.nodes) nodes = plan.nodes.slice();
      nodes[i] = fitted;
    }
  }
  const racks = plan.racks.slice();
  racks[index] = rack;
  const what = Object.keys(args.patch).join(', ');
  return done({ ...plan, racks, nodes }, `Change ${what} of rack ${before.name}`);
}

/**
 * Moves a rack to position `index` among the racks of `rowId` (another row, or the same row to
 * reorder). Positions past the end put it last.
 */
export function moveRack(plan: Plan, args: { id: string; rowId: string; index: number }): ActionResult {
  const rack = plan.racks.find((r) => r.id === args.id);
  if (!rack) return refuse(`no rack "${args.id}"`);
  const row = plan.rows.find((r) => r.id === args.rowId);
  if (!row) return refuse(`no row "${args.rowId}"`);
  const rest = plan.racks.filter((r) => r !== rack);
  const inRow = rest.filter((r) => r.rowId === row.id);
  const moved = rack.rowId === row.id ? rack : { ...rack, rowId: row.id };
  const anchor = inRow[Math.max(0, args.index)];
  const last = inRow.at(-1);
  const at = anchor ? rest.indexOf(anchor) : last ? rest.indexOf(last) + 1 : rest.length;
  const racks = [...rest.slice(0, at), moved, ...rest.slice(at)];
  if (racks.every((r, i) => r === plan.racks[i])) return refuse(`${rack.name} is already there`);
  return done({ ...plan, racks }, rack.rowId === row.id ? `Reorder rack ${rack.name}` : `Move rack ${rack.name} to ${row.name}`);
}
