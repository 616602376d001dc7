/** The SIG scalability SLO for mutating single-object API calls: p99 ≤ 1 s. */
export const MUTATING_API_SLO_MS = 1000;

export interface ApiLatency {
  /** ms; null when a queue grows without bound (utilisation at or over 1) or quorum is lost: unbounded. */
  p50Ms: number | null;
  p99Ms: number | null;
  sloMs: number;
  meetsSlo: boolean;
  /** Share of the p99 spent in etcd. */
  etcdShare: number;
}

export interface ApiLatencyInput {
  /** etcd write latency without load, ms (from `commitLatency`). */
  etcdWriteP50Ms: number;
  etcdWriteP99Ms: number;
  /** Utilisation of etcd's bottleneck at the plan's load (0..1+). */
  etcdUtilisation: number;
  /** kube-apiserver processing besides etcd, ms (assumptions). */
  apiServerP50Ms: number;
  apiServerP99Ms: number;
  /** CPU utilisation of one kube-apiserver (0..1+). */
  apiServerUtilisation: number;
}

/**
 * Predicted latency of a mutating API call: API server processing plus one etcd transaction,
 * each stretched by its queue, t / (1 − ρ) (the M/M/1 response-time factor):
 *   p99 = apiP99 / (1 − ρ_api) + etcdP99 / (1 − ρ_etcd),  p50 likewise.
 * Adding two p99s is an upper bound on the p99 of the sum (exact when the two are perfectly
 * correlated), the conservative side for a purchase. At ρ ≥ 1 a queue grows without bound and
 * the latency is unbounded (null). SLO: SIG scalability, mutating calls p99 ≤ 1 s.
 */
export function mutatingApiLatency(input: ApiLatencyInput): ApiLatency {
  if (!(input.apiServerUtilisation < 1 && input.etcdUtilisation < 1)) {
    return { p50Ms: null, p99Ms: null, sloMs: MUTATING_API_SLO_MS, meetsSlo: false, etcdShare: 1 };
  }
  const api = 1 / (1 - Math.max(0, input.apiServerUtilisation));
  const etcd = 1 / (1 - Math.max(0, input.etcdUtilisation));
  const etcdP99 = input.etcdWriteP99Ms * etcd;
  const p99Ms = input.apiServerP99Ms * api + etcdP99;
  return {
    p50Ms: input.apiServerP50Ms * api + input.etcdWriteP50Ms * etcd,
    p99Ms,
    sloMs: MUTATING_API_SLO_MS,
    meetsSlo: p99Ms <= MUTATING_API_SLO_MS,
    etcdShare: p99Ms > 0 ? etcdP99 / p99Ms : 1,
  };
}
