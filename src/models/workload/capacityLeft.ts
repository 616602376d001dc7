import type { Plan } from '../../plan/schema';
import type { AllocatableBasis } from './nodeAllocatable';

/** What regular pods ask for in total: pods × the mean request per pod. */
export interface WorkloadDemand {
  pods: number;
  cpuCores: number;
  memoryGiB: number;
}

/** Capacity for regular pods that is left after losing some nodes, against the demand. */
export interface CapacityLeft {
  label: string;
  /** Schedulable nodes lost. */
  nodesLost: number;
  nodesLeft: number;
  cpuCores: number;
  memoryGiB: number;
  podSlots: number;
  /** Pods that were running on the lost nodes (pods spread over pod slots in proportion), rounded up. */
  evictedPods: number;
  /** Demand over what is left; 0 when there is no demand, null when demand meets no capacity at all. */
  cpuUtilisation: number | null;
  memoryUtilisation: number | null;
  podUtilisation: number | null;
  /** Every pod (including the evicted ones) fits in what is left, by CPU, memory and pod slots. */
  fits: boolean;
  /** Resources that fall short, in words ("CPU: 120 cores asked, 96 left"). */
  short: string[];
}

/** The plan's demand: pods × `workload.podCpuMillicores` / `podMemoryMiB`. */
export function workloadDemand(plan: Plan): WorkloadDemand {
  const w = plan.workload;
  return { pods: w.pods, cpuCores: (w.pods * w.podCpuMillicores) / 1000, memoryGiB: (w.pods * w.podMemoryMiB) / 1024 };
}

/**
 * Capacity left after losing nodes whose allocatable sums are `lost` (millicores, MiB, pod slots,
 * schedulable nodes), against the demand. Aggregate, not bin-packed: a pod larger than every
 * surviving node's free share would still not fit, which this does not see. Evicted pods are
 * pods × lost slots / all slots, the expected share under an even spread.
 */
export function capacityLeft(
  label: string,
  basis: AllocatableBasis,
  demand: WorkloadDemand,
  lost: { cpuMillicores: number; memoryMiB: number; podSlots: number; nodes: number },
): CapacityLeft {
  const cpu = Math.max(0, basis.totalCpuMillicores - lost.cpuMillicores) / 1000;
  const mem = Math.max(0, basis.totalMemoryMiB - lost.memoryMiB) / 1024;
  const slots = Math.max(0, basis.totalPodSlots - lost.podSlots);
  const ratio = (asked: number, left: number) => (asked === 0 ? 0 : left === 0 ? null : asked / left);
  const short: string[] = [];
  if (demand.cpuCores > cpu) short.push(`CPU: ${round1(demand.cpuCores)} cores requested, ${round1(cpu)} allocatable left`);
  if (demand.memoryGiB > mem) short.push(`memory: ${round1(demand.memoryGiB)} GiB requested, ${round1(mem)} GiB allocatable left`);
  if (demand.pods > slots) short.push(`pods: ${demand.pods} pods, ${slots} pod slots left (kubelet maxPods)`);
  const evicted = basis.totalPodSlots > 0 ? Math.ceil((demand.pods * lost.podSlots) / basis.totalPodSlots - 1e-9) : 0;
  return {
    label,
    nodesLost: lost.nodes,
    nodesLeft: basis.schedulableNodes - lost.nodes,
    cpuCores: cpu,
    memoryGiB: mem,
    podSlots: slots,
    evictedPods: Math.min(demand.pods, Math.max(0, evicted)),
    cpuUtilisation: ratio(demand.cpuCores, cpu),
    memoryUtilisation: ratio(demand.memoryGiB, mem),
    podUtilisation: ratio(demand.pods, slots),
    fits: short.length === 0,
    short,
  };
}

/** The lost sums of the nodes whose `down[i]` is set. */
export function lostAllocatable(basis: AllocatableBasis, down: (i: number) => boolean, count: number) {
  let cpuMillicores = 0,
    memoryMiB = 0,
    podSlots = 0,
    nodes = 0;
  for (let i = 0; i < count; i++) {
    if (!basis.schedulable[i] || !down(i)) continue;
    cpuMillicores += basis.cpuMillicores[i];
    memoryMiB += basis.memoryMiB[i];
    podSlots += basis.podSlots[i];
    nodes++;
  }
  return { cpuMillicores, memoryMiB, podSlots, nodes };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
