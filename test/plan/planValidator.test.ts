import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftNodes } from '../../src/editor/actions/nodes';
import { createPlanValidator } from '../../src/plan/planValidator';
import { applyPlanDelta, planDelta } from '../../src/plan/planDelta';
import { enterprisePlan } from '../../src/plan/samples/samples';
import type { Plan } from '../../src/plan/schema';
import { validatePlan } from '../../src/plan/validate';
import { mutationArb, validPlanArbWith, applyMutation } from '../arbitraries/plan';
import { sharePlan } from '../../workers/sharePlan';

type Doc = Record<string, unknown>;
const isDoc = (x: unknown): x is Doc => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * One change to a plan document as the worker receives it: a node replaced by an edited copy
 * (moved up or down a U, renamed, its role changed: valid by the schema, possibly overlapping
 * another node), or any mutation of the plan tests (most break it), sharing the untouched parts.
 */
const changeArb = fc.oneof(
  fc
    .record({ node: fc.nat(), other: fc.nat(), edit: fc.constantFrom('up', 'down', 'rename', 'role', 'controlplane', 'rack', 'sameId', 'sameName', 'newId') })
    .map(({ node, other, edit }) => (doc: Doc): Doc => {
      const nodes = doc.nodes as Doc[] | undefined;
      if (!Array.isArray(nodes) || nodes.length === 0) return doc;
      const i = node % nodes.length;
      const n = nodes[i];
      // An earlier mutation may have left a node that is not an object (null, a number).
      const o = nodes[other % nodes.length];
      if (!isDoc(n) || !isDoc(o)) return doc;
      const racks = Array.isArray(doc.racks) ? (doc.racks as Doc[]) : [];
      // The same for racks: a rack an earlier mutation turned into null keeps the node where it is.
      const rack = racks.length > 0 ? racks[other % racks.length] : undefined;
      const patch =
        edit === 'up' || edit === 'down'
          ? { positionU: (n.positionU as number) + (edit === 'up' ? 1 : -1) }
          : edit === 'rename'
            ? { name: `${String(n.name)}x` }
            : edit === 'role'
              ? { role: n.role === 'worker' ? 'storage' : 'worker' }
              : edit === 'controlplane'
                ? { role: 'controlplane' }
                : edit === 'rack'
                  ? { rackId: isDoc(rack) ? rack.id : n.rackId }
                  : edit === 'sameId'
                    ? { id: o.id }
                    : edit === 'sameName'
                      ? { name: o.name }
                      : { id: `${String(n.id)}-b` };
      return { ...doc, nodes: nodes.map((m, j) => (j === i ? { ...m, ...patch } : m)) };
    }),
  mutationArb.map(
    (m) =>
      (doc: Doc): Doc =>
        sharePlan(doc, applyMutation(doc, m).doc as Doc),
  ),
);

describe('createPlanValidator()', () => {
  it('validate(doc) after any sequence of changes, each sent as a delta, equals validatePlan(doc) (property)', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 4, maxNodesPerRack: 4 }), fc.array(changeArb, { minLength: 1, maxLength: 8 }), (start, changes) => {
        const validate = createPlanValidator();
        let sent = start as unknown as Doc;
        let held = structuredClone(sent);
        expect(validate(held)).toEqual(validatePlan(held));
        for (const change of changes) {
          const next = change(sent);
          held = applyPlanDelta(held, planDelta(sent as unknown as Plan, next as unknown as Plan)) as Doc;
          expect(validate(held)).toEqual(validatePlan(structuredClone(next)));
          sent = next;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('validate(plan with one node moved) keeps every other node’s validated object', () => {
    const validate = createPlanValidator();
    const plan = enterprisePlan();
    const first = validate(plan);
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!first.ok || !moved.ok) throw new Error('enterprise sample should validate and its worker move');
    const second = validate(moved.plan);
    if (!second.ok) throw new Error('the moved plan should validate');
    const i = plan.nodes.indexOf(worker);
    expect(second.plan.nodes[i].positionU).toBe(worker.positionU + 1);
    expect(second.plan.nodes.filter((n, j) => j !== i && n !== first.plan.nodes[j])).toEqual([]);
    expect(second.plan.cluster).toBe(first.plan.cluster);
  });

  it('validate(plan with an eighth control plane) after one with seven refuses it as validatePlan does', () => {
    const validate = createPlanValidator();
    const plan = enterprisePlan();
    let promoted = plan.nodes.filter((n) => n.role === 'controlplane').length;
    const seven = { ...plan, nodes: plan.nodes.map((n) => (n.role === 'worker' && promoted < 7 && ++promoted ? { ...n, role: 'controlplane' as const } : n)) };
    expect(validate(seven)).toEqual(validatePlan(seven));
    expect(validate(seven).ok).toBe(true);
    const i = seven.nodes.findIndex((n) => n.role === 'worker');
    const eight = { ...seven, nodes: seven.nodes.map((n, j) => (j === i ? { ...n, role: 'controlplane' as const } : n)) };
    expect(validate(eight)).toEqual(validatePlan(eight));
    expect(validate(eight).ok).toBe(false);
  });
});
