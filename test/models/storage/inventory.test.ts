import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryWithAppendedNodes, storageInventory } from '../../../src/models/storage/inventory';
import { planWithAddedStorageNodes } from '../../../src/models/storage/rebalance';
import type { Plan } from '../../../src/plan/schema';
import { storagePlanArb } from '../../arbitraries/storage';

/** A plan and a copy with nodes appended: copies of its own nodes under new ids, with any role and either hardware. */
const extendedArb = fc
  .tuple(
    storagePlanArb,
    fc.boolean(),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('storage', 'worker', 'controlplane') as fc.Arbitrary<Plan['nodes'][number]['role']>, fc.nat()), {
      maxLength: 3,
    }),
  )
  .map(([plan, hyperconverged, extras]): [Plan, Plan] => {
    // A hyperconverged base: its storage nodes become workers that keep their data disks.
    const base: Plan = hyperconverged ? { ...plan, nodes: plan.nodes.map((n) => (n.role === 'storage' ? { ...n, role: 'worker' } : n)) } : plan;
    const added = extras.map(([i, role, h], k) => {
      const like = base.nodes[i % base.nodes.length];
      return { ...like, id: `added-${k}`, name: `added-${k}`, role, hardwareId: base.hardware[h % base.hardware.length].id };
    });
    return [base, { ...base, nodes: [...base.nodes, ...added] }];
  });

describe('inventoryWithAppendedNodes', () => {
  it('inventoryWithAppendedNodes(base, extended) equals storageInventory of the extended plan taken afresh (property)', () => {
    fc.assert(
      fc.property(extendedArb, ([base, extended]) => {
        storageInventory(base);
        expect(inventoryWithAppendedNodes(base, extended)).toEqual(storageInventory(structuredClone(extended)));
      }),
      { numRuns: 150 },
    );
  });

  it('inventoryWithAppendedNodes(plan, planWithAddedStorageNodes(plan, k)) equals storageInventory of that plan taken afresh (property)', () => {
    fc.assert(
      fc.property(storagePlanArb, fc.integer({ min: 1, max: 3 }), (plan, k) => {
        const bigger = planWithAddedStorageNodes(plan, k);
        expect(inventoryWithAppendedNodes(plan, bigger)).toEqual(storageInventory(structuredClone(bigger)));
      }),
      { numRuns: 100 },
    );
  });
});
