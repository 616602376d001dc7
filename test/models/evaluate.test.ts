import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/models/evaluate';
import { DEFAULT_CP_ASSUMPTIONS } from '../../src/models/controlPlane/assumptions';
import { STORAGE_ASSUMPTIONS } from '../../src/models/storage/assumptions';
import { CONTROL_PLANE_ASSUMPTION_KEYS, STORAGE_ASSUMPTION_KEYS } from '../../src/plan/assumptionKeys';
import { validatePlan } from '../../src/plan/validate';
import { enterprisePlan, referencePlan } from '../../src/plan/samples/samples';

describe('plan.assumptions', () => {
  it('names exactly the constants the models define (no drift between plan format and models)', () => {
    expect([...CONTROL_PLANE_ASSUMPTION_KEYS].sort()).toEqual(Object.keys(DEFAULT_CP_ASSUMPTIONS).sort());
    const numeric = Object.entries(STORAGE_ASSUMPTIONS)
      .filter(([, v]) => typeof v === 'number')
      .map(([k]) => k);
    expect([...STORAGE_ASSUMPTION_KEYS].sort()).toEqual(numeric.sort());
  });

  it('validatePlan rejects an unknown assumption key with its field path', () => {
    const plan = { ...referencePlan(), assumptions: { controlPlane: { leaderCpuUsPerWrit: 200 } } };
    const result = validatePlan(plan);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0].path).toBe('assumptions.controlPlane.leaderCpuUsPerWrit');
  });

  it('evaluate(plan with leaderCpuUsPerWrite doubled) lowers the leader-CPU write ceiling', () => {
    const base = evaluate(referencePlan()).controlPlane.throughput;
    const plan = { ...referencePlan(), assumptions: { controlPlane: { leaderCpuUsPerWrite: 2 * DEFAULT_CP_ASSUMPTIONS.leaderCpuUsPerWrite } } };
    expect(validatePlan(plan).ok).toBe(true);
    const slower = evaluate(plan).controlPlane.throughput;
    expect(JSON.stringify(slower)).not.toEqual(JSON.stringify(base));
    expect(slower.plan?.maxWritesPerS).toBeLessThan(base.plan?.maxWritesPerS ?? 0);
  });

  it("evaluate(plan with a partial mclock override) keeps the other profiles' defaults and changes recovery", () => {
    const plan = enterprisePlan();
    const withOverride = { ...plan, assumptions: { storage: { mclockRecoveryShare: { balanced: 0.25 } } } };
    expect(validatePlan(withOverride).ok).toBe(true);
    const base = evaluate(plan).storage;
    const slower = evaluate(withOverride).storage;
    expect(JSON.stringify(slower)).not.toEqual(JSON.stringify(base));
  });
});
