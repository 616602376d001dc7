import type { Chain } from './markov';

export interface ReplicaGroupSpec {
  /** Shards of the group (replicas, or k + m chunks). */
  width: number;
  /** Shards needed to read the data (1 for replicas, k for erasure coding). */
  needed: number;
  /** Failure rate of each shard's disk, per hour. */
  failuresPerHour: number;
  /** Rate at which one missing shard is re-created, per hour (1 / mean rebuild hours). */
  repairsPerHour: number;
  /** parallel: every missing shard is rebuilt at once (rate i·μ with i missing); serial: one at a time (μ). */
  repair: 'parallel' | 'serial';
}

/**
 * The birth–death chain of one replica group: state i = shards missing, i = 0 … width − needed
 * alive, plus one absorbing state (data lost). Failures i → i+1 at (width − i)·λ; repairs
 * i → i−1 at i·μ (parallel) or μ (serial). The classic repairable k-out-of-n chain
 * (Trivedi, "Probability and Statistics with Reliability, Queuing, and Computer Science
 * Applications", 2nd ed., ch. 8); for two replicas its mean time to loss is (3λ + μ) / (2λ²).
 */
export function replicaGroupChain(spec: ReplicaGroupSpec): Chain {
  const lossAt = spec.width - spec.needed + 1;
  const n = lossAt + 1;
  const q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < lossAt; i++) {
    q[i][i + 1] = (spec.width - i) * spec.failuresPerHour;
    if (i > 0) q[i][i - 1] = spec.repair === 'parallel' ? i * spec.repairsPerHour : spec.repairsPerHour;
  }
  return { q, bad: Array.from({ length: n }, (_, i) => i === lossAt) };
}
