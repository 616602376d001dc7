import type { Plan, PlanNode, Role } from '../../plan/schema';
import { topologyOf } from '../topology';

/** One reservation the kubelet subtracts from a node's capacity, with where its default comes from. */
export interface Reservation {
  what: string;
  cpuMillicores: number;
  memoryMiB: number;
  source: string;
}

/** Per node (plan order): what regular pods can use. Built once per plan; drills and sweeps subtract from it. */
export interface AllocatableBasis {
  /** 1 when the node takes regular pods (see `takesWorkloads`). */
  schedulable: Uint8Array;
  /** Allocatable CPU, millicores (0 on nodes that take no pods). */
  cpuMillicores: Float64Array;
  /** Allocatable memory, MiB. */
  memoryMiB: Float64Array;
  /** Pods the kubelet admits (maxPods). */
  podSlots: Float64Array;
  totalCpuMillicores: number;
  totalMemoryMiB: number;
  totalPodSlots: number;
  schedulableNodes: number;
}

/** The reservations the kubelet makes on a node of `role` with the plan's kubelet settings. */
export function reservations(plan: Plan, role: Role): Reservation[] {
  const k = plan.cluster.kubelet;
  return [
    {
      what: 'systemReserved',
      cpuMillicores: k.systemReservedCpuMillicores,
      memoryMiB: role === 'controlplane' ? k.systemReservedMemoryMiBControlPlane : k.systemReservedMemoryMiBWorker,
      source: 'Talos kubelet defaults: 50m CPU, 512Mi (control plane) / 384Mi (other) memory (siderolabs/talos pkg/machinery/constants)',
    },
    {
      what: 'kubeReserved',
      cpuMillicores: k.kubeReservedCpuMillicores,
      memoryMiB: k.kubeReservedMemoryMiB,
      source: 'Talos sets none; Kubernetes defaults to none',
    },
    {
      what: 'evictionHard memory.available',
      cpuMillicores: 0,
      memoryMiB: k.evictionHardMemoryMiB,
      source: 'kubelet default evictionHard memory.available<100Mi (Kubernetes node-pressure eviction)',
    },
  ];
}

/**
 * Whether regular pods land on a node: control planes only with `allowSchedulingOnControlPlanes`
 * (Talos taints them NoSchedule otherwise), and no node with a NoSchedule or NoExecute taint
 * (pods without a matching toleration avoid it; PreferNoSchedule only discourages).
 */
export function takesWorkloads(plan: Plan, node: PlanNode): boolean {
  if (node.role === 'controlplane' && !plan.cluster.allowSchedulingOnControlPlanes) return false;
  return !node.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
}

const cache = new WeakMap<Plan, AllocatableBasis>();

/**
 * Node allocatable (Kubernetes "Reserve Compute Resources for System Daemons"):
 *   allocatable = capacity − kubeReserved − systemReserved − hard eviction threshold
 * with CPU in millicores (cores × 1000) and memory in MiB (GiB × 1024); the eviction threshold
 * only applies to memory. Clamped at 0. Pod slots are the kubelet's maxPods (110 by default).
 * Example: a 64-core, 512 GiB worker on Talos defaults has 64,000 − 50 = 63,950 m and
 * 524,288 − 384 − 100 = 523,804 MiB allocatable.
 */
export function allocatableBasis(plan: Plan): AllocatableBasis {
  const hit = cache.get(plan);
  if (hit) return hit;
  const places = topologyOf(plan).places;
  const n = places.length;
  const schedulable = new Uint8Array(n);
  const cpu = new Float64Array(n);
  const mem = new Float64Array(n);
  const slots = new Float64Array(n);
  const byRole = new Map<Role, { cpu: number; mem: number }>();
  const reservedOf = (role: Role) => {
    let r = byRole.get(role);
    if (!r) {
      const list = reservations(plan, role);
      r = { cpu: list.reduce((s, x) => s + x.cpuMillicores, 0), mem: list.reduce((s, x) => s + x.memoryMiB, 0) };
      byRole.set(role, r);
    }
    return r;
  };
  let totalCpu = 0,
    totalMem = 0,
    totalSlots = 0,
    nodes = 0;
  for (const p of places) {
    if (!takesWorkloads(plan, p.node)) continue;
    const r = reservedOf(p.node.role);
    schedulable[p.index] = 1;
    cpu[p.index] = Math.max(0, p.hardware.cores * 1000 - r.cpu);
    mem[p.index] = Math.max(0, p.hardware.memoryGiB * 1024 - r.mem);
    slots[p.index] = plan.cluster.kubelet.maxPods;
    totalCpu += cpu[p.index];
    totalMem += mem[p.index];
    totalSlots += slots[p.index];
    nodes++;
  }
  const basis = {
    schedulable,
    cpuMillicores: cpu,
    memoryMiB: mem,
    podSlots: slots,
    totalCpuMillicores: totalCpu,
    totalMemoryMiB: totalMem,
    totalPodSlots: totalSlots,
    schedulableNodes: nodes,
  };
  cache.set(plan, basis);
  return basis;
}
