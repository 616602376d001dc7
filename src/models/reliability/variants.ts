import type { Plan } from '../../plan/schema';

/** A what-if version of a plan for side-by-side reliability figures. */
export interface PlanVariant {
  id: string;
  label: string;
  plan: Plan;
}

const withNodes = (plan: Plan, move: Map<string, string>): Plan => ({
  ...plan,
  nodes: plan.nodes.map((n) => (move.has(n.id) ? { ...n, rackId: move.get(n.id)! } : n)),
});

/**
 * The changes a planner weighs, each as a complete plan: control planes spread one per rack
 * (as far as racks go) or two of them sharing a rack; one replica more or fewer (Longhorn and
 * Mayastor replicas, Ceph replicated size); a serial instead of a parallel repair crew. Only
 * variants that differ from the plan are returned, the plan itself first. Rack space is not
 * re-checked: these are reliability what-ifs, not edits.
 */
export function reliabilityVariants(plan: Plan): PlanVariant[] {
  const out: PlanVariant[] = [{ id: 'plan', label: 'this plan', plan }];
  const cps = plan.nodes.filter((n) => n.role === 'controlplane');
  const racks = plan.racks.map((r) => r.id);
  const cpRacks = new Set(cps.map((n) => n.rackId));
  if (cps.length >= 2 && cpRacks.size < Math.min(cps.length, racks.length)) {
    const used = new Set<string>();
    const free = racks.filter((r) => !cpRacks.has(r));
    const move = new Map<string, string>();
    for (const n of cps) {
      if (!used.has(n.rackId)) used.add(n.rackId);
      else if (free.length > 0) {
        const r = free.shift()!;
        used.add(r);
        move.set(n.id, r);
      }
    }
    out.push({ id: 'spread-cp', label: `${cps.length} control planes in ${used.size} racks`, plan: withNodes(plan, move) });
  }
  if (cps.length >= 3 && cpRacks.size === cps.length) {
    out.push({ id: 'pair-cp', label: `2 of the ${cps.length} control planes in one rack`, plan: withNodes(plan, new Map([[cps[1].id, cps[0].rackId]])) });
  }
  const s = plan.cluster.storage;
  const withStorage = (storage: Plan['cluster']['storage']): Plan => ({ ...plan, cluster: { ...plan.cluster, storage } });
  if (s.provider === 'longhorn' || s.provider === 'mayastor') {
    if (s.replicas < 20) out.push({ id: 'replicas-up', label: `${s.replicas + 1} replicas`, plan: withStorage({ ...s, replicas: s.replicas + 1 }) });
    if (s.replicas > 1)
      out.push({
        id: 'replicas-down',
        label: `${s.replicas - 1} replica${s.replicas - 1 === 1 ? '' : 's'}`,
        plan: withStorage({ ...s, replicas: s.replicas - 1 }),
      });
  } else if (s.provider === 'ceph' && s.pool.type === 'replicated' && s.pool.size < 10) {
    out.push({ id: 'replicas-up', label: `Ceph size ${s.pool.size + 1}`, plan: withStorage({ ...s, pool: { ...s.pool, size: s.pool.size + 1 } }) });
  }
  if (s.provider === 'ceph' && s.failureDomain === 'host') {
    out.push({ id: 'domain-rack', label: 'Ceph failure domain rack', plan: withStorage({ ...s, failureDomain: 'rack' }) });
  }
  const r = plan.reliability;
  out.push({
    id: 'crew',
    label: r.repairCrew === 'parallel' ? 'one repair at a time' : 'parallel repairs',
    plan: { ...plan, reliability: { ...r, repairCrew: r.repairCrew === 'parallel' ? 'serial' : 'parallel' } },
  });
  return out;
}
