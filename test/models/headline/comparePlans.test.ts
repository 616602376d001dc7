import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHeadlines, planChanges } from '../../../src/models/headline/comparePlans';
import type { HeadlineFigure, Verdict } from '../../../src/models/headline/headline';
import { referencePlan } from '../../../src/plan/samples/samples';
import { validPlanArbWith } from '../../arbitraries/plan';

const figure = (over: Partial<HeadlineFigure>): HeadlineFigure => ({
  id: 'write-p99',
  label: 'Write latency p99',
  text: '10 ms',
  value: 10,
  unit: 'ms',
  verdict: 'ok',
  word: 'fine',
  why: '',
  better: 'lower',
  panel: 'control-plane',
  ...over,
});

const verdictArb = fc.constantFrom<Verdict>('ok', 'warn', 'bad', 'info');
const figureArb = (id: string) =>
  fc
    .record({
      value: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
      verdict: verdictArb,
      better: fc.constantFrom<HeadlineFigure['better']>('higher', 'lower', null),
      unit: fc.constantFrom('ms', 'racks', 'fraction', ''),
    })
    .map((f) => figure({ id, ...f, text: `${f.value}` }));

describe('compareHeadlines(a, b)', () => {
  it('compareHeadlines([10 ms ok], [5 ms ok]) says b is better by −5 ms (lower latency is better)', () => {
    expect(compareHeadlines([figure({})], [figure({ value: 5, text: '5 ms' })])).toEqual([
      {
        id: 'write-p99',
        label: 'Write latency p99',
        a: { text: '10 ms', verdict: 'ok' },
        b: { text: '5 ms', verdict: 'ok' },
        difference: '−5 ms',
        better: 'b',
      },
    ]);
  });

  it('compareHeadlines: a worse verdict loses even when its value moves the better way', () => {
    const [row] = compareHeadlines([figure({ value: 20, verdict: 'ok' })], [figure({ value: 5, verdict: 'bad' })]);
    expect(row.better).toBe('a');
    expect(row.difference).toBe('−15 ms');
  });

  it('compareHeadlines: a fraction differs in percentage points, (0.91 − 0.68) × 100 = +23 points', () => {
    const [row] = compareHeadlines([figure({ value: 0.68, unit: 'fraction', better: 'lower' })], [figure({ value: 0.91, unit: 'fraction', better: 'lower' })]);
    expect(row.difference).toBe('+23 points');
    expect(row.better).toBe('a');
  });

  it('compareHeadlines: a unitless rank (control-plane sizing) orders the plans but shows no difference', () => {
    const [row] = compareHeadlines([figure({ value: 0, unit: '' })], [figure({ value: 1, unit: '' })]);
    expect(row).toMatchObject({ difference: null, better: 'a' });
  });

  it('compareHeadlines: a figure only one plan has is listed with the other side empty and no winner', () => {
    expect(compareHeadlines([figure({})], [])).toEqual([
      { id: 'write-p99', label: 'Write latency p99', a: { text: '10 ms', verdict: 'ok' }, b: null, difference: null, better: null },
    ]);
  });

  it('compareHeadlines(a, b) and compareHeadlines(b, a) name opposite winners and opposite differences', () => {
    fc.assert(
      fc.property(figureArb('x'), figureArb('x'), (fa, fb) => {
        fb = { ...fb, unit: fa.unit, better: fa.better };
        const [ab] = compareHeadlines([fa], [fb]);
        const [ba] = compareHeadlines([fb], [fa]);
        const flip = { a: 'b', b: 'a', same: 'same' } as const;
        expect(ba.better).toBe(ab.better === null ? null : flip[ab.better]);
        if (ab.difference !== null && !ab.difference.startsWith('±')) expect(ba.difference!.slice(1)).toBe(ab.difference.slice(1));
      }),
    );
  });

  it('compareHeadlines(a, a) never names a winner', () => {
    fc.assert(
      fc.property(figureArb('x'), (f) => {
        const [row] = compareHeadlines([f], [f]);
        expect(row.better === 'same' || row.better === null).toBe(true);
      }),
    );
  });
});

describe('planChanges(a, b)', () => {
  it('planChanges(reference, edited) lists the moved, removed and changed nodes and the changed setting path', () => {
    const a = referencePlan();
    const b = structuredClone(a);
    const moved = b.nodes[0];
    const from = `${moved.rackId} U${moved.positionU}`;
    b.nodes[0] = { ...moved, positionU: 20 };
    const removed = b.nodes.pop()!;
    b.cluster.kubespan.enabled = !a.cluster.kubespan.enabled;
    expect(planChanges(a, b)).toEqual({
      added: [],
      removed: [removed.id],
      moved: [`${moved.id}: ${from} → ${moved.rackId} U20`],
      changedNodes: [],
      settings: [`cluster.kubespan.enabled: ${a.cluster.kubespan.enabled} → ${b.cluster.kubespan.enabled}`],
    });
  });

  it('planChanges(a, a) is empty, and added and removed swap when the plans swap', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 3, maxNodesPerRack: 2 }), validPlanArbWith({ maxRacks: 3, maxNodesPerRack: 2 }), (a, b) => {
        expect(planChanges(a, a)).toEqual({ added: [], removed: [], moved: [], changedNodes: [], settings: [] });
        const ab = planChanges(a, b);
        const ba = planChanges(b, a);
        expect([...ba.added].sort()).toEqual([...ab.removed].sort());
        expect([...ba.removed].sort()).toEqual([...ab.added].sort());
        expect(ba.moved.length).toBe(ab.moved.length);
        expect(ba.settings.length).toBe(ab.settings.length);
      }),
      { numRuns: 50 },
    );
  });
});
