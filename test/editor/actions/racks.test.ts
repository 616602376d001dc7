import { describe, expect, it } from 'vitest';
import { addRack } from '../../../src/editor/actions/racks';
import { enterprisePlan, hybridBurstPlan, referencePlan } from '../../../src/plan/samples/samples';
import { validatePlan } from '../../../src/plan/validate';

describe('rack actions', () => {
  it('addRack(reference, row-1) adds R4 (id r4) after R3, not "Row 1 R4"', () => {
    const r = addRack(referencePlan(), { rowId: 'row-1' });
    expect(r.ok && r.plan.racks.map((x) => `${x.id}:${x.name}`)).toEqual(['r1:R1', 'r2:R2', 'r3:R3', 'r4:R4']);
    expect(r.ok && r.label).toBe('Add rack R4 to Row 1');
    expect(r.ok && validatePlan(r.plan).ok).toBe(true);
  });

  it("addRack(enterprise, row-a) skips row B's R5-R8 and inserts R9 after R4", () => {
    const r = addRack(enterprisePlan(), { rowId: 'row-a' });
    expect(r.ok && r.plan.racks.map((x) => x.name)).toEqual(['R1', 'R2', 'R3', 'R4', 'R9', 'R5', 'R6', 'R7', 'R8']);
  });

  it('addRack(hybrid, az1-pool) numbers the unnumbered "Burst VMs": "Burst VMs 2"', () => {
    const r = addRack(hybridBurstPlan(), { rowId: 'az1-pool' });
    expect(r.ok && r.plan.racks.at(-1)).toMatchObject({ id: 'burst-vms-2', name: 'Burst VMs 2', rowId: 'az1-pool' });
    expect(r.ok && validatePlan(r.plan).ok).toBe(true);
  });
});
