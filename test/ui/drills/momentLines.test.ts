import { describe, expect, it } from 'vitest';
import { drillMomentAt } from '../../../src/models/drills/drillMoment';
import type { DrillTimeline, TimelineEvent } from '../../../src/models/drills/timeline';
import { momentLines } from '../../../src/ui/drills/momentLines';

const ev = (atS: number, kind: TimelineEvent['kind']): TimelineEvent => ({ atS, kind, text: kind, timer: '' });
const timeline: DrillTimeline = {
  events: [ev(0, 'failure'), ev(1, 'etcd-election'), ev(1.3, 'etcd-writes-resume'), ev(50, 'not-ready'), ev(120, 'repair')],
  endS: 120,
};
const marks = { downNodes: ['a', 'b', 'c', 'd'], degradedNodes: [], downRacks: ['r1'] };
const lines = (t: number) => momentLines(drillMomentAt(timeline, marks, t), timeline, 4, (s) => `${s} s`).map((l) => `${l.ok ? 'ok' : 'bad'} ${l.text}`);

describe('momentLines', () => {
  it('momentLines(t = 0) names the next step of each: NotReady at 50 s, writes resume at 1.3 s, no eviction before the repair', () => {
    expect(lines(0)).toEqual([
      'bad 4 lost nodes still show Ready; NotReady at t = 50 s',
      'bad etcd writes paused for a leader election; resume at t = 1.3 s',
      'bad pods on the lost nodes not running and not evicted before the repair',
    ]);
  });

  it('momentLines(after the repair) says the nodes are back and when', () => {
    expect(lines(120)).toEqual(['ok 4 lost nodes repaired and Ready again', 'ok etcd writes flowing', 'ok failed components repaired at t = 120 s']);
  });
});
