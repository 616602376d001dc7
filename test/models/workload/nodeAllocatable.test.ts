import { describe, expect, it } from 'vitest';
import { allocatableBasis, reservations, takesWorkloads } from '../../../src/models/workload/nodeAllocatable';
import { referencePlan } from '../../../src/plan/samples/samples';

describe('nodeAllocatable', () => {
  it('allocatableBasis(reference) gives a 64-core, 512 GiB worker 64 × 1000 − 50 m and 512 × 1024 − 384 − 100 MiB', () => {
    const plan = referencePlan();
    const b = allocatableBasis(plan);
    const w = plan.nodes.findIndex((n) => n.role === 'worker');
    expect(b.cpuMillicores[w]).toBe(64 * 1000 - 50);
    expect(b.memoryMiB[w]).toBe(512 * 1024 - 384 - 100);
    expect(b.podSlots[w]).toBe(110);
    // Six workers take pods; tainted control planes and storage nodes do not.
    expect(b.schedulableNodes).toBe(6);
    expect(b.totalPodSlots).toBe(6 * 110);
  });

  it('reservations(plan, controlplane) reserves 512 MiB, other roles 384 MiB (Talos defaults)', () => {
    const plan = referencePlan();
    expect(reservations(plan, 'controlplane')[0].memoryMiB).toBe(512);
    expect(reservations(plan, 'worker')[0].memoryMiB).toBe(384);
    expect(reservations(plan, 'worker').every((r) => r.source.length > 0)).toBe(true);
  });

  it('takesWorkloads(plan, node) is false on control planes unless scheduling is allowed, and on NoSchedule taints', () => {
    const plan = referencePlan();
    const cp = plan.nodes.find((n) => n.role === 'controlplane')!;
    expect(takesWorkloads(plan, cp)).toBe(false);
    expect(takesWorkloads({ ...plan, cluster: { ...plan.cluster, allowSchedulingOnControlPlanes: true } }, cp)).toBe(true);
    const w = plan.nodes.find((n) => n.role === 'worker')!;
    expect(takesWorkloads(plan, { ...w, taints: [{ key: 'gpu', value: '', effect: 'NoSchedule' }] })).toBe(false);
    expect(takesWorkloads(plan, { ...w, taints: [{ key: 'gpu', value: '', effect: 'PreferNoSchedule' }] })).toBe(true);
  });

  it('allocatableBasis(plan) clamps at 0 when reservations exceed a node', () => {
    const plan = referencePlan();
    const greedy = { ...plan, cluster: { ...plan.cluster, kubelet: { ...plan.cluster.kubelet, systemReservedCpuMillicores: 1e6 } } };
    const b = allocatableBasis(greedy);
    expect(Math.min(...b.cpuMillicores)).toBe(0);
  });
});
