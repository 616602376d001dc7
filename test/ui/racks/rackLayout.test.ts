import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../src/editor/action';
import { deleteNodes, moveNodesToRack, setRole, shiftNodes, updateNode } from '../../../src/editor/actions/nodes';
import { updateRack } from '../../../src/editor/actions/racks';
import type { Plan } from '../../../src/plan/schema';
import { DEFAULT_GEOMETRY, layoutElevation } from '../../../src/ui/racks/rackLayout';
import { validPlanArbWith } from '../../arbitraries/plan';

const at = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(1, items.length)];

/** An edit as the editor makes it: a pure action that copies only what it changes. */
const editArb = fc
  .tuple(fc.constantFrom('shift', 'role', 'rename', 'rack', 'renameRack', 'delete'), fc.nat(), fc.nat())
  .map(([kind, i, j]) => (plan: Plan): ActionResult | null => {
    const node = at(plan.nodes, i);
    const rack = at(plan.racks, j);
    if (kind === 'renameRack') return rack ? updateRack(plan, { id: rack.id, patch: { name: `${rack.name}x` } }) : null;
    if (!node) return null;
    if (kind === 'shift') return shiftNodes(plan, { ids: [node.id], deltaU: j % 2 ? 1 : -1 });
    if (kind === 'role') return setRole(plan, { ids: [node.id], role: node.role === 'worker' ? 'storage' : 'worker' });
    if (kind === 'rename') return updateNode(plan, { id: node.id, patch: { name: `${node.name}x` } });
    if (kind === 'rack') return rack ? moveNodesToRack(plan, { ids: [node.id], rackId: rack.id }) : null;
    return deleteNodes(plan, { ids: [node.id] });
  });

describe('layoutElevation(plan)', () => {
  it('layoutElevation(plan) after any sequence of edits equals a layout computed afresh (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 4 }), fc.array(editArb, { minLength: 1, maxLength: 5 }), (start, edits) => {
        const plans = [start];
        for (const edit of edits) {
          const result = edit(plans[plans.length - 1]);
          if (result?.ok) plans.push(result.plan);
        }
        // In order, as the rack view lays out each edit (reusing what the last layout computed).
        const incremental = plans.map((p) => layoutElevation(p));
        expect(incremental).toEqual(plans.map((p) => layoutElevation(p, DEFAULT_GEOMETRY, { last: null })));
      }),
      { numRuns: 60 },
    );
  });
});
