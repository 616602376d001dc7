import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drillMomentAt } from '../../../src/models/drills/drillMoment';
import type { DrillTimeline, TimelineEvent } from '../../../src/models/drills/timeline';

const ev = (atS: number, kind: TimelineEvent['kind']): TimelineEvent => ({ atS, kind, text: kind, timer: 'test' });
const marks = { downNodes: ['a', 'b'], degradedNodes: ['c'], downRacks: ['r1'] };
/** Rack r1 lost, as `drillTimeline` builds it for the reference plan with a repair at 2 h. */
const rackLoss: DrillTimeline = {
  events: [
    ev(0, 'failure'),
    ev(1, 'etcd-election'),
    ev(1.3, 'etcd-writes-resume'),
    ev(50, 'not-ready'),
    ev(50 + 300, 'eviction'),
    ev(50 + 300, 'rescheduled'),
    ev(600, 'rebuild-start'),
    ev(4000, 'rebuild-end'),
    ev(4000, 'redundancy-restored'),
    ev(7200, 'repair'),
  ],
  endS: 7200,
};

/** Where each field stands in its one-way order; a later instant never has a smaller rank. */
const RANK = {
  nodeCondition: ['none-lost', 'unresponsive', 'not-ready', 'rejoined'],
  etcdWrites: ['electing', 'stopped', 'flowing'],
  storage: [null, 'waiting', 'rebuilding', 'repaired', 'restored'],
} as const;

describe('drillMomentAt', () => {
  it('drillMomentAt(rack loss, marks, t) walks through the failure: unresponsive, electing, NotReady, rescheduled, rebuilding, restored, repaired', () => {
    const at = (t: number) => drillMomentAt(rackLoss, marks, t);
    expect(at(0)).toMatchObject({
      passed: 1,
      repaired: false,
      nodeCondition: 'unresponsive',
      etcdWrites: 'electing',
      pods: 'on-lost-nodes',
      storage: 'waiting',
      downNodes: ['a', 'b'],
      recoveredNodes: [],
    });
    expect(at(1.3)).toMatchObject({ passed: 3, etcdWrites: 'flowing' });
    expect(at(50)).toMatchObject({ nodeCondition: 'not-ready', pods: 'on-lost-nodes' });
    expect(at(350)).toMatchObject({ passed: 6, pods: 'rescheduled' });
    expect(at(600)).toMatchObject({ storage: 'rebuilding' });
    expect(at(4000)).toMatchObject({ storage: 'restored' });
    expect(at(7200)).toMatchObject({
      passed: 10,
      repaired: true,
      nodeCondition: 'rejoined',
      downNodes: [],
      degradedNodes: [],
      downRacks: [],
      recoveredNodes: ['a', 'b', 'c'],
      recoveredRacks: ['r1'],
      pods: 'rescheduled',
    });
  });

  it('drillMomentAt(quorum lost) keeps writes stopped until the repair; Pending pods start again on the returned nodes', () => {
    const t: DrillTimeline = { events: [ev(0, 'failure'), ev(0, 'etcd-writes-stop'), ev(40, 'not-ready'), ev(340, 'pending'), ev(900, 'repair')], endS: 900 };
    expect(drillMomentAt(t, marks, 899)).toMatchObject({ etcdWrites: 'stopped', pods: 'pending' });
    expect(drillMomentAt(t, marks, 900)).toMatchObject({ etcdWrites: 'flowing', pods: 'running', storage: null });
  });

  it('drillMomentAt(timeline, marks, -5 or NaN) reads as t = 0', () => {
    expect(drillMomentAt(rackLoss, marks, -5).tS).toBe(0);
    expect(drillMomentAt(rackLoss, marks, Number.NaN).tS).toBe(0);
  });

  const timelineArb = fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 100_000 }).map((ms) => ms / 10),
        fc.constantFrom<TimelineEvent['kind']>(
          'etcd-election',
          'etcd-writes-resume',
          'etcd-writes-stop',
          'not-ready',
          'eviction',
          'rescheduled',
          'pending',
          'rebuild-start',
          'rebuild-end',
          'redundancy-restored',
          'repair',
        ),
      ),
      { maxLength: 10 },
    )
    .map((xs): DrillTimeline => {
      const events = [ev(0, 'failure'), ...xs.map(([t, k]) => ev(t, k))].sort((a, b) => a.atS - b.atS);
      return { events, endS: events.at(-1)!.atS };
    });

  it('the state at t is constant between two consecutive event times (the moment only changes at an event)', () => {
    fc.assert(
      fc.property(timelineArb, fc.double({ min: 0, max: 1, noNaN: true }), (timeline, u) => {
        const times = [...new Set(timeline.events.map((e) => e.atS)), timeline.endS + 100].sort((a, b) => a - b);
        for (let i = 0; i + 1 < times.length; i++) {
          const a = drillMomentAt(timeline, marks, times[i]);
          const b = drillMomentAt(timeline, marks, times[i] + u * (times[i + 1] - times[i]) * 0.999);
          expect({ ...b, tS: 0 }).toEqual({ ...a, tS: 0 });
        }
      }),
    );
  });

  it("every field moves only forward in time (events passed, repaired, node condition, storage) for timelines in drillTimeline's order", () => {
    fc.assert(
      fc.property(timelineArb, fc.array(fc.double({ min: 0, max: 2e5, noNaN: true }), { minLength: 2, maxLength: 6 }), (timeline, ts) => {
        const ms = ts.sort((a, b) => a - b).map((t) => drillMomentAt(timeline, marks, t));
        for (let i = 1; i < ms.length; i++) {
          expect(ms[i].passed).toBeGreaterThanOrEqual(ms[i - 1].passed);
          expect(Number(ms[i].repaired)).toBeGreaterThanOrEqual(Number(ms[i - 1].repaired));
          expect(RANK.nodeCondition.indexOf(ms[i].nodeCondition)).toBeGreaterThanOrEqual(RANK.nodeCondition.indexOf(ms[i - 1].nodeCondition));
          if (ms[i - 1].repaired) expect(ms[i].downNodes).toEqual([]);
        }
      }),
    );
  });
});
