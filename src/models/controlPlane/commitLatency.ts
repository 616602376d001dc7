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
  /** Per member: the fastest a WAL commit can be, ms (IOs per commit / IOPS: a throttled volume). 0: no floor. */
  fsyncFloorMs?: ArrayLike<number>;
  /** Per member: CPU time a write spends on the request path of the leader, ms (unbatched at one client). 0: none. */
  leaderCpuMs?: ArrayLike<number>;
  /** Per member: handling of one Raft or forwarding message on that member (send or receive), ms. 0: none. */
  messageMs?: ArrayLike<number>;
  /** n x n RTT matrix between members, ms (row-major). */
  rttMs: ArrayLike<number>;
  /** bbolt apply per request, ms. */
  applyMs: number;
  /** Log-space sigma of the multiplicative jitter on each RTT (0: none). */
  rttJitterSigma: number;
  /** RTT between a client and the member it talks to, ms: 0 for kube-apiserver, which talks to its local etcd. */
  clientRttMs?: number;
  /**
   * Which member a client's write reaches first: `spread` evenly over members (kube-apiserver
   * talks to its local etcd; a benchmark with --target-leader=false), or `leader`.
   */
  origin?: 'spread' | 'leader';
  seed: number;
  samples: number;
}

export interface LeaderLatency {
  leader: string;
  /** Raft commit time with this leader, ms: leader CPU + max(leader fsync, (q−1)-th fastest follower round). */
  commitMs: Distribution;
  /** What a client sees: commit + forwarding by a follower + client RTT + apply, ms. */
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
  /** Samples drawn in all; each leader gets an equal share. */
  samples: number;
}

const at = (a: ArrayLike<number> | undefined, i: number) => (a ? a[i] : 0);

/**
 * Distribution of an etcd write's latency, by Monte Carlo (seeded), for each choice of leader.
 *
 * Sample s takes leader L = s mod n (each leader gets an equal share of the samples) and draws
 * every member's fsync from its lognormal (never below its IOPS floor) and a lognormal jitter for
 * the n − 1 RTTs from L and for the origin's path. Then (etcd-io/raft README; Raft thesis §10.2.1:
 * the leader fsyncs its WAL in parallel with replicating):
 *
 *   hop_j  = RTT_Lj + 2 (m_L + m_j)             append out and ack back, each sent and received
 *   commit = cpu_L + max(fsync_L, k-th smallest over followers j of (hop_j + fsync_j)),  k = q − 1
 *   write  = commit + [o ≠ L] (RTT_oL + 2 (m_o + m_L)) + client RTT + apply
 *
 * cpu_L is the leader's request-path CPU (gRPC, proposal, apply notify: unbatched at one client),
 * m the per-message handling; o is the member the client reaches (spread evenly, o = ⌊s / n⌋ mod n,
 * so every (origin, leader) pair recurs; or the leader itself). A follower forwards the proposal
 * to the leader and learns the commit one round trip later.
 *
 * All draws are made in a fixed order whatever the values, so one seed couples runs: raising any
 * RTT, fsync median or per-hop cost raises every sample and never lowers a quantile. Cost: 2n
 * draws and O(k n) selection per sample, so linear in members.
 */
export function commitLatency(input: CommitLatencyInput, memo?: CommitLatencyMemo): CommitLatency {
  if (!memo) return sampleCommitLatency(input);
  const key = latencyKey(input);
  const hit = memo.get(key);
  if (hit) return withNames(hit, input.names);
  const result = sampleCommitLatency(input);
  if (memo.size >= 32) memo.delete(memo.keys().next().value!);
  memo.set(key, result);
  return result;
}

function sampleCommitLatency(input: CommitLatencyInput): CommitLatency {
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
  const byLeader = input.names.map((name, L): LeaderLatency => {
    const expected = expectedCommitMs(input, L);
    let forward = 0;
    if (!toLeader) for (let o = 0; o < n; o++) if (o !== L) forward += rttClass[o * n + L] + 2 * (msg[o] + msg[L]);
    return {
      leader: name,
      commitMs: summariseBySelection(commit[L].subarray(0, filled[L])),
      writeMs: summariseBySelection(write[L].subarray(0, filled[L])),
      expectedCommitMs: expected,
      expectedWriteMs: expected + forward / n + clientRtt + input.applyMs,
    };
  });
  const order = [...byLeader].sort((a, b) => a.writeMs.p99 - b.writeMs.p99 || a.writeMs.mean - b.writeMs.mean);
  return {
    members: n,
    quorum: q,
    byLeader,
    best: order[0],
    worst: order[order.length - 1],
    anyLeaderWriteMs: summariseBySelection(anyLeader),
    samples: S,
  };
}

/**
 * Recent `commitLatency` results by the numbers they were drawn from (not the member names), kept
 * by an incremental evaluator across plans: an edit that renames a node or a rack, or changes what
 * the control plane does not sample (workers, storage), asks again with the same numbers and seed
 * and gets the same draws back without re-sampling. The model is a pure function of those
 * numbers, so a memo changes no result. At most 32 entries, oldest dropped first.
 */
export type CommitLatencyMemo = Map<string, CommitLatency>;

function latencyKey(input: CommitLatencyInput): string {
  const list = (a: ArrayLike<number> | undefined) => (a ? Array.from(a).join(',') : '-');
  return [
    input.names.length,
    list(input.fsyncMedianMs),
    list(input.fsyncSigma),
    list(input.fsyncFloorMs),
    list(input.leaderCpuMs),
    list(input.messageMs),
    list(input.rttMs),
    input.applyMs,
    input.rttJitterSigma,
    input.clientRttMs ?? 0,
    input.origin ?? 'spread',
    input.seed,
    input.samples,
  ].join('|');
}

/** A remembered result with the members named as in this input (byLeader follows member order). */
function withNames(r: CommitLatency, names: readonly string[]): CommitLatency {
  if (r.byLeader.every((b, i) => b.leader === names[i])) return r;
  const byLeader = r.byLeader.map((b, i) => ({ ...b, leader: names[i] }));
  return { ...r, byLeader, best: byLeader[r.byLeader.indexOf(r.best)], worst: byLeader[r.byLeader.indexOf(r.worst)] };
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

/** CDF of one member's fsync at t ms: the lognormal, with no mass below the IOPS floor. */
function fsyncCdf(input: CommitLatencyInput, j: number, t: number): number {
  return t < at(input.fsyncFloorMs, j) ? 0 : lognormalCdf(t, input.fsyncMedianMs[j], input.fsyncSigma[j]);
}

/**
 * Exact CDF of the commit time with leader L and RTTs fixed (no jitter), at t ms: with
 * u = t − cpu_L, P(C ≤ t) = F_L(u) · P(at least k = q − 1 followers have hop_j + fsync_j ≤ u),
 * the second factor a Poisson-binomial tail over p_j = F_j(u − hop_j), computed by the usual DP.
 */
export function commitCdf(input: CommitLatencyInput, leader: number, t: number): number {
  const n = input.names.length;
  const k = quorumSize(n) - 1;
  const u = t - at(input.leaderCpuMs, leader);
  const fl = fsyncCdf(input, leader, u);
  if (k === 0 || fl === 0) return fl;
  // dist[c] = P(exactly c of the followers seen so far are done by t), capped at k.
  const dist = new Float64Array(k + 1);
  dist[0] = 1;
  for (let j = 0; j < n; j++) {
    if (j === leader) continue;
    const hop = input.rttMs[leader * n + j] + 2 * (at(input.messageMs, leader) + at(input.messageMs, j));
    const p = fsyncCdf(input, j, u - hop);
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
  const shift = at(input.leaderCpuMs, leader);
  for (let j = 0; j < n; j++) {
    const m = input.fsyncMedianMs[j];
    const hop = j === leader ? 0 : input.rttMs[leader * n + j] + 2 * (at(input.messageMs, leader) + at(input.messageMs, j));
    lo = Math.min(lo, m);
    hi = Math.max(hi, shift + hop + Math.max(at(input.fsyncFloorMs, j), m * Math.exp(9 * input.fsyncSigma[j])));
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
