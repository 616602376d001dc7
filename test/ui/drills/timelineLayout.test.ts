import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventMarks, tickLabel, timeTicks, timelineScale } from '../../../src/ui/drills/timelineLayout';
import type { TimelineEvent } from '../../../src/models/drills/timeline';

const KINDS: TimelineEvent['kind'][] = [
  'failure',
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
];

describe('timeline layout', () => {
  it('timelineScale(3600, 600) keeps the first minute readable: 1 min sits past a third of the axis, 1 h at its end', () => {
    const x = timelineScale(3600, 600);
    expect(x(0)).toBe(0);
    expect(x(3600)).toBeCloseTo(600);
    expect(x(60)).toBeGreaterThan(600 / 3);
    expect(x(1)).toBeGreaterThan(20);
  });

  it('timeTicks(scale) are round times inside the axis, at least 44 px apart, labelled in their unit', () => {
    const x = timelineScale(7200, 500);
    const ticks = timeTicks(x);
    expect(ticks[0]).toBe(0);
    for (let i = 1; i < ticks.length; i++) expect(x(ticks[i]) - x(ticks[i - 1])).toBeGreaterThanOrEqual(44);
    expect(ticks.every((t) => t <= 7200)).toBe(true);
    expect([0, 10, 300, 3 * 3600, 2 * 86_400].map(tickLabel)).toEqual(['0', '10 s', '5 min', '3 h', '2 d']);
  });

  it('eventMarks(events at the same time) puts their labels in different rows', () => {
    const ev = (atS: number, kind: TimelineEvent['kind']): TimelineEvent => ({ atS, kind, text: '', timer: '' });
    const marks = eventMarks([ev(350, 'eviction'), ev(350, 'rescheduled')], timelineScale(600, 500), 500);
    expect(marks.map((m) => m.row).sort()).toEqual([0, 1]);
    expect(marks[0].label).toBe('eviction');
  });

  it("eventMarks(any timeline) never overlaps two labels in one row, and each mark sits at its event's time", () => {
    const evArb = fc
      .record({ atS: fc.double({ min: 0, max: 1e6, noNaN: true }), kind: fc.constantFrom(...KINDS) })
      .map((e): TimelineEvent => ({ ...e, text: '', timer: '' }));
    fc.assert(
      fc.property(fc.array(evArb, { maxLength: 12 }), fc.integer({ min: 200, max: 1200 }), (events, width) => {
        const x = timelineScale(Math.max(1, ...events.map((e) => e.atS)), width);
        const marks = eventMarks(events, x, width);
        marks.forEach((m, i) => expect(m.px).toBeCloseTo(x(events[i].atS)));
        for (let i = 0; i < marks.length; i++) {
          for (let j = i + 1; j < marks.length; j++) {
            if (marks[i].row === marks[j].row) expect(marks[i].span[1] <= marks[j].span[0] || marks[j].span[1] <= marks[i].span[0]).toBe(true);
          }
        }
      }),
    );
  });
});
