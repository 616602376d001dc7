import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/models/evaluate';
import { drillHealth } from '../../src/models/drills/drillHealth';
import { antiPatternsPlan, referencePlan } from '../../src/plan/samples/samples';

describe('evaluate(plan, { failures })', () => {
  it('evaluate(plan, { failures: nothing }) equals evaluate(plan)', () => {
    for (const plan of [referencePlan(), antiPatternsPlan()]) {
      expect(evaluate(plan, { failures: { components: [], degradations: [] } })).toEqual(evaluate(plan));
    }
  });

  it('evaluate(plan) has no after-failure sections and no drill', () => {
    const r = evaluate(referencePlan());
    expect([
      r.physical.afterFailures,
      r.network.afterFailures,
      r.controlPlane.afterFailures,
      r.storage.afterFailures,
      r.workload.afterFailures,
      r.drill,
    ]).toEqual([null, null, null, null, null, null]);
  });

  it('evaluate(reference, rack:r1) is the plan without rack R1 in every section', () => {
    const plan = referencePlan();
    const failures = { components: [{ kind: 'rack' as const, rackId: 'r1' }] };
    const r = evaluate(plan, { failures });
    expect(r.physical.afterFailures?.racksDown.map((x) => x.rackId)).toEqual(['r1']);
    expect(r.network.afterFailures?.torsDown.map((x) => x.tor)).toEqual(['r1/A', 'r1/B']);
    expect(r.controlPlane.afterFailures).toMatchObject({ members: 3, membersUp: 2, quorum: 2, quorumHeld: true });
    // R1 holds one control plane, two workers and one storage node: 4 of 12 nodes down.
    expect(r.drill?.core.nodes).toEqual({ total: 12, healthy: 8, degraded: 0, down: 4 });
    // Two of six workers lost: 4 × (64 × 1000 − 50) m left.
    expect(r.workload.afterFailures?.cpuCores).toBeCloseTo((4 * (64 * 1000 - 50)) / 1000, 6);
    expect(r.storage.afterFailures?.impact.downNodes).toBe(1);
    expect(r.failures).toEqual({ components: ['rack:r1'], unknown: [] });
    expect(r.drill).toEqual(drillHealth(plan, failures, { seed: 1 }));
  });

  it('evaluate(plan, rack:nope) names the unknown component instead of failing nothing silently', () => {
    const r = evaluate(referencePlan(), { failures: { components: [{ kind: 'rack', rackId: 'nope' }] } });
    expect(r.failures?.unknown).toEqual(['rack:nope: no rack "nope"']);
  });

  it('evaluate(anti-patterns, feed:r5/A) trips feed B of R5 and darkens the rack', () => {
    const r = evaluate(antiPatternsPlan(), { failures: { components: [{ kind: 'feed', rackId: 'r5', feed: 'A' }] } });
    // 8 workers × 750 W + one switch × 350 W on feed B after failover.
    expect(r.physical.afterFailures?.feedsOverCapacity).toEqual([{ feed: 'r5/B', peakW: 8 * 750 + 350, capacityW: 5000 }]);
    expect(r.drill?.blast.powerOverCapacity).toBe(true);
    expect(r.drill?.core.nodes.down).toBe(8);
  });
});
