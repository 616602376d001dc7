import { normalQuadrature, type NormalQuadrature } from '../stats/gaussHermite';
import { normalCdfFast } from './normalCdfFast';
import { quorumSize } from './quorum';

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
}

/** Quantiles and mean of a latency, ms. */
export interface LatencyQuantiles {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export interface LeaderLatency {
  leader: string;
  /** Raft commit time with this leader, ms: leader CPU + max(leader fsync, (q−1)-th fastest follower round). */
  commitMs: LatencyQuantiles;
  /** What a client sees: commit + forwarding by a follower + client RTT + apply, ms. */
  writeMs: LatencyQuantiles;
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
  anyLeaderWriteMs: LatencyQuantiles;
  /** How the figures were found: the exact distribution, integrated numerically (no sampling). */
  method: CommitLatencyMethod;
}

/** The numerical method behind every figure, with its resolution (see `commitLatency`). */
export interface CommitLatencyMethod {
  kind: 'numerical';
  /** Points of each leader's commit CDF grid. */
  gridPoints: number;
  /** Gauss–Hermite nodes per jitter or fsync integral. */
  quadratureNodes: number;
}

const at = (a: ArrayLike<number> | undefined, i: number) => (a ? a[i] : 0);

/** The resolution the report uses: grid points per leader's commit CDF, Gauss–Hermite nodes per integral. */
export const COMMIT_LATENCY_RESOLUTION: Readonly<Omit<CommitLatencyMethod, 'kind'>> = { gridPoints: 128, quadratureNodes: 12 };

/** Standard-normal tail where the ranges stop: P(|Z| > 7) ≈ 2.6e-12. */
const TAIL_Z = 7;
/** z of the 99th percentile: a spread is the 1-99 % range. */
const Z_SPREAD = 2.3263478740408408;
/** Equally likely atoms that stand for a leader's commit time where it is the narrower term of a sum. */
const COMMIT_ATOMS = 64;
/** The most a CDF may rise across one grid cell before the cell is halved. */
const MAX_RISE = 0.01;
/** A quantile of p is the smallest value whose CDF reaches p less this (sums of probabilities round). */
const PROBABILITY_SLACK = 1e-12;
/** Root finding stops when the bracket is this narrow, relative. */
const ROOT_TOLERANCE = 1e-7;

/** One member's WAL fsync: lognormal (median ms, log-space sigma) never below its floor (ms). */
interface Fsync {
  median: number;
  sigma: number;
  floor: number;
}

/**
 * Spreads narrower than this, relative to the value, are taken as none: a fsync with σ below it
 * is fixed at its median, an RTT whose jitter spreads it less is a fixed shift. Moves a figure by
 * at most a few parts per million, and spares the grid a cliff it cannot resolve.
 */
const NEGLIGIBLE = 1e-6;

const fsyncOf = (median: number, sigma: number, floor: number): Fsync => ({ median, sigma: sigma < NEGLIGIBLE ? 0 : sigma, floor });

/** A follower's round for one leader: hop (fixed ms) + rtt · jitter + its fsync. */
interface Round {
  hopMs: number;
  rttMs: number;
  fsync: Fsync;
  /** The RTT jitter spreads the round (else the RTT is a fixed shift and the round keeps the fsync's point masses). */
  jittered: boolean;
  /** True: integrate over the fsync (the narrower term; `atoms` hold its values at the nodes); false: over the RTT jitter. */
  overFsync: boolean;
  atoms: Float64Array;
}

/**
 * The rule over a forwarding hop's jitter in `WriteCdf.approx`, the stand-in that starts the write
 * quantiles' root finding: six nodes put its guess close enough that four or five exact
 * evaluations finish each write quantile on the sample plans (about 25 from the bare bracket).
 */
const COARSE_RULE = normalQuadrature(6);

/** Values a double treats as equal when it places a point mass: sums of the same terms may round apart. */
const SAME = 1e-12;

const fsyncAt = (f: Fsync, z: number) => Math.max(f.floor, f.median * Math.exp(f.sigma * z));

/** P(fsync ≤ x): the lognormal CDF, with no mass below the floor. */
function fsyncCdfOf(f: Fsync, x: number): number {
  if (x < f.floor * (1 - SAME) || x <= 0) return 0;
  if (f.sigma === 0) return x >= Math.max(f.floor, f.median) * (1 - SAME) ? 1 : 0;
  return normalCdfFast(Math.log(x / f.median) / f.sigma);
}

/** Where a fsync has a point mass: a fixed fsync at its value, a floored one at the floor. */
function fsyncPointMasses(f: Fsync): number[] {
  if (f.sigma === 0) return [Math.max(f.floor, f.median)];
  return f.floor > 0 ? [f.floor] : [];
}

/**
 * Distribution of an etcd write's latency for each choice of leader, computed exactly up to
 * numerical integration (no sampling; see `src/models/README.md`, "Control plane").
 *
 * For leader L every member's fsync is lognormal (never below its IOPS floor) and every RTT
 * carries its own lognormal jitter, all independent. Then (etcd-io/raft README; Raft thesis
 * §10.2.1: the leader fsyncs its WAL in parallel with replicating):
 *
 *   hop_j  = RTT_Lj + 2 (m_L + m_j)             append out and ack back, each sent and received
 *   commit = cpu_L + max(fsync_L, k-th smallest over followers j of (hop_j + fsync_j)),  k = q − 1
 *   write  = commit + [o ≠ L] (RTT_oL + 2 (m_o + m_L)) + client RTT + apply
 *
 * cpu_L is the leader's request-path CPU (gRPC, proposal, apply notify: unbatched at one client),
 * m the per-message handling; o is the member the client reaches (spread evenly over members, or
 * the leader itself). A follower forwards the proposal to the leader and learns the commit one
 * round trip later. With V = commit − cpu_L and p_j(v) = P(hop_j + fsync_j ≤ v):
 *
 *   P(V ≤ v) = F_L(v) · P(at least k of the followers have their round ≤ v)
 *
 * the second factor a Poisson-binomial tail over the p_j (a DP over followers, capped at k). Each
 * p_j is a sum of two independent terms, the jittered RTT and the fsync: it is integrated over the
 * narrower of the two (smaller 1-99 % range) with Gauss–Hermite nodes, the other's CDF being
 * smooth on that scale. Point masses of V (a fixed or floored fsync no jitter spreads) are kept
 * apart; the rest of P(V ≤ v) is tabulated on a log-spaced grid between V's 7σ bounds, refined
 * where it rises steeply, and interpolated by a monotone cubic. Commit quantiles: the grid's cell,
 * then root finding on the CDF itself; the mean is ∫ (1 − F) dv (Simpson per cell, point masses
 * exactly). The write adds the forwarding hop mixed over origins:
 * P(W ≤ t) = (1/n) Σ_o P(V + D_o ≤ t − cpu_L − client RTT − apply), each term a Gauss–Hermite
 * integral over the hop's jitter against the tabulated P(V ≤ ·), or, when the hop is the wider
 * term, over 64 equally likely quantiles of V; quantiles by root finding, the mean exactly by
 * linearity. Any leader: the mixture of the leaders' write CDFs. Accuracy and cost: see
 * `src/models/README.md` ("Control plane", "Commit latency").
 *
 * Raising any RTT, fsync median or per-hop cost moves every term's CDF down, so no quantile or
 * mean falls. Cost: O(n² · (grid + quantile steps) · nodes), no allocation in the inner loops.
 */
export function commitLatency(input: CommitLatencyInput, memo?: CommitLatencyMemo): CommitLatency {
  if (!memo) return exactCommitLatency(input, COMMIT_LATENCY_RESOLUTION);
  const key = latencyKey(input);
  const hit = memo.get(key);
  if (hit) return withNames(hit, input.names);
  const result = exactCommitLatency(input, COMMIT_LATENCY_RESOLUTION);
  if (memo.size >= 32) memo.delete(memo.keys().next().value!);
  memo.set(key, result);
  return result;
}

/** `commitLatency` at a chosen resolution (tests compare the default with a finer one). */
export function exactCommitLatency(input: CommitLatencyInput, resolution: Omit<CommitLatencyMethod, 'kind'>): CommitLatency {
  const n = input.names.length;
  const clientRtt = input.clientRttMs ?? 0;
  const toLeader = input.origin === 'leader';
  const msg = (i: number) => at(input.messageMs, i);
  const rtt = (a: number, b: number) => input.rttMs[a * n + b];
  const { leaders, writes, anyLeader } = distributions(input, resolution);
  // Leaders that share a commit distribution share its jitter-free expectation too.
  const expectations = new Map<CommitCdf, number>();
  const byLeader = input.names.map((name, L): LeaderLatency => {
    const c = leaders[L];
    const w = writes[L];
    const cpu = at(input.leaderCpuMs, L);
    let expected = expectations.get(c);
    if (expected === undefined) expectations.set(c, (expected = expectedCommitMs(input, L)));
    let forward = 0;
    if (!toLeader) for (let o = 0; o < n; o++) if (o !== L) forward += rtt(o, L) + 2 * (msg(o) + msg(L));
    return {
      leader: name,
      commitMs: { p50: cpu + c.quantile(0.5), p90: cpu + c.quantile(0.9), p99: cpu + c.quantile(0.99), mean: cpu + c.mean() },
      writeMs: { p50: w.quantile(0.5), p90: w.quantile(0.9), p99: w.quantile(0.99), mean: w.mean() },
      expectedCommitMs: expected,
      expectedWriteMs: expected + forward / n + clientRtt + input.applyMs,
    };
  });
  const order = [...byLeader].sort((a, b) => a.writeMs.p99 - b.writeMs.p99 || a.writeMs.mean - b.writeMs.mean);
  return {
    members: n,
    quorum: quorumSize(n),
    byLeader,
    best: order[0],
    worst: order[order.length - 1],
    anyLeaderWriteMs: {
      p50: anyLeader.quantile(0.5),
      p90: anyLeader.quantile(0.9),
      p99: anyLeader.quantile(0.99),
      mean: byLeader.reduce((s, b) => s + b.writeMs.mean, 0) / n,
    },
    method: { kind: 'numerical', ...resolution },
  };
}

/** The CDFs behind `exactCommitLatency` at a resolution, ms → probability (tests check quantiles against a finer resolution's CDF). */
export function commitLatencyCdfs(input: CommitLatencyInput, resolution: Omit<CommitLatencyMethod, 'kind'>) {
  const { leaders, writes, anyLeader } = distributions(input, resolution);
  return {
    commit: (leader: number, t: number) => leaders[leader].cdf(t - at(input.leaderCpuMs, leader)),
    write: (leader: number, t: number) => writes[leader].cdf(t),
    anyLeader: (t: number) => anyLeader.cdf(t),
  };
}

/** Each leader's commit (less its CPU) and write distributions, equal ones shared, and the any-leader mixture. */
function distributions(input: CommitLatencyInput, resolution: Omit<CommitLatencyMethod, 'kind'>) {
  const n = input.names.length;
  const k = quorumSize(n) - 1;
  const rule = normalQuadrature(resolution.quadratureNodes);
  const jitter = input.rttJitterSigma;
  const clientRtt = input.clientRttMs ?? 0;
  const toLeader = input.origin === 'leader';
  const fixedMs = clientRtt + input.applyMs;
  const fsync: Fsync[] = Array.from({ length: n }, (_, i) => fsyncOf(input.fsyncMedianMs[i], input.fsyncSigma[i], at(input.fsyncFloorMs, i)));
  const msg = (i: number) => at(input.messageMs, i);
  const rtt = (a: number, b: number) => input.rttMs[a * n + b];
  // Members with equal numbers make equal leaders (a symmetric plan has one): each distinct
  // commit and write distribution is integrated once.
  // (Compared as numbers: printing doubles into string keys cost more than a small plan's integrals.)
  const commits: { signature: number[]; cdf: CommitCdf }[] = [];
  const leaders = fsync.map((_, L) => {
    const rounds: Round[] = [];
    for (let j = 0; j < n; j++) if (j !== L) rounds.push(round(fsync[j], rtt(L, j), 2 * (msg(L) + msg(j)), jitter, rule.z));
    const leader = fsync[L];
    const signature = signatureOf(
      [leader.median, leader.sigma, leader.floor],
      rounds.map((r) => [r.hopMs, r.rttMs, r.fsync.median, r.fsync.sigma, r.fsync.floor]),
    );
    let c = commits.find((x) => sameNumbers(x.signature, signature))?.cdf;
    if (!c) commits.push({ signature, cdf: (c = new CommitCdf(leader, rounds, k, jitter, rule, resolution.gridPoints)) });
    return c;
  });
  // The forwarding integrals read V from its grid (no CDF evaluations), so four times the nodes cost
  // little; they keep a skewed V (a heavy-tailed fsync) accurate where its CDF is steep.
  const forwardRule = normalQuadrature(4 * resolution.quadratureNodes);
  const writeCdfs: { signature: number[]; cdf: WriteCdf }[] = [];
  const writes = leaders.map((c, L) => {
    const forwards: Forward[] = [];
    if (toLeader) forwards.push({ hopMs: 0, rttMs: 0 });
    else for (let o = 0; o < n; o++) forwards.push(o === L ? { hopMs: 0, rttMs: 0 } : { hopMs: 2 * (msg(o) + msg(L)), rttMs: rtt(o, L) });
    const shiftMs = at(input.leaderCpuMs, L) + fixedMs;
    const signature = signatureOf(
      [shiftMs],
      forwards.map((f) => [f.hopMs, f.rttMs]),
    );
    const kept = writeCdfs.find((x) => sameNumbers(x.signature, signature));
    if (kept?.cdf.commit === c) return kept.cdf;
    const w = new WriteCdf(c, shiftMs, forwards, jitter, forwardRule);
    if (kept) kept.cdf = w;
    else writeCdfs.push({ signature, cdf: w });
    return w;
  });

  // The any-leader mixture weighs each distinct write distribution by the leaders that share it.
  const distinct = [...new Set(writes)];
  const weight = distinct.map((w) => writes.filter((x) => x === w).length / n);
  const cdf = (t: number) => {
    let sum = 0;
    for (let i = 0; i < distinct.length; i++) sum += weight[i] * distinct[i].cdf(t);
    return sum;
  };
  const approx = (t: number) => {
    let sum = 0;
    for (let i = 0; i < distinct.length; i++) sum += weight[i] * distinct[i].approx(t);
    return sum;
  };
  const mixture = { cdf, approx };
  // A mixture's quantile lies between its components' quantiles.
  const quantile = (p: number) => {
    if (distinct.length === 1) return distinct[0].quantile(p);
    const each = distinct.map((w) => w.quantile(p));
    return quantileFromApprox(mixture, p, Math.min(...each), Math.max(...each));
  };
  const anyLeader = { cdf, quantile };
  return { leaders, writes, anyLeader };
}

/** The numbers of a distribution made of a head and parts whose order does not matter: the parts sorted, then all in one row. */
function signatureOf(head: number[], parts: number[][]): number[] {
  parts.sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  });
  return head.concat(...parts);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The forwarding hop from one origin to the leader: fixed message handling plus a jittered RTT (both 0 from the leader itself). */
interface Forward {
  hopMs: number;
  rttMs: number;
}

/** A follower round, with its quadrature atoms over whichever term is narrower. */
function round(fsync: Fsync, rttMs: number, hopMs: number, jitter: number, z: Float64Array): Round {
  const jittered = rttMs * jitter > NEGLIGIBLE * (rttMs + hopMs + Math.max(fsync.floor, fsync.median));
  // The 1-99 % ranges: the quadrature's nodes stand for the integrated term, so any staircase
  // they leave spans its range; a floor may hide most of a fsync's 10-90 % range, not its tail.
  const fsyncSpread = fsyncAt(fsync, Z_SPREAD) - fsyncAt(fsync, -Z_SPREAD);
  const rttSpread = rttMs * (Math.exp(jitter * Z_SPREAD) - Math.exp(-jitter * Z_SPREAD));
  const overFsync = fsyncSpread <= rttSpread;
  const atoms = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) atoms[i] = overFsync ? fsyncAt(fsync, z[i]) : rttMs * Math.exp(jitter * z[i]);
  return { hopMs, rttMs, fsync, jittered, overFsync, atoms };
}

/** P(round ≤ u): the jittered RTT plus the fsync, integrated over the narrower of the two. */
function roundCdf(r: Round, jitter: number, w: Float64Array, u: number): number {
  const x = u - r.hopMs;
  if (x <= 0) return 0;
  if (!r.jittered) return fsyncCdfOf(r.fsync, x - r.rttMs);
  let p = 0;
  if (r.overFsync) {
    for (let i = 0; i < w.length; i++) {
      const y = x - r.atoms[i];
      if (y > 0) p += w[i] * normalCdfFast(Math.log(y / r.rttMs) / jitter);
    }
  } else {
    for (let i = 0; i < w.length; i++) p += w[i] * fsyncCdfOf(r.fsync, x - r.atoms[i]);
  }
  return p;
}

/**
 * V = max(fsync_L, k-th smallest follower round) for one leader: its CDF exactly (up to the
 * quadrature), split into point masses (a fixed or floored fsync that no jitter spreads) and a
 * continuous rest tabulated on a log-spaced grid between V's 7σ bounds.
 */
class CommitCdf {
  readonly lowMs: number;
  readonly highMs: number;
  /** Point masses of V: where, and how much. */
  readonly massAt: Float64Array;
  readonly mass: Float64Array;
  /** Grid points, ms, and their logarithms (the interpolation variable). */
  private readonly grid: Float64Array;
  private readonly logGrid: Float64Array;
  /** The continuous part of the CDF at the grid points: P(V ≤ v) less the point masses up to v. */
  private readonly smooth: Float64Array;
  /** Slopes of the continuous part in log v (Fritsch–Butland: monotone, so the interpolant never overshoots). */
  private readonly slopes: Float64Array;
  private readonly dist: Float64Array;
  /** Per round: the first round with the same numbers (itself if none), whose P(round ≤ v) it reuses. */
  private readonly sameAs: Int32Array;
  /** P(round ≤ v) per round, for the rounds that reuse it within one `cdf`. */
  private readonly roundP: Float64Array;
  private atomsCache: Float64Array | null = null;
  private meanCache: number | null = null;
  private readonly quantiles = new Map<number, number>();

  constructor(
    private readonly leader: Fsync,
    private readonly rounds: readonly Round[],
    private readonly k: number,
    private readonly jitter: number,
    private readonly rule: NormalQuadrature,
    points: number,
  ) {
    this.dist = new Float64Array(k + 1);
    // Followers with the same disk at the same distance (a rack of them, a symmetric plan) have the
    // same round: its quadrature is done once per CDF evaluation and the DP reads it for each.
    this.sameAs = Int32Array.from(rounds, (r) =>
      rounds.findIndex(
        (q) =>
          q.hopMs === r.hopMs && q.rttMs === r.rttMs && q.fsync.median === r.fsync.median && q.fsync.sigma === r.fsync.sigma && q.fsync.floor === r.fsync.floor,
      ),
    );
    this.roundP = new Float64Array(rounds.length);
    const roundAt = (r: Round, z: number) => r.hopMs + r.rttMs * Math.exp(z * jitter) + fsyncAt(r.fsync, z);
    const lows = rounds.map((r) => roundAt(r, -TAIL_Z)).sort((a, b) => a - b);
    const highs = rounds.map((r) => roundAt(r, TAIL_Z)).sort((a, b) => a - b);
    const low = Math.max(fsyncAt(leader, -TAIL_Z), k > 0 ? lows[k - 1] : 0);
    const high = Math.max(fsyncAt(leader, TAIL_Z), k > 0 ? highs[k - 1] : 0);
    this.highMs = high;
    this.lowMs = low > 0 ? Math.min(low, high) : high * 1e-12;
    // Point masses of V can only sit where the leader's fsync or an unjittered round has one.
    const candidates = [...fsyncPointMasses(leader)];
    for (const r of rounds) if (!r.jittered) for (const m of fsyncPointMasses(r.fsync)) candidates.push(r.hopMs + r.rttMs + m);
    candidates.sort((a, b) => a - b);
    const massAt: number[] = [];
    const mass: number[] = [];
    let previous = 0;
    for (let i = 0; i < candidates.length; i++) {
      // Candidates a double cannot tell apart (sums that round apart) are one point mass, at the highest.
      const at = candidates[i];
      if (i + 1 < candidates.length && candidates[i + 1] <= at * (1 + SAME)) continue;
      if (at < this.lowMs * (1 - SAME) || at > high * (1 + SAME)) continue;
      // The mass is the CDF's rise just below `at` (never reaching back past the previous candidate).
      const m = this.cdf(at) - this.cdf(Math.max(previous, at * (1 - 1e-9)));
      previous = at;
      if (m > 1e-12) {
        massAt.push(at);
        mass.push(m);
      }
    }
    this.massAt = Float64Array.from(massAt);
    this.mass = Float64Array.from(mass);
    // A V with no spread needs no grid: its point masses hold it all.
    const size = high > this.lowMs * (1 + SAME) ? points : 1;
    // At most size points plus one per halving (3 · size of them).
    const x = new Float64Array(4 * size + 1);
    const f = new Float64Array(4 * size + 1);
    const smoothAt = (logV: number) => {
      const v = Math.exp(logV);
      return this.cdf(v) - this.pointMassUpTo(v);
    };
    const x0 = Math.log(this.lowMs);
    const step = size > 1 ? (Math.log(high) - x0) / (size - 1) : 0;
    x[0] = x0;
    f[0] = size > 1 ? smoothAt(x0) : 0;
    let count = 1;
    // Log-spaced, and a cell that rises by more than MAX_RISE (a narrow term: an RTT with little
    // jitter, a nearly fixed fsync) is halved until it does not, so interpolation never spans a cliff.
    // Depth first, left halves before right ones: a stack holds the right ends still to reach (a
    // recursion would box its arguments on every call).
    let budget = 3 * size;
    const pendingX: number[] = [];
    const pendingF: number[] = [];
    for (let i = 1; i < size; i++) {
      let xa = x[count - 1];
      let fa = f[count - 1];
      const xi = i === size - 1 ? Math.log(high) : x0 + i * step;
      pendingX.push(xi);
      pendingF.push(Math.max(fa, smoothAt(xi)));
      while (pendingX.length > 0) {
        const xb = pendingX[pendingX.length - 1];
        const fb = pendingF[pendingF.length - 1];
        if (fb - fa > MAX_RISE && xb - xa > 1e-9 && budget-- > 0) {
          const xm = (xa + xb) / 2;
          pendingX.push(xm);
          pendingF.push(Math.min(fb, Math.max(fa, smoothAt(xm))));
        } else {
          pendingX.pop();
          pendingF.pop();
          x[count] = xa = xb;
          f[count++] = fa = fb;
        }
      }
    }
    this.logGrid = x.slice(0, count);
    this.grid = new Float64Array(count);
    for (let i = 0; i < count; i++) this.grid[i] = Math.exp(x[i]);
    this.smooth = f.slice(0, count);
    this.slopes = monotoneSlopes(this.logGrid, this.smooth);
  }

  /** P(V ≤ v), computed afresh. */
  cdf(v: number): number {
    const fl = fsyncCdfOf(this.leader, v);
    if (this.k === 0 || fl === 0) return fl;
    // dist[c] = P(exactly c of the rounds seen so far are done by v), capped at k.
    const dist = this.dist;
    const k = this.k;
    dist.fill(0);
    dist[0] = 1;
    const rounds = this.rounds;
    const roundP = this.roundP;
    for (let i = 0; i < rounds.length; i++) {
      const same = this.sameAs[i];
      const p = same === i ? roundCdf(rounds[i], this.jitter, this.rule.w, v) : roundP[same];
      roundP[i] = p;
      if (p === 0) continue;
      for (let c = k; c >= 0; c--) dist[c] = (c === k ? dist[c] : dist[c] * (1 - p)) + (c > 0 ? dist[c - 1] * p : 0);
    }
    return fl * dist[k];
  }

  /** The point masses at or below v. */
  pointMassUpTo(v: number): number {
    let sum = 0;
    for (let i = 0; i < this.massAt.length && this.massAt[i] <= v * (1 + SAME); i++) sum += this.mass[i];
    return sum;
  }

  /** The continuous part of P(V ≤ v), interpolated on the grid: a monotone cubic in log v. */
  smoothLookup(v: number): number {
    const g = this.grid;
    const last = g.length - 1;
    if (v < g[0] || last === 0) return 0;
    if (v >= g[last]) return this.smooth[last];
    return this.inCell(this.cellOf(v), v);
  }

  /** The cell [g[i], g[i + 1]) holding v, for g[0] ≤ v < g[last], by bisection on the grid. */
  private cellOf(v: number): number {
    const g = this.grid;
    let lo = 0;
    let hi = g.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (g[mid] <= v) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** The monotone cubic of cell i at v. */
  private inCell(i: number, v: number): number {
    const x = this.logGrid;
    const h = x[i + 1] - x[i];
    return hermite(this.smooth[i], this.slopes[i] * h, this.smooth[i + 1], this.slopes[i + 1] * h, (Math.log(v) - x[i]) / h);
  }

  /**
   * sum + Σ w_i · smoothLookup(y − d_i), added in order, for ascending d: the points descend, so
   * the cells are walked down from the first one's instead of bisected for each.
   */
  addSmooth(sum: number, y: number, d: Float64Array, w: Float64Array): number {
    const g = this.grid;
    const last = g.length - 1;
    let cell = -1;
    for (let i = 0; i < d.length; i++) {
      const v = y - d[i];
      if (v < g[0] || last === 0) sum += w[i] * 0;
      else if (v >= g[last]) sum += w[i] * this.smooth[last];
      else {
        if (cell < 0) cell = this.cellOf(v);
        else while (g[cell] > v) cell--;
        sum += w[i] * this.inCell(cell, v);
      }
    }
    return sum;
  }

  /** P(V ≤ v) from the grid and the point masses. */
  lookup(v: number): number {
    return this.smoothLookup(v) + this.pointMassUpTo(v);
  }

  /** The p-quantile of V: root finding on the exact CDF, snapped to a point mass it lands on. */
  quantile(p: number): number {
    let x = this.quantiles.get(p);
    if (x === undefined) this.quantiles.set(p, (x = this.findQuantile(p)));
    return x;
  }

  private findQuantile(p: number): number {
    const g = this.grid;
    // Bracket from the grid (a cell, or the whole range when there is none), then refine.
    let lo = this.lowMs;
    let hi = this.highMs;
    if (g.length > 1) {
      let i = 0;
      while (i < g.length && this.smooth[i] + this.pointMassUpTo(g[i]) < p - PROBABILITY_SLACK) i++;
      if (i === 0) return g[0];
      lo = g[i - 1];
      hi = i < g.length ? g[i] : this.highMs;
    }
    for (let i = 0; i < this.massAt.length; i++) {
      const a = this.massAt[i];
      if (a >= lo * (1 - SAME) && a <= hi * (1 + SAME) && this.cdf(a) >= p - PROBABILITY_SLACK && this.cdf(a * (1 - 1e-9)) < p - PROBABILITY_SLACK) return a;
    }
    const exact = (v: number) => this.cdf(v);
    if (g.length === 1) return invertCdf(exact, p, lo, hi);
    // The grid's own quantile in that cell is within its interpolation error of the answer.
    const guess = invertCdf((v) => this.lookup(v), p, lo, hi);
    return refineQuantile(
      exact,
      p,
      guess,
      densityOf((v) => this.lookup(v), guess, hi - lo),
      lo,
      hi,
      hi - lo,
    );
  }

  /** The p-quantile of V from the grid alone (for the equally likely atoms and the spread): the cell by bisection, then root finding in it. */
  gridQuantile(p: number, atGrid?: Float64Array): number {
    const g = this.grid;
    const lookup = (v: number) => this.lookup(v);
    if (g.length === 1) return invertCdf(lookup, p, this.lowMs, this.highMs);
    const at = atGrid ? (i: number) => atGrid[i] : (i: number) => this.lookup(g[i]);
    let lo = 0;
    let hi = g.length - 1;
    if (at(hi) < p) return invertCdf(lookup, p, g[hi], this.highMs);
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (at(mid) >= p) hi = mid;
      else lo = mid;
    }
    return invertCdf(lookup, p, g[lo], g[hi], g[hi] - g[lo], at(lo), at(hi));
  }

  /** E[V] = ∫ (1 − F) dv: F = 0 below the grid; per cell Simpson's rule in log v on the continuous part, the point masses exactly. */
  mean(): number {
    this.meanCache ??= this.integrateMean();
    return this.meanCache;
  }

  private integrateMean(): number {
    const g = this.grid;
    const f = this.smooth;
    const last = g.length - 1;
    let sum = g[0];
    for (let i = 1; i <= last; i++) {
      const h = this.logGrid[i] - this.logGrid[i - 1];
      const mid = hermite(f[i - 1], this.slopes[i - 1] * h, f[i], this.slopes[i] * h, 0.5);
      sum += (h / 6) * ((1 - f[i - 1]) * g[i - 1] + 4 * (1 - mid) * Math.sqrt(g[i - 1] * g[i]) + (1 - f[i]) * g[i]);
    }
    // ∫ over the grid of the point masses' steps: each counts from where it sits to the top.
    for (let i = 0; i < this.massAt.length; i++) sum -= this.mass[i] * (g[last] - Math.max(g[0], this.massAt[i]));
    return sum;
  }

  /** 64 equally likely values of V (quantiles at (i + ½) / 64), for sums where V is the narrower term. */
  atoms(): Float64Array {
    if (!this.atomsCache) {
      // The 64 searches read the grid's own points again and again: look each up once.
      const g = this.grid;
      const atGrid = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) atGrid[i] = this.lookup(g[i]);
      this.atomsCache = new Float64Array(COMMIT_ATOMS);
      for (let i = 0; i < COMMIT_ATOMS; i++) this.atomsCache[i] = this.gridQuantile((i + 0.5) / COMMIT_ATOMS, atGrid);
    }
    return this.atomsCache;
  }

  /** The 1-99 % range of V, ms. */
  spread(): number {
    return this.gridQuantile(0.99) - this.gridQuantile(0.01);
  }
}

/** W = shift + V + D_o with the origin o equally likely among `forwards`, D_o = hop + RTT · jitter (0 for the leader). */
class WriteCdf {
  readonly lowMs: number;
  readonly highMs: number;
  /** Per origin: the RTT is jittered (else a fixed shift), and then whether to integrate over the jitter (else over V's atoms). */
  private readonly jittered: boolean[];
  private readonly overJitter: boolean[];
  private readonly jitterAtoms: Float64Array[];
  /** Per origin: the hop at the nodes of the coarse rule `approx` uses. */
  private readonly coarseAtoms: Float64Array[];
  /**
   * The origins with distinct hops (first of each) and how many origins share each: origins in
   * one rack, or every follower of a symmetric plan, add the same term, which is computed once.
   */
  private readonly kinds: number[] = [];
  private readonly counts: number[] = [];
  private readonly quantiles = new Map<number, number>();
  /** The forwarding hop's smallest and largest 7σ bounds over origins, ms. */
  private readonly hopLowMs: number;
  private readonly hopHighMs: number;

  constructor(
    readonly commit: CommitCdf,
    private readonly shiftMs: number,
    private readonly forwards: readonly Forward[],
    private readonly jitter: number,
    private readonly rule: NormalQuadrature,
  ) {
    forwards.forEach((f, o) => {
      const kind = this.kinds.findIndex((k) => forwards[k].hopMs === f.hopMs && forwards[k].rttMs === f.rttMs);
      if (kind >= 0) this.counts[kind]++;
      else {
        this.kinds.push(o);
        this.counts.push(1);
      }
    });
    this.jittered = forwards.map((f) => f.rttMs * jitter > NEGLIGIBLE * (f.rttMs + f.hopMs + commit.lowMs));
    const spread = this.jittered.some(Boolean) ? commit.spread() : 0;
    this.overJitter = forwards.map((f) => f.rttMs * (Math.exp(jitter * Z_SPREAD) - Math.exp(-jitter * Z_SPREAD)) <= spread);
    this.jitterAtoms = forwards.map((f) => hopAtoms(f, jitter, rule.z));
    this.coarseAtoms = forwards.map((f) => hopAtoms(f, jitter, COARSE_RULE.z));
    const lows = forwards.map((f) => f.hopMs + f.rttMs * Math.exp(-TAIL_Z * jitter));
    const highs = forwards.map((f) => f.hopMs + f.rttMs * Math.exp(TAIL_Z * jitter));
    this.hopLowMs = Math.min(...lows);
    this.hopHighMs = Math.max(...highs);
    this.lowMs = shiftMs + commit.lowMs + this.hopLowMs;
    this.highMs = shiftMs + commit.highMs + this.hopHighMs;
  }

  cdf(t: number): number {
    const y = t - this.shiftMs;
    const c = this.commit;
    let sum = 0;
    for (let g = 0; g < this.kinds.length; g++) {
      const o = this.kinds[g];
      const f = this.forwards[o];
      let p: number;
      if (!this.jittered[o]) p = c.lookup(y - f.hopMs - f.rttMs);
      else if (this.overJitter[o]) {
        // E over the hop's jitter: Gauss–Hermite on V's continuous part, V's point masses exactly.
        p = c.addSmooth(0, y, this.jitterAtoms[o], this.rule.w);
        for (let i = 0; i < c.massAt.length; i++) {
          const x = y - f.hopMs - c.massAt[i];
          if (x > 0) p += c.mass[i] * normalCdfFast(Math.log(x / f.rttMs) / this.jitter);
        }
      } else {
        const v = c.atoms();
        let q = 0;
        for (let i = 0; i < v.length; i++) {
          const x = y - f.hopMs - v[i];
          if (x > 0) q += normalCdfFast(Math.log(x / f.rttMs) / this.jitter);
        }
        p = q / v.length;
      }
      sum += this.counts[g] * p;
    }
    return sum / this.forwards.length;
  }

  /**
   * P(W ≤ t) with V read from its grid (point masses included) and each jittered hop on a
   * COARSE_RULE: a cheap stand-in for `cdf` that starts its root finding next to the quantile.
   */
  approx(t: number): number {
    const y = t - this.shiftMs;
    const c = this.commit;
    const w = COARSE_RULE.w;
    let sum = 0;
    for (let g = 0; g < this.kinds.length; g++) {
      const o = this.kinds[g];
      const f = this.forwards[o];
      let p = 0;
      if (!this.jittered[o]) p = c.lookup(y - f.hopMs - f.rttMs);
      else {
        const d = this.coarseAtoms[o];
        for (let i = 0; i < w.length; i++) p += w[i] * c.lookup(y - d[i]);
      }
      sum += this.counts[g] * p;
    }
    return sum / this.forwards.length;
  }

  quantile(p: number): number {
    let x = this.quantiles.get(p);
    if (x === undefined) {
      // Writes that all start at the leader add a fixed shift: V's own quantile, found on its exact CDF.
      const atLeader = this.forwards.every((f) => f.hopMs === 0 && f.rttMs === 0);
      const v = this.shiftMs + this.commit.quantile(p);
      // W = V + D with D between its smallest and largest 7σ bounds, so its quantile lies
      // between V's plus those (a bracket a few RTTs wide instead of V's whole range).
      x = atLeader ? v : quantileFromApprox(this, p, Math.max(this.lowMs, v + this.hopLowMs), Math.min(this.highMs, v + this.hopHighMs));
      this.quantiles.set(p, x);
    }
    return x;
  }

  /** E[W] by linearity: shift + E[V] + the mean hop (a lognormal jitter has mean exp(σ² / 2)). */
  mean(): number {
    let hop = 0;
    for (const f of this.forwards) hop += f.hopMs + f.rttMs * Math.exp((this.jitter * this.jitter) / 2);
    return this.shiftMs + this.commit.mean() + hop / this.forwards.length;
  }
}

/** The forwarding hop hop + RTT · exp(σ z) at each node z of a rule, ms. */
function hopAtoms(f: Forward, jitter: number, z: Float64Array): Float64Array {
  const d = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) d[i] = f.hopMs + f.rttMs * Math.exp(jitter * z[i]);
  return d;
}

/** Cubic Hermite interpolation on [0, 1] between values y0, y1 with slopes d0, d1 (per unit step). */
function hermite(y0: number, d0: number, y1: number, d1: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * y1 + (t3 - t2) * d1;
}

/**
 * Slopes dy/dx for a monotone cubic through ascending values y at increasing x: the weighted
 * harmonic mean of the neighbouring secants, 0 where either is flat (Fritsch and Butland 1984).
 */
function monotoneSlopes(x: Float64Array, y: Float64Array): Float64Array {
  const n = y.length;
  const d = new Float64Array(n);
  if (n < 2) return d;
  d[0] = (y[1] - y[0]) / (x[1] - x[0]);
  d[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
  for (let i = 1; i < n - 1; i++) {
    const h0 = x[i] - x[i - 1];
    const h1 = x[i + 1] - x[i];
    const s0 = (y[i] - y[i - 1]) / h0;
    const s1 = (y[i + 1] - y[i]) / h1;
    d[i] = s0 > 0 && s1 > 0 ? (3 * (h0 + h1)) / ((2 * h1 + h0) / s0 + (h1 + 2 * h0) / s1) : 0;
  }
  return d;
}

/** The slope of a CDF at t by central differences a millionth of `width` apart (an interpolant's density, to scale a Newton step). */
function densityOf(cdf: (t: number) => number, t: number, width: number): number {
  const h = 1e-6 * width;
  return (cdf(t + h) - cdf(t - h)) / (2 * h);
}

/** The p-quantile in [lo, hi] of a distribution with a cheap stand-in for its CDF: guessed on the stand-in, refined on the CDF. */
function quantileFromApprox(d: { cdf(t: number): number; approx(t: number): number }, p: number, lo: number, hi: number): number {
  const approx = (t: number) => d.approx(t);
  const guess = invertCdf(approx, p, lo, hi);
  return refineQuantile((t) => d.cdf(t), p, guess, densityOf(approx, guess, hi - lo), lo, hi, hi - lo);
}

/**
 * The smallest t in [lo, hi] with cdf(t) ≥ p: the ends checked (their CDFs computed unless given),
 * then `solveBracket` between them. `scale` (default the bracket's width) sets the tolerance with
 * t: see `solveBracket`.
 */
function invertCdf(cdf: (t: number) => number, target: number, lo: number, hi: number, scale = hi - lo, atLo = cdf(lo), atHi?: number): number {
  // A CDF that sits at exactly p over an interval (point masses summing to p) has every point of it
  // as a p-quantile; rounding must not pick one end here and the other after a small change.
  const p = target - PROBABILITY_SLACK;
  const fa = atLo - p;
  if (fa >= 0) return lo;
  const fb = (atHi ?? cdf(hi)) - p;
  if (fb < 0) return hi;
  return solveBracket(cdf, p, lo, fa, hi, fb, scale);
}

/**
 * The p-quantile in [lo, hi] starting from a guess read off a cheap stand-in for the CDF (the
 * grid, a coarse rule) with that stand-in's density `slope`: the exact CDF at the guess, then a
 * Newton step, a quarter longer so that it usually crosses p, growing fourfold until the CDF does
 * cross p (or a bound is reached, which then is the answer as in `invertCdf`), then
 * `solveBracket` between the last two points. On the sample plans a commit quantile so takes three
 * or four exact evaluations and a write quantile four or five, against 6-15 and 10-31 from the bare
 * bracket with the Illinois method used before.
 */
function refineQuantile(cdf: (t: number) => number, target: number, guess: number, slope: number, lo: number, hi: number, scale: number): number {
  const p = target - PROBABILITY_SLACK;
  let x = Math.min(hi, Math.max(lo, guess));
  let fx = cdf(x) - p;
  if (Math.abs(fx) < 1e-13) return x;
  const up = fx < 0;
  const tolerance = ROOT_TOLERANCE * Math.min(x, scale);
  let step = Math.max(tolerance, slope > 0 ? (1.25 * Math.abs(fx)) / slope : (hi - lo) / 8);
  for (;;) {
    const y = up ? Math.min(hi, x + step) : Math.max(lo, x - step);
    const fy = cdf(y) - p;
    if (up ? fy >= 0 : fy < 0) return up ? solveBracket(cdf, p, x, fx, y, fy, scale) : solveBracket(cdf, p, y, fy, x, fx, scale);
    if (y === (up ? hi : lo)) return y;
    x = y;
    fx = fy;
    step *= 4;
  }
}

/**
 * The root of cdf − p between a (below p) and b (at or above it), returning the upper end once the
 * bracket is narrower than ROOT_TOLERANCE relative to both the root and `scale` (a narrow
 * distribution far from 0 needs both). Chandrupatla's method (Advances in Engineering Software
 * 28 (1997) 145-149): inverse quadratic interpolation through the bracket and the point dropped
 * last where it is safe, else bisection (geometric while the bracket spans decades), so a step or
 * a flat stretch of the CDF cannot stall it; on a smooth CDF it converges superlinearly.
 */
function solveBracket(cdf: (t: number) => number, p: number, a: number, fa: number, b: number, fb: number, scale: number): number {
  // The point dropped last, on the same side as the newest.
  let c = a;
  let fc = fa;
  // The first step is false position: the bracket is usually the quantile's own neighbourhood.
  let t = fa / (fa - fb);
  for (let i = 0; i < 200; i++) {
    const width = b - a;
    const tolerance = ROOT_TOLERANCE * Math.min(b, scale);
    if (width <= tolerance) break;
    const least = Math.min(0.5, tolerance / 2 / width);
    if (!(t >= least && t <= 1 - least)) t = t < least ? least : t > 1 - least ? 1 - least : 0.5;
    const x = a + t * width;
    const fx = cdf(x) - p;
    if (Math.abs(fx) < 1e-13) return x;
    let far: number;
    let ffar: number;
    if (fx < 0) {
      c = a;
      fc = fa;
      a = x;
      fa = fx;
      far = b;
      ffar = fb;
    } else {
      c = b;
      fc = fb;
      b = x;
      fb = fx;
      far = a;
      ffar = fa;
    }
    // Inverse quadratic interpolation through (x, far, c) is safe when the three values are
    // monotone in their order along t (Chandrupatla's test); otherwise bisect.
    const xi = (x - far) / (c - far);
    const phi = (fx - ffar) / (fc - ffar);
    if (phi * phi < xi && (1 - phi) * (1 - phi) < 1 - xi) {
      const s = (fx / (ffar - fx)) * (fc / (ffar - fc)) + ((c - x) / (far - x)) * (fx / (fc - fx)) * (ffar / (fc - ffar));
      t = (x + s * (far - x) - a) / (b - a);
    } else t = a > 0 && b > 4 * a ? (Math.sqrt(a * b) - a) / (b - a) : 0.5;
  }
  return b;
}

/**
 * Recent `commitLatency` results by the numbers they were computed from (not the member names),
 * kept by an incremental evaluator across plans: an edit that renames a node or a rack, or changes
 * what the commit latency does not read (workers, storage), asks again with the same numbers and
 * gets the result back without integrating again. The model is a pure function of those numbers,
 * so a memo changes no result. At most 32 entries, oldest dropped first.
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
  ].join('|');
}

/** A remembered result with the members named as in this input (byLeader follows member order). */
function withNames(r: CommitLatency, names: readonly string[]): CommitLatency {
  if (r.byLeader.every((b, i) => b.leader === names[i])) return r;
  const byLeader = r.byLeader.map((b, i) => ({ ...b, leader: names[i] }));
  return { ...r, byLeader, best: byLeader[r.byLeader.indexOf(r.best)], worst: byLeader[r.byLeader.indexOf(r.worst)] };
}

/**
 * E[commit] for leader L with RTTs at their class values (no jitter), ms: cpu_L + ∫ (1 − P(V ≤ v)) dv
 * over the same grid as `commitLatency` (exact up to the trapezoid rule). With one member it
 * reduces to the lognormal mean median · exp(σ² / 2).
 */
export function expectedCommitMs(input: CommitLatencyInput, leader: number): number {
  const n = input.names.length;
  const rule = normalQuadrature(COMMIT_LATENCY_RESOLUTION.quadratureNodes);
  const fsync = (i: number): Fsync => fsyncOf(input.fsyncMedianMs[i], input.fsyncSigma[i], at(input.fsyncFloorMs, i));
  const rounds: Round[] = [];
  for (let j = 0; j < n; j++) {
    if (j === leader) continue;
    const hopMs = 2 * (at(input.messageMs, leader) + at(input.messageMs, j));
    rounds.push(round(fsync(j), input.rttMs[leader * n + j], hopMs, 0, rule.z));
  }
  const v = new CommitCdf(fsync(leader), rounds, quorumSize(n) - 1, 0, rule, COMMIT_LATENCY_RESOLUTION.gridPoints);
  return at(input.leaderCpuMs, leader) + v.mean();
}
