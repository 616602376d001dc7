import type { ControlPlaneAssumptions } from './assumptions';
import { quorumSize } from './quorum';

/** One member's hardware as the throughput model sees it. */
export interface MemberCapacity {
  /** Balanced-core equivalents (cores x CPU class speed). */
  cores: number;
  nicGbps: number;
  diskSeqWriteMBps: number;
  diskIops: number;
  /** Mean time of one WAL commit, ms: the fsync lognormal's mean median · exp(σ²/2), never below IOs per commit / IOPS. */
  fsyncMeanMs: number;
}

export interface ThroughputInput {
  leader: MemberCapacity;
  /** Every other member (n − 1 of them). */
  followers: readonly MemberCapacity[];
  keyBytes: number;
  valueBytes: number;
  assumptions: ControlPlaneAssumptions;
}

export type WriteBottleneck = 'leader-cpu' | 'wal-fsync' | 'disk-bandwidth' | 'leader-nic' | 'follower-apply';
export type ReadBottleneck = 'member-cpu' | 'member-nic';

/** Bytes of one Raft entry on the wire and in the WAL: key + value + framing. */
export function entryBytes(input: Pick<ThroughputInput, 'keyBytes' | 'valueBytes' | 'assumptions'>): number {
  return input.keyBytes + input.valueBytes + input.assumptions.entryOverheadBytes;
}

/** Writes/s one member's disk sustains: min(bandwidth / (entry x amplification), fsyncs/s x batch). */
function diskWritesPerS(m: MemberCapacity, bytes: number, a: ControlPlaneAssumptions): { bandwidth: number; fsync: number } {
  // Each batch costs one WAL commit: its write and flush count against the disk's IOPS.
  const fsyncsPerS = Math.min(1000 / Math.max(1e-6, m.fsyncMeanMs), m.diskIops / Math.max(1, a.fsyncIosPerCommit));
  return {
    bandwidth: (m.diskSeqWriteMBps * 1e6) / (bytes * a.diskWriteAmplification),
    fsync: fsyncsPerS * a.maxBatchEntries,
  };
}

/**
 * The most writes/s each resource allows (a write-only load), and the first to saturate.
 *   leader CPU      = usable · min(cores, etcdMaxCores) · 1e6 / (c_w + 2 m (n − 1) / B)   [c, m in µs]
 *   WAL fsync       = min(1000 / E[commit ms], IOPS / IOs per commit) · B   [one fsync per batch]
 *   disk bandwidth  = MB/s · 1e6 / (entry bytes · write amplification)
 *   leader NIC      = Gbit/s · 1e9 / 8 / ((n − 1) · entry bytes + response bytes)   [every entry goes to n − 1 followers]
 *   follower apply  = the (q − 1)-th best follower's min(CPU, disk) — commit needs q − 1 followers to keep up
 * B = maxBatchEntries: at saturation one Raft message (and one fsync) carries a full batch, so the
 * per-follower message cost m (send the append, handle the ack) is shared by B writes and more
 * members cost the leader almost nothing per write; the NIC is what replication uses up.
 * Defaults: `assumptions.ts` (c_w calibrated on etcd op-guide/performance).
 */
export function writeCapacities(input: ThroughputInput): { perS: Record<WriteBottleneck, number>; max: number; bottleneck: WriteBottleneck } {
  const a = input.assumptions;
  const cores = (m: MemberCapacity) => Math.min(m.cores, a.etcdMaxCores);
  const n = input.followers.length + 1;
  const bytes = entryBytes(input);
  const perMessage = (2 * a.raftMessageUs) / a.maxBatchEntries;
  const leaderDisk = diskWritesPerS(input.leader, bytes, a);
  const followerCaps = input.followers
    .map((f) => {
      const d = diskWritesPerS(f, bytes, a);
      return Math.min((a.usableCpuFraction * cores(f) * 1e6) / (a.followerCpuUsPerWrite + perMessage), d.bandwidth, d.fsync);
    })
    .sort((x, y) => y - x);
  const k = quorumSize(n) - 1;
  const perS: Record<WriteBottleneck, number> = {
    'leader-cpu': (a.usableCpuFraction * cores(input.leader) * 1e6) / (a.leaderCpuUsPerWrite + perMessage * (n - 1)),
    'wal-fsync': leaderDisk.fsync,
    'disk-bandwidth': leaderDisk.bandwidth,
    'leader-nic': (input.leader.nicGbps * 1e9) / 8 / ((n - 1) * bytes + a.entryOverheadBytes),
    'follower-apply': k === 0 ? Infinity : followerCaps[k - 1],
  };
  let bottleneck: WriteBottleneck = 'leader-cpu';
  for (const key of Object.keys(perS) as WriteBottleneck[]) if (perS[key] < perS[bottleneck]) bottleneck = key;
  return { perS, max: perS[bottleneck], bottleneck };
}

/**
 * The most reads/s the members serve. A read costs CPU on the member that serves it:
 * c_r µs serializable, c_r + c_li µs linearizable (the ReadIndex round; no fsync). With
 * `target: 'all'` reads spread over every member, with `'leader'` only the leader serves.
 *   reads/s = Σ_serving usable · min(cores, etcdMaxCores) · 1e6 / c,  capped by Σ NIC / response bytes.
 */
export function readCapacity(
  input: ThroughputInput,
  consistency: 'linearizable' | 'serializable',
  target: 'leader' | 'all',
): { max: number; bottleneck: ReadBottleneck } {
  const a = input.assumptions;
  const cost = a.cpuUsPerRead + (consistency === 'linearizable' ? a.cpuUsPerLinearizableRead : 0);
  const serving = target === 'leader' ? [input.leader] : [input.leader, ...input.followers];
  const cpu = serving.reduce((s, m) => s + (a.usableCpuFraction * Math.min(m.cores, a.etcdMaxCores) * 1e6) / cost, 0);
  const nic = serving.reduce((s, m) => s + (m.nicGbps * 1e9) / 8 / entryBytes(input), 0);
  return cpu <= nic ? { max: cpu, bottleneck: 'member-cpu' } : { max: nic, bottleneck: 'member-nic' };
}

export interface LoadPoint {
  /** Closed loop: clients in flight; open loop: offered requests/s. */
  x: number;
  perS: number;
  /** Mean latency, ms; null (unbounded) when an open loop is offered at least the maximum. */
  latencyMs: number | null;
}

/** How a request is served, for the load curves: the ceiling, the unloaded latency and the commit's fsync. */
export interface LoadService {
  /** The bottleneck's ceiling, requests/s. */
  maxPerS: number;
  /** Unloaded mean latency, ms. */
  baseLatencyMs: number;
  /** Mean time of the WAL commit a write waits for (0 for reads), ms. */
  fsyncMs: number;
}

/**
 * Mean latency at a throughput of X requests/s, ms, with `others` the share of the load that
 * comes from other clients (a lone client never queues behind itself):
 *   L(X) = L₀ + others · (ρ s / (2 (1 − ρ)) + u · F / 2)
 * the Pollaczek–Khinchine M/D/1 wait at the bottleneck (ρ = X / X_max, s = 1 / X_max) plus, with
 * u = min(1, X F) the share of time a WAL commit of mean F is in progress, the mean residual of
 * that commit: a write arriving while the disk is busy joins the next batch. Batching is why the
 * fsync never queues deeper than one: entries per fsync grow as X F. Infinity at ρ ≥ 1.
 */
export function loadedLatencyMs(service: LoadService, perS: number, others = 1): number {
  const rho = perS / service.maxPerS;
  if (!(rho < 1)) return Infinity;
  const serviceMs = 1000 / service.maxPerS;
  const busy = Math.min(1, (perS * service.fsyncMs) / 1000);
  return service.baseLatencyMs + others * ((rho * serviceMs) / (2 * (1 - rho)) + (busy * service.fsyncMs) / 2);
}

/**
 * Closed loop (C clients, each waiting for its answer): the throughput X at which Little's law
 * X · L(X) = C holds with the loaded latency above, found by bisection (X · L(X) rises with X and
 * passes every C before X_max). So throughput grows with clients, fastest while more clients
 * only share fsyncs, and bends towards the ceiling as the bottleneck queue forms; latency is C / X,
 * the unloaded L₀ only at one client. More clients never lower throughput (extra clients could
 * always sit idle), so X is kept non-decreasing over the concurrency steps.
 * Example: L₀ = 1.6 ms, C = 1 gives 1000 / 1.6 = 625/s.
 */
export function closedLoop(service: LoadService, concurrency: readonly number[]): LoadPoint[] {
  const order = concurrency.map((c, i) => [c, i] as const).sort((x, y) => x[0] - y[0]);
  const out: LoadPoint[] = new Array(concurrency.length);
  let best = 0;
  for (const [c, i] of order) {
    const others = c > 1 ? (c - 1) / c : 0;
    let lo = 0;
    let hi = service.maxPerS;
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2;
      // Once the bracket is two neighbouring doubles a step changes nothing: stop there, with the
      // same X as the full 100 steps would give (about 60 of them are ever needed).
      if ((mid * loadedLatencyMs(service, mid, others)) / 1000 < c) {
        if (lo === mid) break;
        lo = mid;
      } else {
        if (hi === mid) break;
        hi = mid;
      }
    }
    best = Math.max(best, lo);
    out[i] = { x: c, perS: best, latencyMs: best > 0 ? (c * 1000) / best : service.baseLatencyMs };
  }
  return out;
}

/**
 * Open loop (requests arrive at λ/s whatever the answers): mean latency L(λ) as in
 * `loadedLatencyMs`; at ρ ≥ 1 the queue grows without bound (latency null: unbounded).
 */
export function openLoop(service: LoadService, rates: readonly number[]): LoadPoint[] {
  return rates.map((rate) => {
    const latency = loadedLatencyMs(service, rate);
    return Number.isFinite(latency) ? { x: rate, perS: rate, latencyMs: latency } : { x: rate, perS: service.maxPerS, latencyMs: null };
  });
}

export interface TailAtLoad {
  /** Offered writes/s. */
  perS: number;
  /** Utilisation of the bottleneck. */
  utilisation: number;
  /** Latency quantiles at that load, ms; null when the load reaches the ceiling (unbounded). */
  p50Ms: number | null;
  p99Ms: number | null;
}

/**
 * Write latency quantiles at an offered load λ (open loop), ms. Assumptions, stated: arrivals
 * are Poisson; the bottleneck behaves as an M/M/1 queue, whose waiting time exceeds t with
 * probability ρ e^{−(1 − ρ) t / s}, so its p-quantile is s ln(ρ / (1 − p)) / (1 − ρ) when
 * ρ > 1 − p (else 0); with probability u = min(1, λ F) a write waits for the WAL commit in
 * progress, a residual uniform on [0, F], whose p-quantile is F (p − (1 − u)) / u when positive.
 * The unloaded quantile and both waits are added, an upper bound on the quantile of the sum
 * (exact if the three were perfectly correlated): the conservative side for a purchase.
 * `otherUtilisation` is the share of the bottleneck other requests (reads) already use.
 */
export function tailAtLoad(service: LoadService, unloaded: { p50: number; p99: number }, perS: number, otherUtilisation = 0): TailAtLoad {
  const rho = perS / service.maxPerS + otherUtilisation;
  if (!(rho < 1)) return { perS, utilisation: rho, p50Ms: null, p99Ms: null };
  const s = 1000 / service.maxPerS;
  const u = Math.min(1, (perS * service.fsyncMs) / 1000);
  const queue = (p: number) => (rho > 1 - p && rho > 0 ? (s * Math.log(rho / (1 - p))) / (1 - rho) : 0);
  const residual = (p: number) => (u > 0 ? service.fsyncMs * Math.max(0, (p - (1 - u)) / u) : 0);
  return {
    perS,
    utilisation: rho,
    p50Ms: unloaded.p50 + queue(0.5) + residual(0.5),
    p99Ms: unloaded.p99 + queue(0.99) + residual(0.99),
  };
}

/** Clients in flight for the closed-loop curves. */
export const CONCURRENCY_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
