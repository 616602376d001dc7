import type { Hardware, Plan, Role } from '../../plan/schema';
import { DOWN, type ResolvedFailures } from '../failures';
import { topologyOf } from '../topology';
import { capacityLeft, lostAllocatable, workloadDemand, type CapacityLeft, type WorkloadDemand } from './capacityLeft';
import { allocatableBasis, reservations, type Reservation } from './nodeAllocatable';

export interface RoleCapacity {
  role: Role;
  nodes: number;
  /** Nodes of this role that take regular pods. */
  schedulableNodes: number;
  cpuCores: number;
  memoryGiB: number;
  allocatableCpuCores: number;
  allocatableMemoryGiB: number;
  podSlots: number;
  reservations: Reservation[];
}

export interface WorkloadCapacityReport {
  roles: RoleCapacity[];
  demand: WorkloadDemand;
  maxPodsPerNode: number;
  /** Demand pods over schedulable nodes (0 without schedulable nodes). */
  meanPodsPerNode: number;
  /** All up, then N+1: after losing the node and the rack whose loss leaves least headroom. */
  allUp: CapacityLeft;
  largestNodeLost: CapacityLeft | null;
  largestRackLost: CapacityLeft | null;
  /** Ids of the node and the rack those two lose (null with them). */
  largestNodeLostId: string | null;
  largestRackLostId: string | null;
  /** The capacity left after the failure set `evaluate` was given (null without one). */
  afterFailures: CapacityLeft | null;
}

/**
 * Workload capacity: total and allocatable CPU and memory per role (allocatable after the
 * kubelet's reservations, see `allocatableBasis`), pod slots against the kubelet's maxPods, the
 * demand (pods × mean request) and whether it still fits after losing the node, then the rack,
 * whose loss leaves the least headroom (smallest max utilisation left over CPU, memory and pods),
 * i.e. whether evicted pods can be rescheduled. With `resolved`, also after that failure set.
 */
export function workloadCapacity(plan: Plan, resolved?: ResolvedFailures): WorkloadCapacityReport {
  const t = topologyOf(plan);
  const basis = allocatableBasis(plan);
  const demand = workloadDemand(plan);
  const roles: RoleCapacity[] = (['controlplane', 'worker', 'storage'] as const).map((role) => ({
    role,
    nodes: 0,
    schedulableNodes: 0,
    cpuCores: 0,
    memoryGiB: 0,
    allocatableCpuCores: 0,
    allocatableMemoryGiB: 0,
    podSlots: 0,
    reservations: reservations(plan, role),
  }));
  // One pass over the nodes for all three roles (each role's sums still run in node order).
  const byRole = { controlplane: roles[0], worker: roles[1], storage: roles[2] };
  const { schedulable, cpuMillicores, memoryMiB, podSlots } = basis;
  for (const p of t.places) {
    const rc = byRole[p.node.role];
    const hw = p.hardware;
    const i = p.index;
    rc.nodes++;
    rc.cpuCores += hw.cores;
    rc.memoryGiB += hw.memoryGiB;
    if (!schedulable[i]) continue;
    rc.schedulableNodes++;
    rc.allocatableCpuCores += cpuMillicores[i] / 1000;
    rc.allocatableMemoryGiB += memoryMiB[i] / 1024;
    rc.podSlots += podSlots[i];
  }
  const none = { cpuMillicores: 0, memoryMiB: 0, podSlots: 0, nodes: 0 };
  const allUp = capacityLeft('all nodes up', basis, demand, none);
  const tightness = (c: CapacityLeft) => Math.max(c.cpuUtilisation ?? Infinity, c.memoryUtilisation ?? Infinity, c.podUtilisation ?? Infinity);

  const lostNode = (i: number) => ({ cpuMillicores: basis.cpuMillicores[i], memoryMiB: basis.memoryMiB[i], podSlots: basis.podSlots[i], nodes: 1 });
  // The first node whose loss is tightest. A node's allocatable follows from its hardware and
  // role alone, so the tightness is worked out once per (hardware, role), not once per node.
  const tightnessOf = new Map<Hardware, Map<Role, number>>();
  let tightest = -1;
  let tightestValue = -Infinity;
  // Runs of nodes share a profile and role: the value is looked up once per run.
  let lastHardware: Hardware | undefined;
  let lastRole: Role | undefined;
  let value = 0;
  for (const p of t.places) {
    if (!schedulable[p.index]) continue;
    const role = p.node.role;
    if (p.hardware !== lastHardware || role !== lastRole) {
      lastHardware = p.hardware;
      lastRole = role;
      let byRole = tightnessOf.get(p.hardware);
      if (!byRole) tightnessOf.set(p.hardware, (byRole = new Map()));
      const known = byRole.get(role);
      if (known === undefined) byRole.set(role, (value = tightness(capacityLeft('', basis, demand, lostNode(p.index)))));
      else value = known;
    }
    if (tightest < 0 || value > tightestValue) {
      tightest = p.index;
      tightestValue = value;
    }
  }
  const largestNodeLost = tightest < 0 ? null : capacityLeft(`node ${t.places[tightest].node.name} lost`, basis, demand, lostNode(tightest));
  let largestRackLost: CapacityLeft | null = null;
  let largestRackLostId: string | null = null;
  for (const rack of plan.racks) {
    const places = t.nodesByRack.get(rack.id) ?? [];
    if (!places.some((p) => basis.schedulable[p.index])) continue;
    const lost = { ...none };
    for (const p of places) {
      if (!basis.schedulable[p.index]) continue;
      lost.cpuMillicores += basis.cpuMillicores[p.index];
      lost.memoryMiB += basis.memoryMiB[p.index];
      lost.podSlots += basis.podSlots[p.index];
      lost.nodes++;
    }
    const c = capacityLeft(`rack ${rack.name} lost`, basis, demand, lost);
    if (!largestRackLost || tightness(c) > tightness(largestRackLost)) {
      largestRackLost = c;
      largestRackLostId = rack.id;
    }
  }
  const afterFailures =
    resolved && resolved.failures.components.length + (resolved.failures.degradations?.length ?? 0) > 0
      ? capacityLeft(
          "after the drill's failures",
          basis,
          demand,
          lostAllocatable(basis, (i) => resolved.nodeStatus[i] === DOWN, t.places.length),
        )
      : null;

  const meanPodsPerNode = basis.schedulableNodes > 0 ? demand.pods / basis.schedulableNodes : 0;
  return {
    roles,
    demand,
    maxPodsPerNode: plan.cluster.kubelet.maxPods,
    meanPodsPerNode,
    allUp,
    largestNodeLost,
    largestRackLost,
    largestNodeLostId: tightest < 0 ? null : t.places[tightest].node.id,
    largestRackLostId,
    afterFailures,
  };
}
