import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../src/editor/action';
import { deleteNodes, duplicateNodes, moveNodesToRack, setRole, shiftNodes, updateNode } from '../../src/editor/actions/nodes';
import { updateRack } from '../../src/editor/actions/racks';
import { updateNetwork } from '../../src/editor/actions/network';
import { renamePlan } from '../../src/editor/actions/planSettings';
import { evaluate } from '../../src/models/evaluate';
import { createEvaluator } from '../../src/models/evaluator';
import { enterprisePlan } from '../../src/plan/samples/samples';
import type { Plan, Role } from '../../src/plan/schema';
import { sharePlan } from '../../workers/sharePlan';
import { validPlanArbWith } from '../arbitraries/plan';

const OPTIONS = { seed: 7, samples: 400 };
const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

/** One generated edit, as the editor makes them: a pure action on the current plan. */
const editArb: fc.Arbitrary<[string, (plan: Plan) => ActionResult | null]> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom<Role>('controlplane', 'worker', 'storage')).map(([i, role]): [string, (p: Plan) => ActionResult | null] => [
    `setRole ${i} ${role}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? setRole(p, { ids: [n.id], role }) : null;
    },
  ]),
  fc.tuple(fc.nat(), fc.integer({ min: -2, max: 2 })).map(([i, deltaU]): [string, (p: Plan) => ActionResult | null] => [
    `shift ${i} ${deltaU}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? shiftNodes(p, { ids: [n.id], deltaU }) : null;
    },
  ]),
  fc.tuple(fc.nat(), fc.nat()).map(([i, r]): [string, (p: Plan) => ActionResult | null] => [
    `move ${i} to rack ${r}`,
    (p) => {
      const n = pick(p.nodes, i);
      const rack = pick(p.racks, r);
      return n && rack ? moveNodesToRack(p, { ids: [n.id], rackId: rack.id }) : null;
    },
  ]),
  fc.nat().map((i): [string, (p: Plan) => ActionResult | null] => [
    `rename node ${i}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? updateNode(p, { id: n.id, patch: { name: `${n.name}-x` } }) : null;
    },
  ]),
  fc.nat().map((i): [string, (p: Plan) => ActionResult | null] => [
    `delete ${i}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? deleteNodes(p, { ids: [n.id] }) : null;
    },
  ]),
  fc.nat().map((i): [string, (p: Plan) => ActionResult | null] => [
    `duplicate ${i}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? duplicateNodes(p, { ids: [n.id] }) : null;
    },
  ]),
  fc.nat().map((r): [string, (p: Plan) => ActionResult | null] => [
    `rename rack ${r}`,
    (p) => {
      const rack = pick(p.racks, r);
      return rack ? updateRack(p, { id: rack.id, patch: { name: `${rack.name}-x` } }) : null;
    },
  ]),
  fc.integer({ min: 1280, max: 9000 }).map((mtu): [string, (p: Plan) => ActionResult | null] => [`mtu ${mtu}`, (p) => updateNetwork(p, { patch: { mtu } })]),
  fc.constant<[string, (p: Plan) => ActionResult | null]>(['rename plan', (p) => renamePlan(p, { name: `${p.name}!` })]),
);

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
        expect(viaWorker(plan)).toEqual(evaluate(plan, OPTIONS));
        for (const [, edit] of edits) {
          const result = edit(plan);
          if (!result?.ok) continue;
          plan = result.plan;
          expect(viaWorker(plan)).toEqual(evaluate(plan, OPTIONS));
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
