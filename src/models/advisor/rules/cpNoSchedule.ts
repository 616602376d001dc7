import { raSource, type PlanRule } from '../rule';

const ID = 'RA-CP-NOSCHED';

/** RA-CP-NOSCHED: no workloads on control planes. Reads `cluster.allowSchedulingOnControlPlanes`. */
export const cpNoSchedule: PlanRule = {
  id: ID,
  title: 'No workloads on control planes',
  source: raSource(ID, 'run no workloads on control-plane nodes; Talos taints them by default.'),
  check({ plan, report }) {
    if (!plan.cluster.allowSchedulingOnControlPlanes) return [];
    const members = report.controlPlane.members;
    return [
      {
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `workloads may schedule on the ${members.length} control-plane node(s) (cluster.allowSchedulingOnControlPlanes = true)`,
        why: 'a pod that eats CPU, memory or disk I/O on a control plane slows etcd for the whole cluster, and the control-plane sizing assumes no workload there',
        subjects: { nodes: members.map((m) => m.id), settings: ['cluster.allowSchedulingOnControlPlanes'] },
        fix: { kind: 'setting', label: 'Keep workloads off the control planes', path: ['allowSchedulingOnControlPlanes'], value: false },
      },
    ];
  },
};
