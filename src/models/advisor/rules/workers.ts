import type { Finding } from '../../finding';
import { topologyOf } from '../../topology';
import { hasRackWithRoom } from '../fixTargets';
import { raSource, type PlanRule } from '../rule';

const ID = 'RA-WORKERS';

/**
 * RA-WORKERS: workers sized for the workload and able to grow. Reads the physical report: no
 * workers (with control planes kept free) is an error; more pods per worker than the plan's kubelet
 * maxPods (default 110) is an error; no rack with room for one more worker is a warning.
 */
export const workers: PlanRule = {
  id: ID,
  title: 'Workers sized for the workload and scalable',
  source: raSource(ID, 'size worker nodes for the workload and keep room to scale them.'),
  check(input) {
    const { plan, report } = input;
    const count = report.physical.nodesByRole.worker;
    const pods = plan.workload.pods;
    const out: Finding[] = [];
    if (count === 0) {
      if (!plan.cluster.allowSchedulingOnControlPlanes) {
        out.push({
          ruleId: ID,
          severity: 'error',
          source: this.source,
          message: 'the plan has no worker nodes',
          why: `the ${pods.toLocaleString('en-US')} pods of the workload have nowhere to run: control planes are tainted against workloads`,
          figure: { label: 'pods without a node', value: pods, unit: 'pods' },
        });
      }
      return out;
    }
    const perWorker = pods / count;
    const maxPods = plan.cluster.kubelet.maxPods;
    if (perWorker > maxPods) {
      out.push({
        ruleId: ID,
        severity: 'error',
        source: this.source,
        message: `${pods.toLocaleString('en-US')} pods on ${count} workers: ${Math.ceil(perWorker)} pods per worker`,
        why: `kubelet admits ${maxPods} pods per node (cluster.kubelet.maxPods), so ${(pods - maxPods * count).toLocaleString('en-US')} pods stay Pending`,
        figure: { label: 'pods per worker', value: Math.ceil(perWorker), unit: 'pods' },
        subjects: { nodes: plan.nodes.filter((n) => n.role === 'worker').map((n) => n.id) },
      });
    }
    // The shortest worker, from the topology's places (one pass, no spread of thousands of arguments).
    let smallest = Infinity;
    for (const p of topologyOf(plan).places) {
      if (p.node.role !== 'worker') continue;
      const height = p.hardware.heightU;
      if (height < smallest) smallest = height;
    }
    if (!hasRackWithRoom(input, smallest)) {
      out.push({
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `no data-center rack has a free ${smallest} U slot for another worker`,
        why: 'the cluster cannot grow without new racks',
        figure: { label: 'free U in all racks', value: report.physical.totals.totalU - report.physical.totals.usedU, unit: 'U' },
      });
    }
    return out;
  },
};
