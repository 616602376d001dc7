import type { Finding } from '../finding';

/** Where the timer rules come from: etcd's tuning guide (time parameters). */
export const ETCD_TUNING_SOURCE =
  'etcd tuning guide, "Time parameters": heartbeat about the round-trip time between members (0.5-1.5 x), election timeout at least 10 x the RTT and 5 x the heartbeat, at most 50 s (https://etcd.io/docs/v3.5/tuning/)';

export interface TimerAdvice {
  heartbeatMs: number;
  electionTimeoutMs: number;
  /** Largest RTT between two members (class value, ms) and with jitter at its p99. */
  maxRttMs: number;
  recommendedHeartbeatMs: number;
  recommendedElectionTimeoutMs: number;
  /** Timer settings that break etcd's tuning rules (ruleIds `ETCD-TIMER-*`). */
  findings: Finding[];
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
  const findings: Finding[] = [];
  const rtt = round(maxRttMs);
  const timer = (ruleId: string, severity: Finding['severity'], message: string, why: string, figure: Finding['figure']) =>
    findings.push({
      ruleId,
      severity,
      message,
      why,
      figure,
      source: ETCD_TUNING_SOURCE,
      subjects: { settings: ['cluster.etcd.heartbeatMs', 'cluster.etcd.electionTimeoutMs'] },
    });
  if (heartbeatMs < 0.5 * maxRttMs) {
    timer(
      'ETCD-TIMER-HEARTBEAT-RTT',
      'warning',
      `etcd heartbeat ${heartbeatMs} ms is below half the largest member RTT (${rtt} ms)`,
      'heartbeats arrive late and followers start needless elections',
      { label: 'largest member RTT (p99)', value: rtt, unit: 'ms' },
    );
  }
  if (electionTimeoutMs < 10 * maxRttMs) {
    timer(
      'ETCD-TIMER-ELECTION-RTT',
      'warning',
      `etcd election timeout ${electionTimeoutMs} ms is below 10 x the largest member RTT (${round(10 * maxRttMs)} ms)`,
      'a few slow round trips look like a dead leader, so the cluster re-elects and blocks writes',
      { label: '10 x largest member RTT', value: round(10 * maxRttMs), unit: 'ms' },
    );
  }
  if (electionTimeoutMs < 5 * heartbeatMs) {
    timer(
      'ETCD-TIMER-ELECTION-HEARTBEAT',
      'error',
      `etcd election timeout ${electionTimeoutMs} ms is below 5 x the heartbeat (${5 * heartbeatMs} ms)`,
      'one lost or late heartbeat triggers an election, and every election blocks writes',
      { label: '5 x heartbeat', value: 5 * heartbeatMs, unit: 'ms' },
    );
  }
  if (electionTimeoutMs > 50_000) {
    timer('ETCD-TIMER-ELECTION-MAX', 'error', `etcd election timeout ${electionTimeoutMs} ms is above etcd's 50 s maximum`, 'etcd refuses to start with it', {
      label: 'election timeout',
      value: electionTimeoutMs,
      unit: 'ms',
    });
  }
  if (heartbeatMs < 10) {
    timer(
      'ETCD-TIMER-HEARTBEAT-COST',
      'warning',
      `etcd heartbeat ${heartbeatMs} ms sends ${Math.round(1000 / heartbeatMs)} heartbeats/s to every follower`,
      'a heartbeat this short buys nothing on a LAN and costs CPU and network on every member',
      { label: 'heartbeats per follower', value: Math.round(1000 / heartbeatMs), unit: '/s' },
    );
  }
  const recommendedHeartbeatMs = Math.max(100, ceilTo(1.5 * maxRttMs, 10));
  const recommendedElectionTimeoutMs = Math.min(50_000, Math.max(1000, ceilTo(10 * maxRttMs, 100), 5 * recommendedHeartbeatMs));
  const survivors = Math.max(1, members - 1);
  const T = electionTimeoutMs;
  return {
    heartbeatMs,
    electionTimeoutMs,
    maxRttMs,
    recommendedHeartbeatMs,
    recommendedElectionTimeoutMs,
    findings,
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
