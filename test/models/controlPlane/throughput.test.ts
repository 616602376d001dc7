import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CP_ASSUMPTIONS as A } from '../../../src/models/controlPlane/assumptions';
import { closedLoop, openLoop, readCapacity, writeCapacities, type MemberCapacity, type ThroughputInput } from '../../../src/models/controlPlane/throughput';
import { throughputInputArb } from '../../arbitraries/controlPlane';

const box: MemberCapacity = { cores: 8, nicGbps: 25, diskSeqWriteMBps: 3000, diskIops: 200_000, fsyncMeanMs: 0.05 };
const cluster = (leader: MemberCapacity, followers: number, bytes = { keyBytes: 8, valueBytes: 256 }): ThroughputInput => ({
  leader, followers: Array.from({ length: followers }, () => box), ...bytes, assumptions: A,
});

describe('throughput', () => {
  it('writeCapacities(3 x 8 cores) is leader-CPU bound at 8e6 / (140 + 2 x 20) writes/s', () => {
    const w = writeCapacities(cluster(box, 2));
    expect(w.bottleneck).toBe('leader-cpu');
    expect(w.max).toBeCloseTo(8e6 / (140 + 2 * 20), 6);
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

  it('writeCapacities with slow followers is follower-apply bound: 1 core / 90 µs', () => {
    const slow = { ...box, cores: 1 };
    const w = writeCapacities({ leader: box, followers: [slow, slow], keyBytes: 8, valueBytes: 256, assumptions: A });
    expect(w.bottleneck).toBe('follower-apply');
    expect(w.max).toBeCloseTo(1e6 / 90, 6);
  });

  it('writeCapacities(1 member) has no follower or NIC limit from replication', () => {
    const w = writeCapacities(cluster(box, 0));
    expect(w.perS['follower-apply']).toBe(Infinity);
    expect(w.perS['leader-cpu']).toBeCloseTo(8e6 / 140, 6);
  });

  it('readCapacity(3 x 8 cores, serializable, all) is 3 x 8e6 / 129 reads/s; linearizable adds 40 µs', () => {
    const input = cluster(box, 2);
    expect(readCapacity(input, 'serializable', 'all').max).toBeCloseTo((3 * 8e6) / 129, 6);
    expect(readCapacity(input, 'linearizable', 'all').max).toBeCloseTo((3 * 8e6) / (129 + 40), 6);
    expect(readCapacity(input, 'linearizable', 'leader').max).toBeCloseTo(8e6 / (129 + 40), 6);
  });

  it('closedLoop(max, 1.6 ms, [1, 1000]) follows Little: 1000 / 1.6 per s, then 1000 / max s', () => {
    const [one, many] = closedLoop(44_444, 1.6, [1, 1000]);
    expect(one.perS).toBeCloseTo(1000 / 1.6, 9);
    expect(one.latencyMs).toBe(1.6);
    expect(many.perS).toBe(44_444);
    expect(many.latencyMs).toBeCloseTo((1000 * 1000) / 44_444, 9);
  });

  it('openLoop(1000/s max, 1 ms, [500, 1000]) adds the M/D/1 wait ρ·s / (2(1 − ρ)), unbounded at ρ = 1', () => {
    const [half, full] = openLoop(1000, 1, [500, 1000]);
    expect(half.latencyMs).toBeCloseTo(1 + (0.5 * 1) / (2 * (1 - 0.5)), 12);
    expect(full.latencyMs).toBe(Infinity);
  });

  it('throughput never rises when the leader NIC shrinks', () => {
    fc.assert(fc.property(throughputInputArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (input, shrink) => {
      const smaller = { ...input, leader: { ...input.leader, nicGbps: input.leader.nicGbps * shrink } };
      expect(writeCapacities(smaller).max).toBeLessThanOrEqual(writeCapacities(input).max);
    }));
  });

  it('throughput never rises with more members on the same hardware', () => {
    fc.assert(fc.property(throughputInputArb, fc.integer({ min: 0, max: 5 }), (input, n) => {
      const same = (k: number) => ({ ...input, followers: Array.from({ length: k }, () => input.leader) });
      expect(writeCapacities(same(n + 1)).max).toBeLessThanOrEqual(writeCapacities(same(n)).max * (1 + 1e-12));
    }));
  });

  it('closed-loop throughput never falls with more clients and never passes the maximum', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (max, base) => {
      const pts = closedLoop(max, base, [1, 2, 5, 10, 100, 1000, 10_000]);
      for (let i = 1; i < pts.length; i++) expect(pts[i].perS).toBeGreaterThanOrEqual(pts[i - 1].perS);
      for (const p of pts) expect(p.perS).toBeLessThanOrEqual(max);
    }));
  });
});
