import { DEFAULTS } from '../../plan/defaults';
import { roomSchema, rowSchema, siteSchema, type Plan, type Room, type Row, type Site } from '../../plan/schema';
import { done, refuse, type ActionResult } from '../action';
import { cascadeNote, pruneOrphans } from '../cascade';
import { freshId, planIds } from '../naming';
import { checkPart } from '../schemaCheck';

/** The three levels above racks; each is a flat list in the plan pointing at its parent. */
export type LocationKind = 'site' | 'room' | 'row';

const LIST = { site: 'sites', room: 'rooms', row: 'rows' } as const;
const PARENT = { site: null, room: 'siteId', row: 'roomId' } as const;
const SCHEMA = { site: siteSchema, room: roomSchema, row: rowSchema } as const;
type Location = Site | Room | Row;

function list(plan: Plan, kind: LocationKind): readonly Location[] {
  return plan[LIST[kind]];
}

function withList(plan: Plan, kind: LocationKind, items: Location[]): Plan {
  return { ...plan, [LIST[kind]]: items } as Plan;
}

function parentOf(item: Location, kind: LocationKind): string | null {
  const key = PARENT[kind];
  return key ? (item as unknown as Record<string, string>)[key] : null;
}

/** Adds a site. */
export function addSite(plan: Plan): ActionResult {
  const n = plan.sites.length + 1;
  const site: Site = { id: freshId(`site-${n}`, planIds(plan)), name: `Site ${n}`, kind: 'datacenter', wanGbps: DEFAULTS.network.siteUplinkGbps };
  return done({ ...plan, sites: [...plan.sites, site] }, `Add site ${site.name}`);
}

/** Adds a room to a site. */
export function addRoom(plan: Plan, args: { siteId: string }): ActionResult {
  const site = plan.sites.find((s) => s.id === args.siteId);
  if (!site) return refuse(`no site "${args.siteId}"`);
  const n = plan.rooms.filter((r) => r.siteId === site.id).length + 1;
  const room: Room = { id: freshId(`${site.id}-room-${n}`, planIds(plan)), name: `Room ${n}`, siteId: site.id, coreGbps: DEFAULTS.network.roomUplinkGbps };
  return done({ ...plan, rooms: [...plan.rooms, room] }, `Add room ${room.name} to ${site.name}`);
}

/** Adds a row to a room. */
export function addRow(plan: Plan, args: { roomId: string }): ActionResult {
  const room = plan.rooms.find((r) => r.id === args.roomId);
  if (!room) return refuse(`no room "${args.roomId}"`);
  const n = plan.rows.filter((r) => r.roomId === room.id).length + 1;
  const row: Row = { id: freshId(`${room.id}-row-${n}`, planIds(plan)), name: `Row ${n}`, roomId: room.id, spineGbps: DEFAULTS.network.rowUplinkGbps };
  return done({ ...plan, rows: [...plan.rows, row] }, `Add row ${row.name} to ${room.name}`);
}

/** Changes a site's, room's or row's fields (name, uplink capacity, parent). */
export function updateLocation(plan: Plan, args: { kind: LocationKind; id: string; patch: Record<string, unknown> }): ActionResult {
  const items = list(plan, args.kind);
  const index = items.findIndex((x) => x.id === args.id);
  if (index < 0) return refuse(`no ${args.kind} "${args.id}"`);
  if ('id' in args.patch) return refuse(`${LIST[args.kind]}[${index}].id: ids cannot be changed here`);
  const checked = checkPart(SCHEMA[args.kind], { ...items[index], ...args.patch }, `${LIST[args.kind]}[${index}]`);
  if ('problem' in checked) return refuse(checked.problem);
  const item = checked.value as Location;
  const parentKind = args.kind === 'room' ? 'site' : args.kind === 'row' ? 'room' : null;
  const parent = parentOf(item, args.kind);
  if (parentKind && parent !== null && !list(plan, parentKind).some((p) => p.id === parent)) {
    return refuse(`${LIST[args.kind]}[${index}].${PARENT[args.kind]}: names no ${parentKind}, got "${parent}"`);
  }
  const next = items.slice() as Location[];
  next[index] = item;
  return done(withList(plan, args.kind, next), `Change ${Object.keys(args.patch).join(', ')} of ${args.kind} ${items[index].name}`);
}

/**
 * Removes a site, room or row with everything in it. A plan keeps at least one site, room and
 * row (the schema's minimum), so removing the last one is refused.
 */
export function removeLocation(plan: Plan, args: { kind: LocationKind; id: string }): ActionResult {
  const items = list(plan, args.kind);
  const item = items.find((x) => x.id === args.id);
  if (!item) return refuse(`no ${args.kind} "${args.id}"`);
  const pruned = pruneOrphans(
    withList(
      plan,
      args.kind,
      items.filter((x) => x !== item),
    ),
  );
  for (const kind of ['site', 'room', 'row'] as const) {
    if (list(pruned.plan, kind).length === 0) return refuse(`${item.name}: a plan needs at least one ${kind}, and this is the last`);
  }
  return done(pruned.plan, `Remove ${args.kind} ${item.name}${cascadeNote(pruned.racks, pruned.nodes)}`);
}

/** Moves a site, room or row one place up (`-1`) or down (`+1`) among its siblings. */
export function reorderLocation(plan: Plan, args: { kind: LocationKind; id: string; delta: -1 | 1 }): ActionResult {
  const items = list(plan, args.kind);
  const index = items.findIndex((x) => x.id === args.id);
  if (index < 0) return refuse(`no ${args.kind} "${args.id}"`);
  const parent = parentOf(items[index], args.kind);
  let other = index + args.delta;
  while (other >= 0 && other < items.length && parentOf(items[other], args.kind) !== parent) other += args.delta;
  if (other < 0 || other >= items.length) return refuse(`${items[index].name} is already ${args.delta < 0 ? 'first' : 'last'}`);
  const next = items.slice() as Location[];
  [next[index], next[other]] = [next[other], next[index]];
  return done(withList(plan, args.kind, next), `Move ${args.kind} ${items[index].name} ${args.delta < 0 ? 'up' : 'down'}`);
}
