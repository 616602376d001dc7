import type { Finding } from '../../finding';
import { raSource, type PlanRule } from '../rule';

const ID = 'RA-UPGRADES';
const REPLICATING = new Set(['longhorn', 'ceph', 'mayastor']);

/**
 * RA-UPGRADES: capacity during a rolling upgrade (one node of a role cordoned and rebooted at a
 * time). Storage with no node beyond one unit's width has no target to rebuild onto while a node
 * reboots: a warning. Workers whose pods no longer fit the survivors' kubelet limit with one
 * drained: a warning. Control-plane headroom with one node down is RA-CP-HEADROOM's.
 */
export const upgrades: PlanRule = {
  id: ID,
  title: 'Capacity for rolling upgrades',
  source: raSource(
    ID,
    'Talos upgrades are A/B per node (cordon, drain, reboot), orchestrated by Omni per cluster; tune the worker update strategy (rolling, parallelism); Kubernetes upgrades do not disrupt an HA control plane.',
  ),
  check({ plan, report }) {
    const out: Finding[] = [];
    const s = report.storage;
    if (REPLICATING.has(s.provider) && s.nodes >= s.placement.width && s.nodes === s.placement.width) {
      out.push({
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `${s.provider} has exactly ${s.nodes} storage nodes for ${s.placement.width} copies`,
        why: 'while one storage node reboots for an upgrade every volume runs degraded with nowhere to rebuild, and a second failure meanwhile loses data',
        figure: { label: 'spare storage nodes', value: 0, unit: 'nodes' },
        subjects: { nodes: plan.nodes.filter((n) => n.role === 'storage').map((n) => n.id) },
      });
    }
    const workers = report.physical.nodesByRole.worker;
    const pods = plan.workload.pods;
    const maxPods = plan.cluster.kubelet.maxPods;
    if (workers >= 2 && pods / workers <= maxPods && pods / (workers - 1) > maxPods) {
      out.push({
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `draining one of ${workers} workers leaves ${Math.ceil(pods / (workers - 1))} pods per worker`,
        why: `above the ${maxPods} pods per node the kubelet admits (cluster.kubelet.maxPods), so pods stay Pending during every rolling upgrade`,
        figure: { label: 'pods per worker, one drained', value: Math.ceil(pods / (workers - 1)), unit: 'pods' },
      });
    }
    return out;
  },
};
