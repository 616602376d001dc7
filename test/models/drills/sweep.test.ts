import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drillHealth } from '../../../src/models/drills/drillHealth';
import { rankSweep, runSweep, sweepChunk, sweepScenarios } from '../../../src/models/drills/sweep';
import { sweepBasis } from '../../../src/models/drills/sweepBasis';
import { antiPatternsPlan, referencePlan } from '../../../src/plan/samples/samples';
import { drillPlanArb } from '../../arbitraries/drills';

describe('sweep', () => {
  it('runSweep(anti-patterns) names rack R1 (quorum lost) and feed r5/A (overloads its twin r5/B), and fails the gate', () => {
    const { rows, summary } = runSweep(sweepBasis(antiPatternsPlan()));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('rack:r1')?.blast.quorumLost).toBe(true);
    expect(byId.get('feed:r5/A')?.feedsOverCapacity).toEqual(['r5/B']);
    expect(byId.get('feed:r5/B')?.feedsOverCapacity).toEqual(['r5/A']);
    expect(summary.gateFailures).toContain('rack:r1');
    expect(rows[0].blast.quorumLost).toBe(true);
  });

  it('runSweep(reference) passes the gate: losing the only row, room or site is outside it', () => {
    const { rows, summary } = runSweep(sweepBasis(referencePlan()));
    expect(summary.gateFailures).toEqual([]);
    expect(rows.find((r) => r.id === 'site:dc1')?.blast.quorumLost).toBe(true);
  });

  it('sweepScenarios(plan, { pairs }) adds every pair of racks and of feeds', () => {
    const b = sweepBasis(referencePlan());
    const single = sweepScenarios(b).length;
    // 3 racks: 3 pairs; 6 feeds: 15 pairs.
    expect(sweepScenarios(b, { pairs: true }).length).toBe(single + 3 + 15);
  });

  it('sweepChunk over two halves equals one chunk (chunks can run on any worker)', () => {
    const b = sweepBasis(antiPatternsPlan());
    const s = sweepScenarios(b, { pairs: true });
    const mid = Math.floor(s.length / 2);
    expect([...sweepChunk(b, s, 0, mid), ...sweepChunk(b, s, mid, s.length)]).toEqual(sweepChunk(b, s, 0, s.length));
  });

  it("runSweep(plan)'s worst case equals the worst of the drills it ran, by the full path", () => {
    fc.assert(
      fc.property(drillPlanArb, (plan) => {
        const b = sweepBasis(plan);
        const scenarios = sweepScenarios(b);
        const worst = Math.max(...scenarios.map((s) => drillHealth(plan, { components: s.components }).severity));
        expect(rankSweep(sweepChunk(b, scenarios, 0, scenarios.length))[0].severity).toBe(worst);
      }),
      { numRuns: 25 },
    );
  });
});
