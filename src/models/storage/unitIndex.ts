import type { FailureState } from './failureImpact';
import type { Placement } from './placement';

/**
 * Which units have a shard on each disk, in compressed rows: the units on disk d are
 * `units[start[d] .. start[d + 1])`, ascending. Built once per placement, so a failure visits only
 * the units it touches (a disk of 1,440 carries ~70 of 16,384 PGs) instead of scanning them all.
 */
export interface DiskUnitIndex {
  start: Int32Array;
  units: Int32Array;
  /** Units with some but fewer placed shards than `needed` or `minAvailable`: lost or unavailable without any failure. */
  deficientUnits: Int32Array;
}

const cache = new WeakMap<Placement, DiskUnitIndex>();

/** The disk → units index of a placement (see `DiskUnitIndex`), cached per placement object. */
export function diskUnitIndex(p: Placement): DiskUnitIndex {
  const hit = cache.get(p);
  if (hit) return hit;
  const disks = p.inventory.disks.length;
  const start = new Int32Array(disks + 1);
  const deficient: number[] = [];
  // Locals, not fields of p: V8 reloads a field on every pass of a loop that reads it.
  const { unitCount, unitWidth, shards, width, needed, minAvailable } = p;
  for (let u = 0; u < unitCount; u++) {
    let placed = 0;
    for (let k = u * width, end = k + unitWidth[u]; k < end; k++) {
      const d = shards[k];
      if (d >= 0) {
        start[d + 1]++;
        placed++;
      }
    }
    if (placed > 0 && (placed < needed || placed < minAvailable)) deficient.push(u);
  }
  for (let d = 0; d < disks; d++) start[d + 1] += start[d];
  const fill = start.slice(0, disks);
  const units = new Int32Array(start[disks]);
  for (let u = 0; u < unitCount; u++) {
    for (let k = u * width, end = k + unitWidth[u]; k < end; k++) {
      const d = shards[k];
      if (d >= 0) units[fill[d]++] = u;
    }
  }
  const index = { start, units, deficientUnits: Int32Array.from(deficient) };
  cache.set(p, index);
  return index;
}

const failedUnits = new WeakMap<Uint8Array, { placement: Placement; diskDestroyed: Uint8Array; units: Int32Array }>();

/**
 * The units with a shard on a disk that is down or destroyed, plus `extra` units, ascending and
 * without repeats: the same order a scan over every unit would visit them in, so sums and
 * sampling come out identical. Without extras the list is kept per failure state (its `diskDown`
 * array, which states never change once built), since impact, rebuild, the operator's rebuild
 * and exposure all ask for it; treat it as read-only.
 */
export function unitsOnFailedDisks(p: Placement, state: Pick<FailureState, 'diskDown' | 'diskDestroyed'>, extra?: Int32Array): Int32Array {
  if (extra && extra.length > 0) return listUnitsOnFailedDisks(p, state, extra);
  const hit = failedUnits.get(state.diskDown);
  if (hit && hit.placement === p && hit.diskDestroyed === state.diskDestroyed) return hit.units;
  const units = listUnitsOnFailedDisks(p, state, undefined);
  failedUnits.set(state.diskDown, { placement: p, diskDestroyed: state.diskDestroyed, units });
  return units;
}

function listUnitsOnFailedDisks(p: Placement, state: Pick<FailureState, 'diskDown' | 'diskDestroyed'>, extra: Int32Array | undefined): Int32Array {
  const { start, units } = diskUnitIndex(p);
  const mark = new Uint8Array(p.unitCount);
  let count = 0;
  const { diskDown, diskDestroyed } = state;
  for (let d = 0; d < start.length - 1; d++) {
    if (!diskDown[d] && !diskDestroyed[d]) continue;
    for (let i = start[d]; i < start[d + 1]; i++)
      if (!mark[units[i]]) {
        mark[units[i]] = 1;
        count++;
      }
  }
  if (extra)
    for (const u of extra)
      if (!mark[u]) {
        mark[u] = 1;
        count++;
      }
  const out = new Int32Array(count);
  let j = 0;
  for (let u = 0; u < p.unitCount && j < count; u++) if (mark[u]) out[j++] = u;
  return out;
}
