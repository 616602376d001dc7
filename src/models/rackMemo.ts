import type { Rack } from '../plan/schema';
import type { NodePlace, Topology } from './topology';

interface Entry<T> {
  /** The rack's places when the figure was computed: a place's node and hardware never change, so they are the inputs. */
  places: readonly NodePlace[];
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
    const places = topology.nodesByRack.get(rack.id) ?? NO_PLACES;
    const hit = entries.get(rack);
    if (hit && sameInputs(hit, places, extra)) return hit.value;
    const value = compute(rack, places, ...extra);
    // The entry keeps the topology's own list (places are immutable once built) rather than
    // copies of its nodes and hardware: a cold report stores 200 racks per memoised figure.
    entries.set(rack, { places, extra, value });
    return value;
  };
}

const NO_PLACES: readonly NodePlace[] = Object.freeze([]);

function sameInputs<T>(entry: Entry<T>, places: readonly NodePlace[], extra: readonly unknown[]): boolean {
  const before = entry.places;
  if (before.length !== places.length || entry.extra.length !== extra.length) return false;
  for (let i = 0; i < extra.length; i++) if (!Object.is(entry.extra[i], extra[i])) return false;
  // The same list (a second model asking about the same topology) holds the same places.
  if (before === places) return true;
  for (let i = 0; i < places.length; i++) if (before[i].node !== places[i].node || before[i].hardware !== places[i].hardware) return false;
  return true;
}
