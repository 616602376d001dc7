import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftNodes } from '../../src/editor/actions/nodes';
import { applyPlanDelta, isEmptyDelta, planDelta } from '../../src/plan/planDelta';
import { hyperscalePlan, referencePlan } from '../../src/plan/samples/samples';
import type { Plan } from '../../src/plan/schema';
import { mutationArb, validPlanArbWith, applyMutation } from '../arbitraries/plan';
import { sharePlan } from '../../workers/sharePlan';

describe('planDelta(prev, next)', () => {
  it('planDelta(plan, plan) is empty', () => {
    const plan = referencePlan();
    expect(isEmptyDelta(planDelta(plan, plan))).toBe(true);
  });

  it('planDelta(5,000-node plan, one node moved) carries that one node, not the list', () => {
    const plan = hyperscalePlan();
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!moved.ok) throw new Error(moved.reason);
    const delta = planDelta(plan, moved.plan);
    const index = plan.nodes.indexOf(worker);
    expect(delta).toEqual({ changed: { nodes: { length: 5000, items: [[index, { ...worker, positionU: worker.positionU + 1 }]] } }, removed: [] });
  });

  it('applyPlanDelta(prev, planDelta(prev, next)) equals next and keeps prev’s unchanged parts (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 4 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (start, mutations) => {
        let prev: Plan = start;
        // The receiving side holds its own copy, as a worker does after a structured clone.
        let held = structuredClone(start) as unknown;
        for (const m of mutations) {
          const next = sharePlan(prev, applyMutation(prev, m).doc as Plan);
          const received = applyPlanDelta(held, planDelta(prev, next)) as Record<string, unknown>;
          expect(received).toEqual(next);
          for (const key of Object.keys(received)) {
            if ((next as unknown as Record<string, unknown>)[key] === (prev as unknown as Record<string, unknown>)[key]) {
              expect(received[key]).toBe((held as Record<string, unknown>)[key]);
            }
          }
          prev = next;
          held = received;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('applyPlanDelta(base, delta with a "__proto__" field) keeps it an own key, for validation to refuse', () => {
    const changes = JSON.parse('{"__proto__": {"value": {"polluted": true}}}') as Record<string, { value: unknown }>;
    const out = applyPlanDelta(referencePlan(), { changed: changes, removed: [] }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect((out as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
