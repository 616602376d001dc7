import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { betterText, compareOptions } from '../../../src/ui/compare/compareOptions';
import type { PlanVersionInfo, StoredPlanInfo } from '../../../src/state/planStore';

const plan = (id: string, name: string): StoredPlanInfo => ({ id, name, updatedAt: 0, rev: 1 });
const version = (key: number, savedAt: number, summary: string): PlanVersionInfo => ({ key, planId: 'open', savedAt, rev: key, summary });
const when = (t: number) => `t${t}`;

describe('compareOptions(plans, openId, versions, when)', () => {
  it('lists the other plans, then every saved version of the open plan, the newest marked latest', () => {
    const options = compareOptions(
      [plan('open', 'Mine'), plan('p2', 'Theirs')],
      'open',
      [version(9, 200, 'Moved w-1'), version(4, 100, 'First saved version')],
      when,
    );
    expect(options).toEqual([
      { value: 'plan:p2', label: 'Theirs', source: { kind: 'plan', id: 'p2' }, group: 'plans' },
      { value: 'version:9', label: 'latest saved t200: Moved w-1', source: { kind: 'version', key: 9 }, group: 'versions' },
      { value: 'version:4', label: 'saved t100: First saved version', source: { kind: 'version', key: 4 }, group: 'versions' },
    ]);
  });

  it('never offers the open plan itself, and every value is unique', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        fc.uniqueArray(fc.nat(1000), { maxLength: 8 }),
        fc.nat(8),
        (ids, keys, pick) => {
          const openId = ids[pick % Math.max(1, ids.length)] ?? 'none';
          const options = compareOptions(
            ids.map((id) => plan(id, id)),
            openId,
            keys.map((k) => version(k, k, 's')),
            when,
          );
          expect(options.some((o) => o.source.kind === 'plan' && o.source.id === openId)).toBe(false);
          expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
          expect(options.length).toBe(ids.filter((id) => id !== openId).length + keys.length);
        },
      ),
    );
  });
});

describe('betterText(better, sides)', () => {
  it('names the better side, says same, or that the figure is not ranked', () => {
    const sides = { a: 'A', b: 'B' };
    expect([betterText('a', sides), betterText('b', sides), betterText('same', sides), betterText(null, sides)]).toEqual([
      'A better',
      'B better',
      'same',
      'not ranked',
    ]);
  });
});
