/**
 * The commit-latency model by seeded Monte Carlo: the sampler Rackplan used before the exact
 * numerical method (`src/models/controlPlane/commitLatency.ts`), kept as its independent check.
 * Sample s takes leader L = s mod n (each leader gets an equal share) and draws every member's
 * fsync from its lognormal (never below its IOPS floor) and a lognormal jitter for the n − 1 RTTs
 * from L and for the origin's path; o = ⌊s / n⌋ mod n is the origin when writes are spread. The
 * equations are those of `commitLatency`'s doc comment. All draws are made in a fixed order
 * whatever the values, so one seed couples runs.
 */
import type { CommitLatencyInput } from '../../../src/models/controlPlane/commitLatency';
import { quorumSize } from '../../../src/models/controlPlane/quorum';
import { summarise, type Distribution } from '../../../src/models/stats/quantile';
import { seededRandom } from '../../../src/models/stats/random';

export interface SampledInput extends CommitLatencyInput {
  seed: number;
  samples: number;
}

export interface SampledLatency {
  /** Per leader (member order): the samples drawn with that leader, and their summaries. */
  byLeader: { commitMs: Distribution & { sorted: Float64Array }; writeMs: Distribution & { sorted: Float64Array } }[];
  anyLeaderWriteMs: Distribution & { sorted: Float64Array };
  samples: number;
}

/** The summary of `values` with the values themselves, sorted (summarise sorts in place). */
const sortedSummary = (values: Float64Array) => ({ ...summarise(values), sorted: values });

const at = (a: ArrayLike<number> | undefined, i: number) => (a ? a[i] : 0);

export function sampleCommitLatency(input: SampledInput): SampledLatency {
  const n = input.names.length;
  const q = quorumSize(n);
  const k = q - 1;
  const S = Math.max(n, Math.floor(input.samples));
  const perLeader = Math.ceil(S / n);
  const rng = seededRandom(input.seed);
  const clientRtt = input.clientRttMs ?? 0;
  const toLeader = input.origin === 'leader';
  const commit = Array.from({ length: n }, () => new Float64Array(perLeader));
  const write = Array.from({ length: n }, () => new Float64Array(perLeader));
  const filled = new Int32Array(n);
  const anyLeader = new Float64Array(S);
  // Local typed copies keep the hot loop monomorphic whatever array type the caller passed.
  const median = Float64Array.from(input.fsyncMedianMs);
  const sigma = Float64Array.from(input.fsyncSigma);
  const floor = Float64Array.from({ length: n }, (_, i) => at(input.fsyncFloorMs, i));
  const cpu = Float64Array.from({ length: n }, (_, i) => at(input.leaderCpuMs, i));
  const msg = Float64Array.from({ length: n }, (_, i) => at(input.messageMs, i));
  const rttClass = Float64Array.from(input.rttMs);
  const jitter = input.rttJitterSigma;
  const fixedMs = clientRtt + input.applyMs;
  const fsync = new Float64Array(n);
  const followers = new Float64Array(Math.max(1, n - 1));
  for (let s = 0; s < S; s++) {
    const L = s % n;
    for (let i = 0; i < n; i++) fsync[i] = Math.max(floor[i], median[i] * Math.exp(sigma[i] * rng.normal()));
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (j === L) continue;
      followers[m++] = rttClass[L * n + j] * Math.exp(jitter * rng.normal()) + 2 * (msg[L] + msg[j]) + fsync[j];
    }
    const originJitter = Math.exp(jitter * rng.normal());
    const o = toLeader ? L : Math.floor(s / n) % n;
    const c = cpu[L] + (k === 0 ? fsync[L] : Math.max(fsync[L], kthSmallest(followers, m, k)));
    const w = c + (o === L ? 0 : rttClass[o * n + L] * originJitter + 2 * (msg[o] + msg[L])) + fixedMs;
    commit[L][filled[L]] = c;
    write[L][filled[L]++] = w;
    anyLeader[s] = w;
  }
  return {
    byLeader: commit.map((c, L) => ({ commitMs: sortedSummary(c.slice(0, filled[L])), writeMs: sortedSummary(write[L].slice(0, filled[L])) })),
    anyLeaderWriteMs: sortedSummary(anyLeader),
    samples: S,
  };
}

/** The k-th smallest (1-based) of the first m values: k passes of selection, O(k·m), k ≤ 3 for 7 members. */
function kthSmallest(values: Float64Array, m: number, k: number): number {
  for (let i = 0; i < k; i++) {
    let min = i;
    for (let j = i + 1; j < m; j++) if (values[j] < values[min]) min = j;
    const t = values[i];
    values[i] = values[min];
    values[min] = t;
  }
  return values[k - 1];
}
