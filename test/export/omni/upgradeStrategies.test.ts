import { describe, expect, it } from 'vitest';
import { omniTemplate } from '../../../src/export/omni/exportTemplate';
import type { MachineSetDocument } from '../../../src/export/omni/templateModel';
import { referencePlan } from '../../../src/plan/samples/samples';

const sets = (plan: ReturnType<typeof referencePlan>) =>
  omniTemplate(plan).documents.filter((d): d is MachineSetDocument => d.kind === 'ControlPlane' || d.kind === 'Workers');

describe('omniTemplate upgrade strategies', () => {
  it('omniTemplate(reference) rolls control planes and storage one machine at a time by default', () => {
    const docs = sets(referencePlan());
    const cp = docs.find((d) => d.kind === 'ControlPlane');
    expect(cp?.upgradeStrategy).toEqual({ type: 'Rolling', rolling: { maxParallelism: 1 } });
    const storage = docs.filter((x) => x.labels?.['rackplan.io/role'] === 'storage');
    expect(storage.length).toBeGreaterThan(0);
    for (const d of storage) expect(d.upgradeStrategy?.rolling?.maxParallelism).toBe(1);
  });

  it("omniTemplate(plan with cluster.upgradeStrategy) writes the plan's maxParallelism: workers 100 % is every machine of the set", () => {
    const plan = referencePlan();
    plan.cluster.upgradeStrategy = {
      controlplane: { maxParallelism: 1 },
      worker: { maxParallelism: '100%' },
      storage: { maxParallelism: 2 },
      nodeUpgradeS: 300,
    };
    const docs = sets(plan);
    const workers = docs.filter((d) => d.kind === 'Workers' && d.labels?.['rackplan.io/role'] === 'worker');
    expect(workers.length).toBeGreaterThan(0);
    for (const d of workers) expect(d.upgradeStrategy?.rolling?.maxParallelism).toBe(d.machineClass?.size);
  });
});
