import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drillHealth } from '../../../src/models/drills/drillHealth';
import { BLAST_ORDER } from '../../../src/models/drills/health';
import { rollingUpgrade } from '../../../src/models/drills/rollingUpgrade';
import { batchSize } from '../../../src/models/drills/upgradeStrategy';
import { antiPatternsPlan, referencePlan } from '../../../src/plan/samples/samples';
import type { Plan, UpgradeStrategy } from '../../../src/plan/schema';
import { drillPlanArb } from '../../arbitraries/drills';

const withStrategy = (plan: Plan, cp: number | string, worker: number | string, storage: number | string, nodeUpgradeS = 300): Plan => {
  const upgradeStrategy: UpgradeStrategy = {
    controlplane: { maxParallelism: cp },
    worker: { maxParallelism: worker },
    storage: { maxParallelism: storage },
    nodeUpgradeS,
  };
  return { ...plan, cluster: { ...plan.cluster, upgradeStrategy } };
};
const parallelismArb = fc.oneof(
  fc.integer({ min: 1, max: 8 }),
  fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`),
);

describe('batchSize', () => {
  it('batchSize(10, "25%") is ⌊10 × 25 / 100⌋ = 2; batchSize(3, "10%") is at least 1; batchSize(3, 5) is capped at 3; batchSize(0, 1) is 0', () => {
    expect(batchSize(10, '25%')).toBe(Math.floor((10 * 25) / 100));
    expect(batchSize(3, '10%')).toBe(1);
    expect(batchSize(3, 5)).toBe(3);
    expect(batchSize(0, 1)).toBe(0);
  });
});

describe('rollingUpgrade', () => {
  it('rollingUpgrade(reference) takes 3 control planes, then storage, then workers one at a time: safe, steps × 300 s', () => {
    const plan = referencePlan();
    const r = rollingUpgrade(plan);
    expect(r.safe).toBe(true);
    expect(r.verdict).toMatch(/^safe/);
    expect(r.steps.map((s) => s.role).slice(0, 3)).toEqual(['controlplane', 'controlplane', 'controlplane']);
    expect(r.steps).toHaveLength(plan.nodes.length);
    expect(r.durationS).toBe(plan.nodes.length * 300);
    expect(r.steps[0].quorum).toEqual({ membersUp: 2, members: 3, held: true });
  });

  it('rollingUpgrade(anti-patterns) is unsafe at step 1: one of its two etcd members out loses quorum (2 of 2 needed)', () => {
    const r = rollingUpgrade(antiPatternsPlan());
    expect(r.safe).toBe(false);
    expect(r.firstUnsafeStep).toBe(1);
    expect(r.verdict).toMatch(/^unsafe at step 1 of \d+ \(controlplane .*\): etcd loses quorum \(1 of 2 members up, 2 needed\)/);
  });

  it('rollingUpgrade(reference with every control plane at once) is unsafe at step 1 and takes fewer steps', () => {
    const plan = withStrategy(referencePlan(), '100%', 1, 1);
    const r = rollingUpgrade(plan);
    expect(r.steps[0].nodeIds).toHaveLength(3);
    expect(r.steps[0].blast.quorumLost).toBe(true);
    expect(r.firstUnsafeStep).toBe(1);
    expect(r.steps).toHaveLength(plan.nodes.length - 2);
  });

  it('rollingUpgrade(plan with nodeUpgradeS ≥ the Longhorn wait) says a full rebuild starts every storage step', () => {
    const r = rollingUpgrade(withStrategy(referencePlan(), 1, 1, 1, 900));
    expect(r.notes[0]).toMatch(/not less than the Longhorn replica replenishment wait \(600 s\)/);
    expect(r.durationS).toBe(r.steps.length * 900);
  });

  it("rollingUpgrade(plan) upgrades every machine exactly once, in contiguous batches of the role's batch size, with a finite, non-negative duration", () => {
    fc.assert(
      fc.property(drillPlanArb, parallelismArb, parallelismArb, parallelismArb, (base, cp, w, s) => {
        const plan = withStrategy(base, cp, w, s);
        const r = rollingUpgrade(plan);
        const ids = r.steps.flatMap((st) => st.nodeIds);
        expect([...ids].sort()).toEqual(plan.nodes.map((n) => n.id).sort());
        for (const st of r.steps) {
          expect(st.nodeIds.length).toBeLessThanOrEqual(r.batchSizes[st.role] ?? 0);
          expect(st.endS - st.startS).toBe(300);
        }
        expect(Number.isFinite(r.durationS) && r.durationS >= 0).toBe(true);
        expect(r.safe).toBe(r.steps.every((st) => st.problems.length === 0));
      }),
      { numRuns: 40 },
    );
  });

  it('rollingUpgrade(plan): more parallelism in a role never makes the upgrade longer', () => {
    fc.assert(
      fc.property(
        drillPlanArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('controlplane', 'worker', 'storage'),
        (base, p, extra, role) => {
          const at = (n: number) => withStrategy(base, role === 'controlplane' ? n : 1, role === 'worker' ? n : 1, role === 'storage' ? n : 1);
          expect(rollingUpgrade(at(p + extra)).durationS).toBeLessThanOrEqual(rollingUpgrade(at(p)).durationS);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rollingUpgrade(plan) at parallelism 1 is safe whenever every single-node drill (full path) leaves nothing worse', () => {
    fc.assert(
      fc.property(drillPlanArb, (base) => {
        const plan = withStrategy(base, 1, 1, 1);
        const everyN1Fine = plan.nodes.every((n) => {
          const blast = drillHealth(plan, { components: [{ kind: 'node', nodeId: n.id }] }).blast;
          return BLAST_ORDER.every((k) => !blast[k]);
        });
        if (everyN1Fine) expect(rollingUpgrade(plan).safe).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("rollingUpgrade(plan): each step's blast radius equals the full-path drill of the same machines down", () => {
    fc.assert(
      fc.property(drillPlanArb, parallelismArb, (base, w) => {
        const plan = withStrategy(base, 2, w, 2);
        for (const st of rollingUpgrade(plan).steps) {
          expect(st.blast).toEqual(drillHealth(plan, { components: st.nodeIds.map((nodeId) => ({ kind: 'node' as const, nodeId })) }).blast);
        }
      }),
      { numRuns: 25 },
    );
  });
});
