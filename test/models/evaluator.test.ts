import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftNodes } from '../../src/editor/actions/nodes';
import { renamePlan } from '../../src/editor/actions/planSettings';
import { evaluate } from '../../src/models/evaluate';
import { createEvaluator } from '../../src/models/evaluator';
import { enterprisePlan } from '../../src/plan/samples/samples';
import type { Plan } from '../../src/plan/schema';
import { sharePlan } from '../../workers/sharePlan';
import { validPlanArbWith } from '../arbitraries/plan';
import { editArb } from '../arbitraries/edits';

const OPTIONS = { seed: 7 };
describe('createEvaluator()', () => {
  it('evaluate(plan) after any sequence of edits equals a cold evaluate(plan) (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 3, maxNodesPerRack: 3 }), fc.array(editArb, { minLength: 1, maxLength: 4 }), (start, edits) => {
        const incremental = createEvaluator();
        // As in the worker: every plan arrives as a fresh copy and shares its parts with the last.
        let held: Plan | null = null;
        const viaWorker = (plan: Plan) => {
          held = held ? sharePlan(held, structuredClone(plan)) : structuredClone(plan);
          return incremental.evaluate(held, OPTIONS);
        };
        let plan = start;
        expect(viaWorker(plan)).toEqual(evaluate(structuredClone(plan), OPTIONS));
        for (const [, edit] of edits) {
          const result = edit(plan);
          if (!result?.ok) continue;
          plan = result.plan;
          expect(viaWorker(plan)).toEqual(evaluate(structuredClone(plan), OPTIONS));
        }
      }),
      // Each step is a cold evaluate of a generated plan (CRUSH placement included): few runs.
      { numRuns: 6 },
    );
  }, 300_000);

  it('evaluate(plan) after moving a worker node recomputes neither storage placement nor the control plane', () => {
    const evaluator = createEvaluator();
    const plan = enterprisePlan();
    evaluator.evaluate(plan, OPTIONS);
    expect(evaluator.takeComputed()).toEqual(['physical', 'network', 'controlPlane', 'storage', 'workload', 'failures', 'drill']);
    // The first worker that can move up or down one U.
    const next = plan.nodes
      .filter((n) => n.role === 'worker')
      .flatMap((n) => [1, -1].map((deltaU) => shiftNodes(plan, { ids: [n.id], deltaU })))
      .find((r) => r.ok)!;
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    evaluator.evaluate(next.plan, OPTIONS);
    const recomputed = evaluator.takeComputed();
    expect(recomputed).not.toContain('storage');
    expect(recomputed).not.toContain('controlPlane');
  });

  it('evaluate(plan) after renaming the plan recomputes nothing', () => {
    const evaluator = createEvaluator();
    const plan = enterprisePlan();
    evaluator.evaluate(plan, OPTIONS);
    evaluator.takeComputed();
    const renamed = renamePlan(plan, { name: 'Renamed' });
    const report = evaluator.evaluate(renamed.ok ? renamed.plan : plan, OPTIONS);
    expect(evaluator.takeComputed()).toEqual([]);
    expect(report.planName).toBe('Renamed');
  });
});

describe('sharePlan(prev, next)', () => {
  it('returns prev for a deep-equal copy, and shares every untouched part of an edited one', () => {
    const plan = enterprisePlan();
    expect(sharePlan(plan, structuredClone(plan))).toBe(plan);
    const copy = structuredClone(plan);
    copy.nodes[3] = { ...copy.nodes[3], positionU: copy.nodes[3].positionU + 1 };
    const shared = sharePlan(plan, copy);
    expect(shared).not.toBe(plan);
    expect(shared.racks).toBe(plan.racks);
    expect(shared.nodes).not.toBe(plan.nodes);
    expect(shared.nodes[2]).toBe(plan.nodes[2]);
    expect(shared.nodes[3]).not.toBe(plan.nodes[3]);
    expect(shared.nodes[3].labels).toBe(plan.nodes[3].labels);
  });

  it('matches array elements by id, so deleting a node keeps the identity of the nodes after it', () => {
    const plan = enterprisePlan();
    const copy = structuredClone(plan);
    copy.nodes.splice(0, 1);
    const shared = sharePlan(plan, copy);
    expect(shared.nodes[0]).toBe(plan.nodes[1]);
    expect(shared.nodes.at(-1)).toBe(plan.nodes.at(-1));
  });
});
