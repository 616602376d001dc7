import { describe, expect, it } from 'vitest';
import { componentChoices, matchChoices } from '../../../src/ui/drills/componentChoices';
import { parseComponentId, unknownComponents, type FailedComponent } from '../../../src/models/failures';
import { hybridBurstPlan, referencePlan } from '../../../src/plan/samples/samples';

describe('componentChoices', () => {
  it('componentChoices(reference) lists site, room, row, 3 racks with 2 ToRs and 2 feeds each, 12 nodes and their data disks', () => {
    const c = componentChoices(referencePlan());
    const count = (kind: string) => c.filter((x) => x.id.startsWith(`${kind}:`)).length;
    expect([count('site'), count('room'), count('row'), count('rack'), count('tor'), count('feed'), count('node')]).toEqual([1, 1, 1, 3, 3 * 2, 3 * 2, 12]);
    expect(c.find((x) => x.id === 'rack:r1')).toEqual({ id: 'rack:r1', action: 'rack-loss', label: 'rack R1' });
    expect(c.find((x) => x.id === 'feed:r2/B')).toEqual({ id: 'feed:r2/B', action: 'power-feed-loss', label: 'feed B of rack R2' });
    expect(c.find((x) => x.id === 'node:cp-01')?.action).toBe('node-restart');
  });

  it('componentChoices(plan) offers only ids the plan has: every one parses and none is unknown (site links included)', () => {
    for (const plan of [referencePlan(), hybridBurstPlan()]) {
      const ids = componentChoices(plan).map((c) => parseComponentId(c.id));
      expect(ids.every((c) => !('error' in c))).toBe(true);
      expect(unknownComponents(plan, { components: ids as FailedComponent[] })).toEqual([]);
      expect(new Set(ids.map((c) => JSON.stringify(c))).size).toBe(ids.length);
    }
    expect(componentChoices(hybridBurstPlan()).some((c) => c.id.startsWith('siteLink:') && c.action === 'network-partition')).toBe(true);
  });

  it('matchChoices(choices, "feed b r2", 12) finds feed B of rack R2 only; every word must match', () => {
    const c = componentChoices(referencePlan());
    expect(matchChoices(c, 'feed b r2', 12).map((x) => x.id)).toEqual(['feed:r2/B']);
    expect(matchChoices(c, 'rack-loss', 12).map((x) => x.id)).toEqual(['rack:r1', 'rack:r2', 'rack:r3']);
    expect(matchChoices(c, '', 5)).toHaveLength(5);
  });
});
