import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthCore } from '../../../src/models/drills/drillHealth';
import { scenarioCore, type HardComponent } from '../../../src/models/drills/scenarioCore';
import { sweepBasis } from '../../../src/models/drills/sweepBasis';
import { resolveFailures } from '../../../src/models/failures';
import { antiPatternsPlan, enterprisePlan } from '../../../src/plan/samples/samples';
import { hardFailuresArb } from '../../arbitraries/drills';

describe('scenarioCore', () => {
  it('scenarioCore(sweepBasis(plan), set) equals the full path healthCore(plan, resolveFailures(plan, set)) on generated plans', () => {
    fc.assert(
      fc.property(hardFailuresArb, ([plan, components]) => {
        const hard = components as HardComponent[];
        expect(scenarioCore(sweepBasis(plan), hard)).toEqual(healthCore(plan, resolveFailures(plan, { components: hard }), 1));
      }),
      { numRuns: 150 },
    );
  });

  it('scenarioCore(sweepBasis(plan), []) is the baseline', () => {
    const plan = enterprisePlan();
    const b = sweepBasis(plan);
    expect(scenarioCore(b, [])).toEqual(b.base);
  });

  it('scenarioCore(anti-patterns, rack:r1) loses both etcd members: 0 of 2 up, quorum 2', () => {
    const core = scenarioCore(sweepBasis(antiPatternsPlan()), [{ kind: 'rack', rackId: 'r1' }]);
    expect(core.quorum).toEqual({ members: 2, membersUp: 0, quorum: 2, largestGroupUp: 0, held: false });
    expect(core.api.cause).toBe('no-quorum');
  });
});
