import { describe, expect, it } from 'vitest';
import { mutatingApiLatency } from '../../../src/models/controlPlane/apiLatency';
import { timerAdvice } from '../../../src/models/controlPlane/timers';

describe('mutatingApiLatency', () => {
  it('mutatingApiLatency stretches each stage by 1 / (1 − ρ): 25 / (1 − 0.5) + 2 / (1 − 0.2)', () => {
    const r = mutatingApiLatency({
      etcdWriteP50Ms: 0.5,
      etcdWriteP99Ms: 2,
      etcdUtilisation: 0.2,
      apiServerP50Ms: 3,
      apiServerP99Ms: 25,
      apiServerUtilisation: 0.5,
    });
    expect(r.p99Ms).toBeCloseTo(25 / (1 - 0.5) + 2 / (1 - 0.2), 12);
    expect(r.p50Ms).toBeCloseTo(3 / (1 - 0.5) + 0.5 / (1 - 0.2), 12);
    expect(r.meetsSlo).toBe(true);
    expect(r.etcdShare).toBeCloseTo(2.5 / 52.5, 12);
  });

  it('mutatingApiLatency at a saturated etcd breaks the 1 s SLO and its latency is unbounded (null, never Infinity)', () => {
    const r = mutatingApiLatency({
      etcdWriteP50Ms: 0.5,
      etcdWriteP99Ms: 2,
      etcdUtilisation: 1,
      apiServerP50Ms: 3,
      apiServerP99Ms: 25,
      apiServerUtilisation: 0,
    });
    expect(r.p99Ms).toBeNull();
    expect(r.p50Ms).toBeNull();
    expect(r.meetsSlo).toBe(false);
  });
});

describe('timerAdvice', () => {
  it('timerAdvice(100, 1000, 0.2 ms, 3) keeps the defaults and blocks writes ~1000 + 1000 / 3 − 50 ms after a leader loss', () => {
    const t = timerAdvice(100, 1000, 0.2, 3);
    expect(t.findings).toEqual([]);
    expect(t.recommendedHeartbeatMs).toBe(100);
    expect(t.recommendedElectionTimeoutMs).toBe(1000);
    expect(t.leaderLossUnavailableMs.expected).toBeCloseTo(1000 + 1000 / 3 - 100 / 2 + 0.2, 9);
    expect(t.leaderLossUnavailableMs.min).toBeCloseTo(1000 - 100 + 0.2, 9);
    expect(t.leaderLossUnavailableMs.max).toBeCloseTo(2 * 1000 + 0.2, 9);
  });

  it('timerAdvice(100, 1000, 150 ms, 3) recommends heartbeat ⌈1.5 x 150⌉ = 230 and election max(10 x 150, 5 x 230) = 1500', () => {
    const t = timerAdvice(100, 1000, 150, 3);
    expect(t.recommendedHeartbeatMs).toBe(230);
    expect(t.recommendedElectionTimeoutMs).toBe(1500);
    expect(t.findings.map((w) => w.ruleId)).toEqual(['ETCD-TIMER-ELECTION-RTT']);
  });

  it('timerAdvice(10, 40, 0.2 ms, 2) warns that the election timeout is below 5 x heartbeat', () => {
    const t = timerAdvice(10, 40, 0.2, 2);
    expect(t.findings.map((w) => w.ruleId)).toContain('ETCD-TIMER-ELECTION-HEARTBEAT');
  });
});
