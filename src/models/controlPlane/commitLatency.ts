import type { Distribution } from '../stats/quantile';
import { lognormalCdf } from './normal';
import { quorumSize } from './quorum';
import { summariseBySelection } from './selectSummary';
import { seededRandom } from '../stats/random';

/** What the commit-latency model needs: plain numbers, so tests can hand-build it. */
export interface CommitLatencyInput {
  names: readonly string[];
  /** Per member: fsync lognormal median (ms) and log-space sigma. */
  fsyncMedianMs: ArrayLike<number>;
  fsyncSigma: ArrayLike<number>;
  /** n x n RTT matrix between members, ms (row-major). */
  rttMs: ArrayLike<number>;
  /** bbolt apply per request, ms. */
  applyMs: number;
  /** Log-space sigma of the multiplicative jitter on each RTT (0: none). */
  rttJitterSigma: number;
  /** RTT between a client and the member it talks to, ms: 0 for kube-apiserver, which talks to its local etcd. */
  clientRttMs?: number;
  seed: number;
  samples: number;
}

export interface LeaderLatency {
  leader: string;
  /** Raft commit time with this leader, ms: max(leader fsync, (q−1)-th fastest follower RTT + fsync). */
  commitMs: Distribution;
  /** What a client sees: commit + forwarding by a follower + apply, ms; clients spread evenly over members. */
  writeMs: Distribution;
  /** Exact E[commit] with RTTs at their class values (no jitter), ms; see `expectedCommitMs`. */
  expectedCommitMs: number;
  /** Exact E[write] with no jitter, ms. */
  expectedWriteMs: number;
}

export interface CommitLatency {
  members: number;
  quorum: number;
  byLeader: LeaderLatency[];
  /** Leaders with the lowest and highest write p99. */
  best: LeaderLatency;
  worst: LeaderLatency;
  /** Write latency with the leader equally likely to be any member, ms. */
  anyLeaderWriteMs: Distribution;
  samples: number;
}

/**
 * Distribution of an etcd write's latency, by Monte Carlo (seeded), for each choice of leader.
 *
 * Per sample: draw every member's fsync from its lognormal and a lognormal jitter for every RTT.
 * For leader L (etcd-io/raft README; Raft thesis §10.2.1: the leader fsyncs its WAL in parallel
 * with replicating): commit = max(fsync_L, k-th smallest over followers j of (RTT_Lj + fsync_j)),
 * with k = q − 1 (the leader counts toward the quorum; k = 0 means the leader alone).
 * The write a client sees adds its path: kube-apiserver talks to its local member; a follower
 * forwards the proposal to the leader and learns the commit one RTT later, so + RTT_oL for an
 * origin o ≠ L (origins spread evenly, o = sample mod n), + the client's own RTT, + apply
 * (bbolt, "tens of microseconds", etcd op-guide/performance).
 *
 * All draws are made in a fixed order whatever the values, so one seed couples runs: raising any
 * RTT or fsync median raises every sample, never lowers a quantile. Cost: samples x (n + n(n−1)/2)
 * draws, then n leaders x n followers per sample.
 */
export function commitLatency(input: CommitLatencyInput): CommitLatency {
  const n = input.names.length;
  const q = quorumSize(n);
  const k = q - 1;
  const S = Math.max(1, Math.floor(input.samples));
  const rng = seededRandom(input.seed);
  const clientRtt = input.clientRttMs ?? 0;
  const commit = Array.from({ length: n }, () => new Float64Array(S));
  const write = Array.from({ length: n }, () => new Float64Array(S));
  // Leader equally likely to be any member: sample s takes leader ⌊s / n⌋ mod n, so every (origin, leader) pair recurs every n² samples.
  const anyLeader = new Float64Array(S);
  // Local typed copies keep the hot loop monomorphic whatever array type the caller passed.
  const median = Float64Array.from(input.fsyncMedianMs);
  const sigma = Float64Array.from(input.fsyncSigma);
  const rttClass = Float64Array.from(input.rttMs);
  const jitter = input.rttJitterSigma;
  const fixedMs = clientRtt + input.applyMs;
  const fsync = new Float64Array(n);
  const rtt = new Float64Array(n * n);
  const followers = new Float64Array(Math.max(1, n - 1));
  for (let s = 0; s < S; s++) {
    for (let i = 0; i < n; i++) fsync[i] = median[i] * Math.exp(sigma[i] * rng.normal());
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = rttClass[i * n + j] * Math.exp(jitter * rng.normal());
        rtt[i * n + j] = v;
        rtt[j * n + i] = v;
      }
    }
    const origin = s % n;
    const randomLeader = Math.floor(s / n) % n;
    for (let L = 0; L < n; L++) {
      let m = 0;
      for (let j = 0; j < n; j++) if (j !== L) followers[m++] = rtt[L * n + j] + fsync[j];
      const c = k === 0 ? fsync[L] : Math.max(fsync[L], kthSmallest(followers, m, k));
      const w = c + (origin === L ? 0 : rtt[origin * n + L]) + fixedMs;
      commit[L][s] = c;
      write[L][s] = w;
      if (L === randomLeader) anyLeader[s] = w;
    }
  }
  const byLeader = input.names.map((name, L): LeaderLatency => {
    const expected = expectedCommitMs(input, L);
    let forward = 0;
    for (let o = 0; o < n; o++) if (o !== L) forward += input.rttMs[o * n + L];
    return {
      leader: name,
      commitMs: summariseBySelection(commit[L]),
      writeMs: summariseBySelection(write[L]),
      expectedCommitMs: expected,
      expectedWriteMs: expected + forward / n + clientRtt + input.applyMs,
    };
  });
  const order = [...byLeader].sort((a, b) => a.writeMs.p99 - b.writeMs.p99 || a.writeMs.mean - b.writeMs.mean);
  return {
    members: n, quorum: q, byLeader, best: order[0], worst: order[order.length - 1],
    anyLeaderWriteMs: summariseBySelection(anyLeader), samples: S,
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

/**
 * Exact CDF of the commit time with leader L and RTTs fixed (no jitter), at t ms:
 * P(C ≤ t) = F_L(t) · P(at least k = q − 1 followers have RTT_Lj + fsync_j ≤ t), the second factor
 * a Poisson-binomial tail over the followers' p_j(t) = F_j(t − RTT_Lj), computed by the usual DP.
 */
export function commitCdf(input: CommitLatencyInput, leader: number, t: number): number {
  const n = input.names.length;
  const k = quorumSize(n) - 1;
  const fl = lognormalCdf(t, input.fsyncMedianMs[leader], input.fsyncSigma[leader]);
  if (k === 0) return fl;
  // dist[c] = P(exactly c of the followers seen so far are done by t), capped at k.
  const dist = new Float64Array(k + 1);
  dist[0] = 1;
  for (let j = 0; j < n; j++) {
    if (j === leader) continue;
    const p = lognormalCdf(t - input.rttMs[leader * n + j], input.fsyncMedianMs[j], input.fsyncSigma[j]);
    for (let c = k; c >= 0; c--) {
      const stay = c === k ? dist[c] : dist[c] * (1 - p);
      dist[c] = stay + (c > 0 ? dist[c - 1] * p : 0);
    }
  }
  return fl * dist[k];
}

/**
 * E[commit] for leader L with fixed RTTs, ms, from the exact CDF: E[C] = ∫₀^∞ (1 − P(C ≤ t)) dt,
 * integrated by the trapezoid rule on a log-spaced grid (1,200 points from 1e-6 of the smallest
 * scale to far past the largest tail). With one member it reduces to the lognormal mean
 * median · exp(σ² / 2).
 */
export function expectedCommitMs(input: CommitLatencyInput, leader: number): number {
  const n = input.names.length;
  let lo = Infinity;
  let hi = 0;
  for (let j = 0; j < n; j++) {
    const m = input.fsyncMedianMs[j];
    lo = Math.min(lo, m);
    hi = Math.max(hi, input.rttMs[leader * n + j] + m * Math.exp(9 * input.fsyncSigma[j]));
  }
  const t0 = lo * 1e-6;
  const steps = 1200;
  const ratio = Math.pow((hi * 2) / t0, 1 / steps);
  let sum = t0; // the survival function is ~1 on [0, t0]
  let tPrev = t0;
  let fPrev = 1 - commitCdf(input, leader, t0);
  for (let i = 1; i <= steps; i++) {
    const t = t0 * Math.pow(ratio, i);
    const f = 1 - commitCdf(input, leader, t);
    sum += ((f + fPrev) / 2) * (t - tPrev);
    tPrev = t;
    fPrev = f;
  }
  return sum;
}
