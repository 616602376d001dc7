import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topologyOf, topologyWithAppendedNodes } from '../../src/models/topology';
import type { Plan } from '../../src/plan/schema';
import { storagePlanArb } from '../arbitraries/storage';

/** A plan and a copy with copies of some of its nodes appended under new ids, in any rack. */
const extendedArb = fc.tuple(storagePlanArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 })).map(([plan, extras]): [Plan, Plan] => {
  const added = extras.map(([i, r], k) => ({
    ...plan.nodes[i % plan.nodes.length],
    id: `added-${k}`,
    name: `added-${k}`,
    rackId: plan.racks[r % plan.racks.length].id,
  }));
  return [plan, { ...plan, nodes: [...plan.nodes, ...added] }];
});

describe('topologyWithAppendedNodes', () => {
  it("topologyWithAppendedNodes(base, extended) answers as topologyOf(extended) does, and leaves base's topology as it was (property)", () => {
    fc.assert(
      fc.property(extendedArb, ([base, extended]) => {
        const before = topologyOf(base);
        const baseByRack = [...before.nodesByRack].map(([id, list]) => [id, list.map((p) => p.node.id)]);
        const derived = topologyWithAppendedNodes(base, extended);
        const fresh = topologyOf(structuredClone(extended));
        expect(derived.places).toEqual(fresh.places);
        expect([...derived.placeById]).toEqual([...fresh.placeById]);
        expect(derived.placeById.size).toBe(fresh.placeById.size);
        for (const n of extended.nodes) expect(derived.placeById.get(n.id)).toEqual(fresh.placeById.get(n.id));
        expect(derived.placeById.has('no-such-node')).toBe(false);
        expect([...derived.nodesByRack]).toEqual([...fresh.nodesByRack]);
        expect([...before.nodesByRack].map(([id, list]) => [id, list.map((p) => p.node.id)])).toEqual(baseByRack);
        expect(before.placeById.size).toBe(base.nodes.length);
      }),
      { numRuns: 100 },
    );
  });
});
