import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CP_ASSUMPTIONS as A } from '../../../src/models/controlPlane/assumptions';
import {
  closedLoop,
  loadedLatencyMs,
  openLoop,
  readCapacity,
  tailAtLoad,
  writeCapacities,
  type MemberCapacity,
  type ThroughputInput,
} from '../../../src/models/controlPlane/throughput';
import { throughputInputArb } from '../../arbitraries/controlPlane';

const box: MemberCapacity = { cores: 8, nicGbps: 25, diskSeqWriteMBps: 3000, diskIops: 200_000, fsyncMeanMs: 0.05 };
const cluster = (leader: MemberCapacity, followers: number, bytes = { keyBytes: 8, valueBytes: 256 }): ThroughputInput => ({
  leader,
  followers: Array.from({ length: followers }, () => box),
  ...bytes,
  assumptions: A,
});

describe('throughput', () => {
  it('writeCapacities(3 x 8 cores) is leader-CPU bound at 8e6 / (180 + 2 followers x 2 x 40 µs / 3500 per batch) writes/s', () => {
    const w = writeCapacities(cluster(box, 2));
    expect(w.bottleneck).toBe('leader-cpu');
    expect(w.max).toBeCloseTo(8e6 / (180 + (2 * 2 * 40) / 3500), 6);
  });

  it('writeCapacities: 3 members are within 0.1 % of 1 member on the same CPU (messages are batched)', () => {
    const one = writeCapacities(cluster(box, 0)).perS['leader-cpu'];
    const three = writeCapacities(cluster(box, 2)).perS['leader-cpu'];
    expect(three / one).toBeGreaterThan(0.999);
    expect(three).toBeLessThanOrEqual(one);
  });

  it('writeCapacities on a 3000-IOPS volume with 1 ms fsync: fsyncs/s = min(1000 / 1, 3000 / 2) x 3500 per batch', () => {
    const w = writeCapacities(cluster({ ...box, diskIops: 3000, fsyncMeanMs: 1 }, 2));
    expect(w.perS['wal-fsync']).toBeCloseTo(Math.min(1000 / 1, 3000 / 2) * 3500, 6);
    const throttled = writeCapacities(cluster({ ...box, diskIops: 1000, fsyncMeanMs: 1 }, 2));
    expect(throttled.perS['wal-fsync']).toBeCloseTo((1000 / 2) * 3500, 6);
  });

  it('writeCapacities with a 1 Gbit/s leader NIC and 8 KB values is NIC bound: 1e9 / 8 / (2 x (60 + 8000 + 100) + 100)', () => {
    const w = writeCapacities(cluster({ ...box, nicGbps: 1 }, 2, { keyBytes: 60, valueBytes: 8000 }));
    expect(w.bottleneck).toBe('leader-nic');
    expect(w.max).toBeCloseTo(1e9 / 8 / (2 * (60 + 8000 + 100) + 100), 6);
  });

  it('writeCapacities on an HDD leader with 1 MB values is disk-bandwidth bound: 200e6 / ((8 + 1e6 + 100) x 2.5)', () => {
    const w = writeCapacities(cluster({ ...box, nicGbps: 100, diskSeqWriteMBps: 200, diskIops: 180, fsyncMeanMs: 13 }, 2, { keyBytes: 8, valueBytes: 1e6 }));
    expect(w.bottleneck).toBe('disk-bandwidth');
    expect(w.max).toBeCloseTo(200e6 / ((8 + 1e6 + 100) * 2.5), 6);
  });

  it('writeCapacities with slow followers is follower-apply bound: 1 core / (90 + 2 x 40 / 3500) µs', () => {
    const slow = { ...box, cores: 1 };
    const w = writeCapacities({ leader: box, followers: [slow, slow], keyBytes: 8, valueBytes: 256, assumptions: A });
    expect(w.bottleneck).toBe('follower-apply');
    expect(w.max).toBeCloseTo(1e6 / (90 + (2 * 40) / 3500), 6);
  });

  it('writeCapacities(1 member) has no follower or NIC limit from replication', () => {
    const w = writeCapacities(cluster(box, 0));
    expect(w.perS['follower-apply']).toBe(Infinity);
    expect(w.perS['leader-cpu']).toBeCloseTo(8e6 / 180, 6);
  });

  it('readCapacity(3 x 8 cores, serializable, all) is 3 x 8e6 / 129 reads/s; linearizable adds 40 µs', () => {
    const input = cluster(box, 2);
    expect(readCapacity(input, 'serializable', 'all').max).toBeCloseTo((3 * 8e6) / 129, 6);
    expect(readCapacity(input, 'linearizable', 'all').max).toBeCloseTo((3 * 8e6) / (129 + 40), 6);
    expect(readCapacity(input, 'linearizable', 'leader').max).toBeCloseTo(8e6 / (129 + 40), 6);
  });

  it('closedLoop({max, 1.6 ms}, [1, 1000]) follows Little: about 1000 / 1.6 per s at one client, latency about 1000 / max s at 1000', () => {
    const [one, many] = closedLoop({ maxPerS: 44_444, baseLatencyMs: 1.6, fsyncMs: 0 }, [1, 1000]);
    expect(one.perS).toBeCloseTo(1000 / 1.6, 0);
    expect(one.latencyMs!).toBeGreaterThanOrEqual(1.6);
    expect(many.perS).toBeLessThan(44_444);
    expect(many.perS / 44_444).toBeGreaterThan(0.99);
    expect(many.latencyMs!).toBeCloseTo((1000 * 1000) / many.perS, 9);
  });

  it('closedLoop on a slow disk (fsync 9 ms, L₀ 10 ms): 10 clients share fsyncs, so throughput grows ~6.5x, and latency rises above L₀', () => {
    const service = { maxPerS: 180 * 3500, baseLatencyMs: 10, fsyncMs: 9 };
    const [one, ten] = closedLoop(service, [1, 10]);
    expect(one.perS).toBeCloseTo(100, 0);
    // 10 clients: X · (10 + 0.9 · min(1, 0.009 X) · 4.5) = 10 000 ms, i.e. X ≈ 10 000 / 14.05.
    expect(ten.perS).toBeCloseTo(10_000 / (10 + 0.9 * 4.5), -1);
    expect(ten.latencyMs!).toBeGreaterThan(10);
  });

  it('openLoop({1000/s, 1 ms}, [500, 1000]) adds the M/D/1 wait ρ·s / (2(1 − ρ)); at ρ = 1 the latency is unbounded (null)', () => {
    const [half, full] = openLoop({ maxPerS: 1000, baseLatencyMs: 1, fsyncMs: 0 }, [500, 1000]);
    expect(half.latencyMs).toBeCloseTo(1 + (0.5 * 1) / (2 * (1 - 0.5)), 12);
    expect(full.latencyMs).toBeNull();
  });

  it('loadedLatencyMs adds the fsync residual u · F / 2 with u = min(1, X F): 100/s on a 2 ms fsync waits 0.2 x 1 ms', () => {
    const service = { maxPerS: 1e9, baseLatencyMs: 3, fsyncMs: 2 };
    expect(loadedLatencyMs(service, 100)).toBeCloseTo(3 + 0.2 * 1, 6);
  });

  it('tailAtLoad at no load is the unloaded quantiles; at ρ = 0.9 the M/M/1 p99 wait is s ln(0.9 / 0.01) / 0.1', () => {
    const service = { maxPerS: 1000, baseLatencyMs: 1, fsyncMs: 0 };
    expect(tailAtLoad(service, { p50: 1, p99: 2 }, 0)).toMatchObject({ p50Ms: 1, p99Ms: 2 });
    const busy = tailAtLoad(service, { p50: 1, p99: 2 }, 900);
    expect(busy.p99Ms!).toBeCloseTo(2 + (1 * Math.log(0.9 / 0.01)) / 0.1, 9);
    expect(busy.p50Ms!).toBeCloseTo(1 + (1 * Math.log(0.9 / 0.5)) / 0.1, 9);
    expect(tailAtLoad(service, { p50: 1, p99: 2 }, 1000).p99Ms).toBeNull();
  });

  it('tailAtLoad p50 and p99 never fall as the load or the fsync time grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (max, fsync, f1, f2) => {
          const [lo, hi] = [Math.min(f1, f2), Math.max(f1, f2)];
          const s = { maxPerS: max, baseLatencyMs: 1, fsyncMs: fsync };
          const a = tailAtLoad(s, { p50: 1, p99: 2 }, lo * max);
          const b = tailAtLoad(s, { p50: 1, p99: 2 }, hi * max);
          if (b.p99Ms !== null && a.p99Ms !== null) {
            expect(b.p99Ms).toBeGreaterThanOrEqual(a.p99Ms - 1e-9);
            expect(b.p50Ms!).toBeGreaterThanOrEqual(a.p50Ms! - 1e-9);
          }
          const slower = tailAtLoad({ ...s, fsyncMs: fsync * 1.5 + 0.01 }, { p50: 1, p99: 2 }, lo * max);
          if (a.p99Ms !== null && slower.p99Ms !== null) expect(slower.p99Ms).toBeGreaterThanOrEqual(a.p99Ms - 1e-9);
        },
      ),
    );
  });

  it('throughput never rises when the leader NIC shrinks', () => {
    fc.assert(
      fc.property(throughputInputArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (input, shrink) => {
        const smaller = { ...input, leader: { ...input.leader, nicGbps: input.leader.nicGbps * shrink } };
        expect(writeCapacities(smaller).max).toBeLessThanOrEqual(writeCapacities(input).max);
      }),
    );
  });

  it('throughput never rises with more members on the same hardware', () => {
    fc.assert(
      fc.property(throughputInputArb, fc.integer({ min: 0, max: 5 }), (input, n) => {
        const same = (k: number) => ({ ...input, followers: Array.from({ length: k }, () => input.leader) });
        expect(writeCapacities(same(n + 1)).max).toBeLessThanOrEqual(writeCapacities(same(n)).max * (1 + 1e-12));
      }),
    );
  });

  it('closed-loop throughput never falls with more clients and never passes the maximum', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (max, base, fsyncMs) => {
          const pts = closedLoop({ maxPerS: max, baseLatencyMs: base, fsyncMs }, [1, 2, 5, 10, 100, 1000, 10_000]);
          for (let i = 1; i < pts.length; i++) {
            expect(pts[i].perS).toBeGreaterThanOrEqual(pts[i - 1].perS * (1 - 1e-4));
            // Latency under load is never below the unloaded latency, and never falls as clients are added (to the bisection's precision near saturation).
            expect(pts[i].latencyMs!).toBeGreaterThanOrEqual(pts[i - 1].latencyMs! * (1 - 1e-4));
          }
          for (const p of pts) {
            expect(p.perS).toBeLessThanOrEqual(max);
            expect(p.latencyMs!).toBeGreaterThanOrEqual(base * (1 - 1e-6));
          }
        },
      ),
    );
  });
});
