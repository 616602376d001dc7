import type { Hardware, Plan, PlanNode, Rack, Room, Row, Site } from '../plan/schema';

/** Where a node sits, resolved once so models need not search the plan. */
export interface NodePlace {
  node: PlanNode;
  index: number;
  hardware: Hardware;
  rack: Rack;
  row: Row;
  room: Room;
  site: Site;
}

/** Lookups over a valid plan. Built once per plan object and cached, since every model needs them. */
export interface Topology {
  plan: Plan;
  places: NodePlace[];
  placeById: ReadonlyMap<string, NodePlace>;
  hardwareById: Map<string, Hardware>;
  rackById: Map<string, Rack>;
  rowById: Map<string, Row>;
  roomById: Map<string, Room>;
  siteById: Map<string, Site>;
  nodesByRack: Map<string, NodePlace[]>;
}

const cache = new WeakMap<Plan, Topology>();

/** A rack resolved up to its site, with its node list. */
interface RackPath {
  rack: Rack;
  row: Row;
  room: Room;
  site: Site;
  list: NodePlace[] | undefined;
}

/** Indexes a plan that passed `validatePlan` (dangling references would have been rejected there). */
export function topologyOf(plan: Plan): Topology {
  const hit = cache.get(plan);
  if (hit) return hit;
  const hardwareById = byId(plan.hardware);
  const rackById = byId(plan.racks);
  const rowById = byId(plan.rows);
  const roomById = byId(plan.rooms);
  const siteById = byId(plan.sites);
  const nodesByRack = new Map<string, NodePlace[]>();
  for (const r of plan.racks) nodesByRack.set(r.id, []);
  const nodes = plan.nodes;
  const places: NodePlace[] = [];
  const placeById = new Map<string, NodePlace>();
  // A rack's row, room, site and node list are resolved once per rack and found with one lookup
  // per node (a generated plan interleaves its racks, so runs of one rack cannot be relied on).
  const byRack = new Map<string, RackPath>();
  // Hardware profiles do come in runs (a plan has a few, nodes are listed role by role).
  let hardwareId: string | undefined;
  let hardware: Hardware | undefined;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    let path = byRack.get(node.rackId);
    if (path === undefined) {
      const rack = must(rackById.get(node.rackId), node.rackId);
      const row = must(rowById.get(rack.rowId), rack.rowId);
      const room = must(roomById.get(row.roomId), row.roomId);
      const site = must(siteById.get(room.siteId), room.siteId);
      byRack.set(node.rackId, (path = { rack, row, room, site, list: nodesByRack.get(rack.id) }));
    }
    if (node.hardwareId !== hardwareId || hardware === undefined) {
      hardwareId = node.hardwareId;
      hardware = must(hardwareById.get(hardwareId), hardwareId);
    }
    const place: NodePlace = { node, index, hardware, rack: path.rack, row: path.row, room: path.room, site: path.site };
    path.list?.push(place);
    places.push(place);
    placeById.set(node.id, place);
  }
  const topology: Topology = {
    plan,
    places,
    placeById,
    hardwareById,
    rackById,
    rowById,
    roomById,
    siteById,
    nodesByRack,
  };
  cache.set(plan, topology);
  return topology;
}

/**
 * The topology of `extended`, a copy of `base` with nodes appended and nothing else changed (as
 * storage rebalancing builds), from `base`'s topology: only the new nodes are resolved, so asking
 * "what if one more node" of a 5,000-node plan does not re-index the other 5,000. Cached for
 * `extended` as `topologyOf` would be.
 */
export function topologyWithAppendedNodes(base: Plan, extended: Plan): Topology {
  const hit = cache.get(extended);
  if (hit) return hit;
  const from = topologyOf(base);
  const places = from.places.slice();
  const added = new Map<string, NodePlace>();
  // Racks keep their lists, except those that get a node, which get a copy.
  const nodesByRack = new Map(from.nodesByRack);
  for (let index = base.nodes.length; index < extended.nodes.length; index++) {
    const node = extended.nodes[index];
    const rack = must(from.rackById.get(node.rackId), node.rackId);
    const row = must(from.rowById.get(rack.rowId), rack.rowId);
    const room = must(from.roomById.get(row.roomId), row.roomId);
    const site = must(from.siteById.get(room.siteId), room.siteId);
    const place = { node, index, hardware: must(from.hardwareById.get(node.hardwareId), node.hardwareId), rack, row, room, site };
    const list = nodesByRack.get(rack.id);
    if (list) nodesByRack.set(rack.id, [...list, place]);
    places.push(place);
    added.set(node.id, place);
  }
  const topology: Topology = { ...from, plan: extended, places, placeById: new OverlayMap(from.placeById, added), nodesByRack };
  cache.set(extended, topology);
  return topology;
}

/**
 * A read-only map of `base`'s entries plus `added`'s (which win), without copying `base`: the
 * topology of a plan with a node appended looks its 5,000 other nodes up in the original's map.
 */
class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly added: ReadonlyMap<K, V>,
  ) {}

  get size(): number {
    let size = this.base.size;
    for (const k of this.added.keys()) if (!this.base.has(k)) size++;
    return size;
  }

  get(key: K): V | undefined {
    return this.added.has(key) ? this.added.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.added.has(key) || this.base.has(key);
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this) fn(v, k, this);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) yield [k, this.added.has(k) ? this.added.get(k)! : v];
    for (const [k, v] of this.added) if (!this.base.has(k)) yield [k, v];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** Items by id, built without a pair array per item. */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}

function must<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`plan references unknown id "${id}"; validate the plan first`);
  return value;
}
