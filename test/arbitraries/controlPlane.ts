/**
 * fast-check arbitraries for the control-plane models, plus small builders for hand-worked cases.
 *
 *   memberLayoutArb      1-7 etcd members placed over racks, rows, rooms and sites, each cabled to
 *                        one or two switches and fed from one or two feeds (feeds may share a circuit).
 *   latencyInputArb      a commit-latency input: 1-7 members, fsync lognormals (with or without IOPS floors),
 *                        a symmetric RTT matrix, leader CPU and message costs or none, writes spread or to the leader.
 *   throughputInputArb   a throughput input: leader and followers with cores, NIC, disk.
 *   member(...)          one hand-made member for unit tests.
 */
import fc from 'fast-check';
import type { NodePlace } from '../../src/models/topology';
import type { EtcdMember } from '../../src/models/controlPlane/members';
import type { CommitLatencyInput } from '../../src/models/controlPlane/commitLatency';
import type { MemberCapacity, ThroughputInput } from '../../src/models/controlPlane/throughput';
import { DEFAULT_CP_ASSUMPTIONS } from '../../src/models/controlPlane/assumptions';
import { diskSpec } from '../../src/plan/diskClasses';

export interface MemberSpec {
  name: string;
  rack: string;
  row?: string;
  room?: string;
  site?: string;
  /** Switches the node is cabled to and how many the rack has. */
  tors?: ('A' | 'B')[];
  rackTors?: 1 | 2;
  /** Feeds the node draws from, and the circuit each rack feed hangs off (undefined: its own). */
  feeds?: ('A' | 'B')[];
  circuits?: { A?: string; B?: string };
}

/** A hand-made etcd member: only the fields the control-plane models read are real. */
export function member(spec: MemberSpec): EtcdMember {
  const row = spec.row ?? 'row-1';
  const room = spec.room ?? 'room-1';
  const site = spec.site ?? 'site-1';
  const feeds = (['A', 'B'] as const).map((id) => ({ id, capacityW: 8000, circuit: spec.circuits?.[id] }));
  const place = {
    node: { id: spec.name, name: spec.name, tors: spec.tors ?? ['A'], feeds: spec.feeds ?? ['A'] },
    rack: { id: spec.rack, name: spec.rack, tor: { count: spec.rackTors ?? 2 }, feeds },
    row: { id: row, name: row },
    room: { id: room, name: room },
    site: { id: site, name: site },
  } as unknown as NodePlace;
  return {
    id: spec.name,
    name: spec.name,
    place,
    diskClass: 'nvme-enterprise',
    disk: diskSpec({ class: 'nvme-enterprise' }),
    fsyncMedianMs: 0.04,
    fsyncSigma: 0.5,
  };
}

const feedSetArb = fc.constantFrom<('A' | 'B')[]>(['A'], ['B'], ['A', 'B']);

export const memberSpecsArb: fc.Arbitrary<MemberSpec[]> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .array(
      fc.record({
        rack: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
        row: fc.constantFrom('row-1', 'row-2', 'row-3'),
        room: fc.constantFrom('room-1', 'room-2'),
        site: fc.constantFrom('site-1', 'site-2'),
        tors: feedSetArb,
        feeds: feedSetArb,
        circuitA: fc.option(fc.constantFrom('pdu-1', 'pdu-2'), { nil: undefined }),
      }),
      { minLength: n, maxLength: n },
    )
    .map((rows) => {
      // A rack lives in one row, room and site, and has one set of feed circuits: take the first member's.
      const home = new Map<string, (typeof rows)[number]>();
      for (const r of rows) if (!home.has(r.rack)) home.set(r.rack, r);
      return rows.map((r, i): MemberSpec => {
        const h = home.get(r.rack)!;
        return {
          name: `cp-${i + 1}`,
          rack: r.rack,
          row: h.row,
          room: h.room,
          site: h.site,
          tors: r.tors,
          rackTors: 2,
          feeds: r.feeds,
          circuits: { A: h.circuitA },
        };
      });
    }),
);

export const memberLayoutArb: fc.Arbitrary<EtcdMember[]> = memberSpecsArb.map((specs) => specs.map(member));

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

export const latencyInputArb: fc.Arbitrary<CommitLatencyInput> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .record({
      fsyncMedianMs: fc.array(positive(0.01, 20), { minLength: n, maxLength: n }),
      fsyncSigma: fc.array(positive(0, 1.2), { minLength: n, maxLength: n }),
      upper: fc.array(positive(0, 50), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
      // IOPS floors (a throttled volume, an HDD: often above the median), leader CPU and message costs, or none.
      fsyncFloorMs: fc.option(fc.array(positive(0, 15), { minLength: n, maxLength: n }), { nil: undefined }),
      leaderCpuMs: fc.option(fc.array(positive(0, 0.5), { minLength: n, maxLength: n }), { nil: undefined }),
      messageMs: fc.option(fc.array(positive(0, 0.1), { minLength: n, maxLength: n }), { nil: undefined }),
      origin: fc.constantFrom<'spread' | 'leader'>('spread', 'leader'),
    })
    .map(({ fsyncMedianMs, fsyncSigma, upper, fsyncFloorMs, leaderCpuMs, messageMs, origin }): CommitLatencyInput => {
      const rttMs = new Float64Array(n * n);
      let k = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          rttMs[i * n + j] = upper[k];
          rttMs[j * n + i] = upper[k];
          k++;
        }
      return {
        names: Array.from({ length: n }, (_, i) => `cp-${i + 1}`),
        fsyncMedianMs,
        fsyncSigma,
        rttMs,
        fsyncFloorMs,
        leaderCpuMs,
        messageMs,
        applyMs: 0.05,
        rttJitterSigma: 0.1,
        origin,
      };
    }),
);

export const memberCapacityArb: fc.Arbitrary<MemberCapacity> = fc.record({
  cores: positive(0.5, 64),
  nicGbps: positive(0.1, 400),
  diskSeqWriteMBps: positive(50, 7000),
  diskIops: positive(100, 1e6),
  fsyncMeanMs: positive(0.02, 60),
});

export const throughputInputArb: fc.Arbitrary<ThroughputInput> = fc
  .record({
    leader: memberCapacityArb,
    followers: fc.array(memberCapacityArb, { minLength: 0, maxLength: 6 }),
    keyBytes: positive(1, 1000),
    valueBytes: positive(1, 1_500_000),
  })
  .map((r) => ({ ...r, assumptions: DEFAULT_CP_ASSUMPTIONS }));
