import { describe, expect, it } from 'vitest';
import {
  degradationScopeId,
  draftOfDrill,
  drillOfDraft,
  failureSetOfDraft,
  parseDegradationScope,
  type DrillDraft,
} from '../../../src/models/drills/savedDrill';

const draft: DrillDraft = {
  failed: ['rack:r1', 'feed:r2/B'],
  degradations: [
    { kind: 'latency', scope: { kind: 'rack', rackId: 'r3' }, addedMs: 15 },
    { kind: 'bandwidth', scope: { kind: 'siteLink', siteA: 'b', siteB: 'a' }, remainingFraction: 0.4 },
  ],
  permanent: false,
  repairAtS: 120,
};

describe('saved drills', () => {
  it('degradationScopeId(siteLink b|a) sorts the pair; parseDegradationScope reads it back', () => {
    expect(degradationScopeId({ kind: 'siteLink', siteA: 'b', siteB: 'a' })).toBe('siteLink:a|b');
    expect(parseDegradationScope('rack:R2')).toEqual({ kind: 'rack', rackId: 'R2' });
    expect(parseDegradationScope('feed:R2/A')).toEqual({ error: 'feed:R2/A: a degradation applies to a node, a rack or a site link, not a feed' });
  });

  it('draftOfDrill(drillOfDraft(name, draft)) gives the draft back', () => {
    const drill = drillOfDraft('Lose R1', draft);
    expect(drill).toMatchObject({
      name: 'Lose R1',
      fail: ['rack:r1', 'feed:r2/B'],
      repairAfterS: 120,
      degrade: [
        { kind: 'latency', scope: 'rack:r3', addedMs: 15 },
        { kind: 'bandwidth', scope: 'siteLink:a|b', remainingFraction: 0.4 },
      ],
    });
    const back = draftOfDrill(drill);
    expect(back.problems).toEqual([]);
    expect(back.draft.failed).toEqual(draft.failed);
    expect(back.draft.repairAtS).toBe(120);
    expect(back.draft.degradations[1]).toEqual({ kind: 'bandwidth', scope: { kind: 'siteLink', siteA: 'a', siteB: 'b' }, remainingFraction: 0.4 });
  });

  it('drillOfDraft(name, no repair) stores no repairAfterS; draftOfDrill reads a missing one as null', () => {
    const drill = drillOfDraft('x', { ...draft, repairAtS: null });
    expect('repairAfterS' in drill).toBe(false);
    expect(draftOfDrill(drill).draft.repairAtS).toBeNull();
  });

  it('draftOfDrill(ids the model cannot read) leaves them out and names them', () => {
    const { draft: d, problems } = draftOfDrill({
      name: 'x',
      fail: ['rack:r1', 'feed:r1/C'],
      degrade: [{ kind: 'latency', scope: 'node:', addedMs: 5 }],
      permanent: false,
    });
    expect(d.failed).toEqual(['rack:r1']);
    expect(d.degradations).toEqual([]);
    expect(problems).toEqual(['feed: use feed:<rack>/A or feed:<rack>/B', 'node: needs a node id']);
  });

  it('failureSetOfDraft(draft) is the components and degradations the drill job runs', () => {
    const f = failureSetOfDraft(draft);
    expect(f.components).toEqual([
      { kind: 'rack', rackId: 'r1' },
      { kind: 'feed', rackId: 'r2', feed: 'B' },
    ]);
    expect(f.degradations).toHaveLength(2);
    expect(f.permanent).toBe(false);
  });
});
