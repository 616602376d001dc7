import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftNodes } from '../../src/editor/actions/nodes';
import { planJson } from '../../src/plan/planJson';
import { enterprisePlan } from '../../src/plan/samples/samples';
import { mutationArb, validPlanArbWith, applyMutation } from '../arbitraries/plan';
import type { Plan } from '../../src/plan/schema';

describe('planJson(plan)', () => {
  it('planJson(plan) is JSON.stringify(plan), character for character, before and after changes that share parts (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 4 }), fc.array(mutationArb, { maxLength: 3 }), (start, mutations) => {
        let plan = start;
        expect(planJson(plan)).toBe(JSON.stringify(plan));
        for (const m of mutations) {
          // Changed parts are new objects; the rest are the previous plan's (as after an edit).
          const next = applyMutation(plan, m).doc as Record<string, unknown>;
          for (const key of Object.keys(next))
            if (JSON.stringify(next[key]) === JSON.stringify((plan as unknown as Record<string, unknown>)[key]))
              next[key] = (plan as unknown as Record<string, unknown>)[key];
          plan = next as unknown as Plan;
          expect(planJson(plan)).toBe(JSON.stringify(plan));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('planJson(plan with a node moved) shows the move, not the text cached for the node before it', () => {
    const plan = enterprisePlan();
    planJson(plan);
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!moved.ok) throw new Error(moved.reason);
    expect(planJson(moved.plan)).toBe(JSON.stringify(moved.plan));
    expect(planJson(moved.plan)).not.toBe(planJson(plan));
  });
});
