import type { Plan, PlanNode } from '../../../src/plan/schema';
import { evaluate } from '../../../src/models/evaluate';
import type { Finding } from '../../../src/models/finding';

/** Evaluates the plan and keeps its findings. */
export function findingsOf(plan: Plan): Finding[] {
  return evaluate(plan).findings;
}

/** The findings of one rule at warning or error (info verdicts do not count as breaking it). */
export function broken(plan: Plan, ruleId: string): Finding[] {
  return findingsOf(plan).filter((f) => f.ruleId === ruleId && f.severity !== 'info');
}

export function editNode(plan: Plan, id: string, patch: Partial<PlanNode>): Plan {
  return { ...plan, nodes: plan.nodes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

export function withoutNodes(plan: Plan, ...ids: string[]): Plan {
  return { ...plan, nodes: plan.nodes.filter((n) => !ids.includes(n.id)) };
}

export function editHardware(plan: Plan, id: string, patch: Partial<Plan['hardware'][number]>): Plan {
  return { ...plan, hardware: plan.hardware.map((h) => (h.id === id ? { ...h, ...patch } : h)) };
}

export function editCluster(plan: Plan, patch: (c: Plan['cluster']) => Partial<Plan['cluster']>): Plan {
  return { ...plan, cluster: { ...plan.cluster, ...patch(plan.cluster) } };
}

/** The plan without volumes: storage placement is the slow part of evaluating generated plans and most rules do not need it. */
export function withoutVolumes(plan: Plan): Plan {
  return { ...plan, workload: { ...plan.workload, volumes: { list: [] } } };
}

/** Adds a second data-center site with one empty rack, `remote`, for locality tests. */
export function withRemoteSite(plan: Plan): Plan {
  return {
    ...plan,
    sites: [...plan.sites, { id: 'dc2', name: 'DC 2', kind: 'datacenter', wanGbps: 10 }],
    rooms: [...plan.rooms, { id: 'dc2-room', name: 'Room', siteId: 'dc2', coreGbps: 800 }],
    rows: [...plan.rows, { id: 'dc2-row', name: 'Row', roomId: 'dc2-room', spineGbps: 400 }],
    racks: [...plan.racks, { ...plan.racks[0], id: 'remote', name: 'Remote', rowId: 'dc2-row' }],
  };
}
