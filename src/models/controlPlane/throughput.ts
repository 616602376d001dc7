import type { ControlPlaneAssumptions } from './assumptions';
import { quorumSize } from './quorum';

/** One member's hardware as the throughput model sees it. */
export interface MemberCapacity {
  /** Balanced-core equivalents (cores x CPU class speed). */
  cores: number;
  nicGbps: number;
  diskSeqWriteMBps: number;
  diskIops: number;
  /** Mean fsync latency, ms (lognormal: median · exp(σ²/2)). */
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
  // Each batch costs one WAL fsync and about one backend page write, hence IOPS / 2.
  const fsyncsPerS = Math.min(1000 / Math.max(1e-6, m.fsyncMeanMs), m.diskIops / 2);
  return {
    bandwidth: (m.diskSeqWriteMBps * 1e6) / (bytes * a.diskWriteAmplification),
    fsync: fsyncsPerS * a.maxBatchEntries,
  };
}

/**
 * The most writes/s each resource allows (a write-only load), and the first to saturate.
 *   leader CPU      = usable · min(cores, etcdMaxCores) · 1e6 / (c_w + c_f · (n − 1))   [c in µs per write]
 *   WAL fsync       = min(1000 / E[fsync ms], IOPS / 2) · max batch      [one fsync per batch]
 *   disk bandwidth  = MB/s · 1e6 / (entry bytes · write amplification)
 *   leader NIC      = Gbit/s · 1e9 / 8 / ((n − 1) · entry bytes + response bytes)   [every entry goes to n − 1 followers]
 *   follower apply  = the (q − 1)-th best follower's min(CPU, disk) — commit needs q − 1 followers to keep up
 * Defaults: `assumptions.ts` (CPU costs calibrated on etcd op-guide/performance).
 */
export function writeCapacities(input: ThroughputInput): { perS: Record<WriteBottleneck, number>; max: number; bottleneck: WriteBottleneck } {
  const a = input.assumptions;
  const cores = (m: MemberCapacity) => Math.min(m.cores, a.etcdMaxCores);
  const n = input.followers.length + 1;
  const bytes = entryBytes(input);
  const leaderDisk = diskWritesPerS(input.leader, bytes, a);
  const followerCaps = input.followers.map((f) => {
    const d = diskWritesPerS(f, bytes, a);
    return Math.min((a.usableCpuFraction * cores(f) * 1e6) / a.followerCpuUsPerWrite, d.bandwidth, d.fsync);
  }).sort((x, y) => y - x);
  const k = quorumSize(n) - 1;
  const perS: Record<WriteBottleneck, number> = {
    'leader-cpu': (a.usableCpuFraction * cores(input.leader) * 1e6) / (a.leaderCpuUsPerWrite + a.leaderCpuUsPerFollower * (n - 1)),
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
export function readCapacity(input: ThroughputInput, consistency: 'linearizable' | 'serializable', target: 'leader' | 'all'):
  { max: number; bottleneck: ReadBottleneck } {
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
  /** Mean latency, ms; Infinity when an open loop is offered more than the maximum. */
  latencyMs: number;
}

/**
 * Closed loop (C clients, each waiting for its answer), by Little's law with batching: latency
 * stays at the unloaded L₀ while C / L₀ is below the maximum X; after that throughput is X and
 * latency C / X. X(C) = min(C / L₀, X), L(C) = max(L₀, C / X). Example: L₀ = 1.6 ms, C = 1 gives
 * 1000 / 1.6 = 625 writes/s.
 */
export function closedLoop(maxPerS: number, baseLatencyMs: number, concurrency: readonly number[]): LoadPoint[] {
  return concurrency.map((c) => {
    const perS = Math.min((c * 1000) / baseLatencyMs, maxPerS);
    return { x: c, perS, latencyMs: Math.max(baseLatencyMs, (c * 1000) / maxPerS) };
  });
}

/**
 * Open loop (requests arrive at λ/s whatever the answers): the bottleneck is a single server with
 * deterministic service time s = 1 / X, so the wait is Pollaczek–Khinchine M/D/1:
 * L(λ) = L₀ + ρ · s / (2 (1 − ρ)), ρ = λ / X; at ρ ≥ 1 the queue grows without bound (Infinity).
 */
export function openLoop(maxPerS: number, baseLatencyMs: number, rates: readonly number[]): LoadPoint[] {
  return rates.map((rate) => {
    const rho = rate / maxPerS;
    const serviceMs = 1000 / maxPerS;
    return rho >= 1
      ? { x: rate, perS: maxPerS, latencyMs: Infinity }
      : { x: rate, perS: rate, latencyMs: baseLatencyMs + (rho * serviceMs) / (2 * (1 - rho)) };
  });
}

/** Clients in flight for the closed-loop curves. */
export const CONCURRENCY_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
