export interface TimerWarning {
  rule: string;
  message: string;
}

export interface TimerAdvice {
  heartbeatMs: number;
  electionTimeoutMs: number;
  /** Largest RTT between two members (class value, ms) and with jitter at its p99. */
  maxRttMs: number;
  recommendedHeartbeatMs: number;
  recommendedElectionTimeoutMs: number;
  warnings: TimerWarning[];
  /** Writes blocked after the leader is lost, ms: shortest, expected and longest. */
  leaderLossUnavailableMs: { min: number; expected: number; max: number };
}

const ceilTo = (x: number, step: number) => Math.ceil(x / step) * step;

/**
 * etcd timer advice from the measured member RTTs (etcd tuning guide; src/models/README.md, Sources: etcd tuning):
 * heartbeat ≈ 0.5–1.5 x the largest RTT (never below the 100 ms default, which costs nothing on a
 * LAN); election timeout ≥ 10 x RTT and ≥ 5 x heartbeat (default 1000 ms), at most 50 s.
 * Recommendations: heartbeat = max(100, ⌈1.5 · RTT⌉₁₀), election = max(1000, ⌈10 · RTT⌉₁₀₀, 5 · heartbeat).
 *
 * Write unavailability after a leader loss (etcd op-guide/failures: about an election timeout):
 * each follower's election timer is drawn uniformly from [T, 2T) (etcd-io/raft,
 * `resetRandomizedElectionTimeout`) and was last reset by a heartbeat up to h ms before the loss;
 * the first of the s = n − 1 survivors to fire starts the election, and one RTT of votes elects it:
 * min = T − h + RTT, expected = T + T / (s + 1) − h / 2 + RTT, max = 2T + RTT.
 */
export function timerAdvice(heartbeatMs: number, electionTimeoutMs: number, maxRttMs: number, members: number): TimerAdvice {
  const warnings: TimerWarning[] = [];
  if (heartbeatMs < 0.5 * maxRttMs) {
    warnings.push({ rule: 'heartbeat ≥ 0.5 x RTT', message: `heartbeat ${heartbeatMs} ms is below half the largest member RTT (${round(maxRttMs)} ms): heartbeats arrive late and followers start needless elections` });
  }
  if (electionTimeoutMs < 10 * maxRttMs) {
    warnings.push({ rule: 'election ≥ 10 x RTT', message: `election timeout ${electionTimeoutMs} ms is below 10 x the largest RTT (${round(10 * maxRttMs)} ms)` });
  }
  if (electionTimeoutMs < 5 * heartbeatMs) {
    warnings.push({ rule: 'election ≥ 5 x heartbeat', message: `election timeout ${electionTimeoutMs} ms is below 5 x the heartbeat (${5 * heartbeatMs} ms): one lost heartbeat can trigger an election` });
  }
  if (electionTimeoutMs > 50_000) {
    warnings.push({ rule: 'election ≤ 50 s', message: `election timeout ${electionTimeoutMs} ms is above etcd's 50 s maximum` });
  }
  if (heartbeatMs < 10) {
    warnings.push({ rule: 'heartbeat cost', message: `heartbeat ${heartbeatMs} ms sends ${Math.round(1000 / heartbeatMs)} heartbeats/s to every follower; it buys nothing on a LAN and costs CPU and network` });
  }
  const recommendedHeartbeatMs = Math.max(100, ceilTo(1.5 * maxRttMs, 10));
  const recommendedElectionTimeoutMs = Math.min(50_000, Math.max(1000, ceilTo(10 * maxRttMs, 100), 5 * recommendedHeartbeatMs));
  const survivors = Math.max(1, members - 1);
  const T = electionTimeoutMs;
  return {
    heartbeatMs, electionTimeoutMs, maxRttMs, recommendedHeartbeatMs, recommendedElectionTimeoutMs, warnings,
    leaderLossUnavailableMs: {
      min: Math.max(0, T - heartbeatMs) + maxRttMs,
      expected: T + T / (survivors + 1) - heartbeatMs / 2 + maxRttMs,
      max: 2 * T + maxRttMs,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
