import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPlan, type PlanIndex } from '../../src/editor/occupancy';
import type { Plan } from '../../src/plan/schema';
import { validPlanArbWith } from '../arbitraries/plan';

/** One edit of a node, sharing every other part of the plan: moved, renamed, given another role, rack, hardware or id. */
const editArb = fc
  .record({ node: fc.nat(), other: fc.nat(), edit: fc.constantFrom('up', 'down', 'rename', 'role', 'rack', 'hardware', 'id', 'sameId') })
  .map(({ node, other, edit }) => (plan: Plan): Plan => {
    if (plan.nodes.length === 0) return plan;
    const i = node % plan.nodes.length;
    const n = plan.nodes[i];
    const patch =
      edit === 'up' || edit === 'down'
        ? { positionU: n.positionU + (edit === 'up' ? 1 : -1) }
        : edit === 'rename'
          ? { name: `${n.name}x` }
          : edit === 'role'
            ? { role: n.role === 'worker' ? ('storage' as const) : ('worker' as const) }
            : edit === 'rack'
              ? { rackId: plan.racks[other % plan.racks.length].id }
              : edit === 'hardware'
                ? { hardwareId: plan.hardware[other % plan.hardware.length].id }
                : edit === 'id'
                  ? { id: `${n.id}-b` }
                  : { id: plan.nodes[other % plan.nodes.length].id };
    return { ...plan, nodes: plan.nodes.map((m, j) => (j === i ? { ...m, ...patch } : m)) };
  });

/** An index as plain data, keys in map order (the order building gives them). */
const entries = (index: PlanIndex) => ({
  racks: [...index.racks],
  hardware: [...index.hardware],
  nodes: [...index.nodes],
  spans: [...index.spans],
});

describe('indexPlan(plan)', () => {
  it('after indexing the plan before an edit, equals the index built from scratch, map order included (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 4 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let plan = start;
        for (const edit of edits) {
          const next = edit(plan);
          // A structured clone shares nothing with the plans indexed before, so it is built from scratch.
          const built = entries(indexPlan(structuredClone(next)));
          indexPlan(plan);
          expect(entries(indexPlan(next))).toEqual(built);
          plan = next;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('returns the same index for the same plan', () => {
    fc.assert(fc.property(validPlanArbWith({ maxRacks: 2, maxNodesPerRack: 3 }), (plan) => indexPlan(plan) === indexPlan(plan)));
  });
});
