import type { Hardware, PlanNode, Rack } from '../plan/schema';
import type { NodePlace, Topology } from './topology';

interface Entry<T> {
  nodes: PlanNode[];
  hardware: Hardware[];
  extra: readonly unknown[];
  value: T;
}

/**
 * A per-rack figure remembered across plans. Plans are immutable and an edit copies only the
 * objects it changes, so a rack whose object, nodes (in order), their hardware profiles and the
 * `extra` inputs the figure reads (compared with `Object.is`) are all the same objects as last
 * time has the same figure: moving one node of a 5,000-node plan recomputes its rack or two,
 * not all 200. One entry per rack object, so memory stays one figure per rack.
 *
 * `compute` must read nothing but the rack, its places' nodes and hardware, and `extra` (the
 * memoised function's arguments after the rack).
 */
export function rackMemo<T, X extends readonly unknown[] = []>(compute: (rack: Rack, places: readonly NodePlace[], ...extra: X) => T) {
  const entries = new WeakMap<Rack, Entry<T>>();
  return (topology: Topology, rack: Rack, ...extra: X): T => {
    const places = topology.nodesByRack.get(rack.id) ?? [];
    const hit = entries.get(rack);
    if (hit && sameInputs(hit, places, extra)) return hit.value;
    const value = compute(rack, places, ...extra);
    entries.set(rack, {
      nodes: places.map((p) => p.node),
      hardware: places.map((p) => p.hardware),
      extra: [...extra],
      value,
    });
    return value;
  };
}

function sameInputs<T>(entry: Entry<T>, places: readonly NodePlace[], extra: readonly unknown[]): boolean {
  if (entry.nodes.length !== places.length || entry.extra.length !== extra.length) return false;
  for (let i = 0; i < places.length; i++) if (entry.nodes[i] !== places[i].node || entry.hardware[i] !== places[i].hardware) return false;
  for (let i = 0; i < extra.length; i++) if (!Object.is(entry.extra[i], extra[i])) return false;
  return true;
}
