import { raSource, type PlanRule } from '../rule';

const ID = 'RA-KUBESPAN-THROUGHPUT';
/** Share of a node's cores spent on WireGuard above which the encryption cost is worth a finding. */
export const KUBESPAN_CPU_SHARE = 0.1;

/**
 * RA-KUBESPAN-THROUGHPUT: KubeSpan's encryption costs throughput; not for storage or HPC traffic.
 * With KubeSpan on, a hardware profile spending more than 10 % of its cores on WireGuard at the
 * plan's east-west traffic is a warning (the cost table of the network report). Storage traffic
 * through KubeSpan is RA-STORAGE-NO-KUBESPAN's.
 */
export const kubespanThroughput: PlanRule = {
  id: ID,
  title: 'KubeSpan only where its encryption cost is affordable',
  source: raSource(
    ID,
    "KubeSpan's encryption lowers throughput: keep storage replication and HPC traffic off it; it suits general traffic and bursting from one network to another, such as bare metal to cloud.",
  ),
  check({ plan, report }) {
    const ks = report.network.kubespan;
    if (!ks.enabled) return [];
    const heavy = ks.costs.filter((c) => c.cpuShare > KUBESPAN_CPU_SHARE);
    if (heavy.length === 0) return [];
    const worst = heavy.reduce((a, b) => (b.cpuShare > a.cpuShare ? b : a));
    const ids = plan.nodes.filter((n) => heavy.some((h) => h.hardwareId === n.hardwareId)).map((n) => n.id);
    return [
      {
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `KubeSpan encryption takes ${(worst.cpuShare * 100).toFixed(1)} % of the cores of ${worst.name} (${worst.nodes} nodes)`,
        why: `at ${plan.workload.eastWestGbpsPerNode} Gbit/s east-west per node WireGuard needs ${worst.coresUsed.toFixed(1)} cores per node, and one flow tops out at ${worst.perFlowGbps.toFixed(1)} Gbit/s`,
        figure: { label: 'cores on WireGuard', value: Math.round(worst.cpuShare * 1000) / 10, unit: '%' },
        subjects: { nodes: ids, settings: ['cluster.kubespan.enabled'] },
      },
    ];
  },
};
