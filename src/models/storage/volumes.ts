import type { Plan } from '../../plan/schema';
import { seededRandom } from '../stats/random';

/** The plan's persistent volumes, as parallel arrays so 20,000 of them stay cheap. */
export interface VolumeSet {
  count: number;
  /** Names of the explicitly listed volumes, which come first; sampled volumes are `pvc-1`, `pvc-2`, … (see `volumeName`). */
  listedNames: string[];
  /** Provisioned size, bytes. */
  sizeBytes: Float64Array;
  /** Data actually written (size × fill), bytes: what a rebuild copies. */
  usedBytes: Float64Array;
  /** Replica count requested by the volume, or 0 for the provider default. */
  replicas: Uint8Array;
  /** True when some volumes were sampled from `workload.volumes.aggregate`. */
  sampled: boolean;
}

/**
 * The volumes of a plan: the explicit `workload.volumes.list`, then `aggregate.count` volumes whose
 * sizes are drawn from a lognormal with the given mean and coefficient of variation (sizeSpread):
 *
 *     σ² = ln(1 + cv²),  median = mean / √(1 + cv²)
 *
 * so the sample mean tends to `meanSizeGB`. Sizes are GB (10^9 B); used = size × fillPct / 100.
 * Drawn with `seededRandom(seed)`: the same plan and seed give the same volumes.
 * Example: mean 200 GB, cv 1.0 → σ = √ln 2 = 0.833, median 141 GB.
 */
export function volumeSet(plan: Plan, seed: number): VolumeSet {
  const list = plan.workload.volumes.list;
  const agg = plan.workload.volumes.aggregate;
  const n = list.length + (agg?.count ?? 0);
  const listedNames: string[] = new Array(list.length);
  const sizeBytes = new Float64Array(n);
  const usedBytes = new Float64Array(n);
  const replicas = new Uint8Array(n);
  list.forEach((v, i) => {
    listedNames[i] = v.name;
    sizeBytes[i] = v.sizeGB * 1e9;
    usedBytes[i] = (sizeBytes[i] * v.fillPct) / 100;
    replicas[i] = v.replicas ?? 0;
  });
  if (agg && agg.count > 0) {
    const random = seededRandom(seed);
    const s2 = Math.log(1 + agg.sizeSpread ** 2);
    const sigma = Math.sqrt(s2);
    const median = agg.meanSizeGB / Math.sqrt(1 + agg.sizeSpread ** 2);
    for (let j = 0; j < agg.count; j++) {
      const i = list.length + j;
      sizeBytes[i] = random.lognormal(median, sigma) * 1e9;
      usedBytes[i] = (sizeBytes[i] * agg.fillPct) / 100;
    }
  }
  return { count: n, listedNames, sizeBytes, usedBytes, replicas, sampled: (agg?.count ?? 0) > 0 };
}

/**
 * The name of volume i (undefined past the last): a sampled volume is named when asked, since
 * only a report's bottleneck ever names one and 20,000 names would be garbage on every evaluate.
 */
export function volumeName(volumes: VolumeSet, i: number): string | undefined {
  if (!(i >= 0 && i < volumes.count && Number.isInteger(i))) return undefined;
  return i < volumes.listedNames.length ? volumes.listedNames[i] : `pvc-${i - volumes.listedNames.length + 1}`;
}

/** Σ used bytes of a volume set. */
export function totalUsedBytes(volumes: VolumeSet): number {
  let sum = 0;
  for (let i = 0; i < volumes.count; i++) sum += volumes.usedBytes[i];
  return sum;
}
