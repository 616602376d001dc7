import { raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-NO-KUBESPAN';

/**
 * RA-STORAGE-NO-KUBESPAN: storage replication must not depend on KubeSpan. Reads the network
 * report's verdict (replicating provider, KubeSpan on, no storage network outside the mesh) and the
 * KubeSpan CPU cost the model computed for the plan's traffic.
 */
export const storageNoKubespan: PlanRule = {
  id: ID,
  title: 'Storage replication off KubeSpan',
  source: raSource(ID, 'storage replication must not depend on KubeSpan: its encryption costs throughput that replication and rebuilds need.'),
  check({ plan, report }) {
    if (!report.network.storage.crossesKubeSpan) return [];
    const share = report.network.kubespan.maxCpuShare;
    const storageIds = plan.nodes.filter((n) => n.role === 'storage').map((n) => n.id);
    return [
      {
        ruleId: ID,
        severity: 'error',
        source: this.source,
        message: `${report.storage.provider} replication between the ${report.storage.nodes} storage node(s) runs through KubeSpan`,
        why: `every replica write and rebuild is encrypted by WireGuard: at the plan's traffic KubeSpan already takes up to ${(share * 100).toFixed(1)} % of a node's cores, and a rebuild adds far more`,
        figure: { label: 'KubeSpan CPU share, busiest profile', value: Math.round(share * 1000) / 10, unit: '%' },
        subjects: { nodes: storageIds, settings: ['cluster.kubespan.enabled', 'cluster.kubespan.excludeStorageTraffic'] },
        fix: {
          kind: 'setting',
          label: 'Turn KubeSpan off for storage traffic (storage network outside the mesh)',
          path: ['kubespan', 'excludeStorageTraffic'],
          value: true,
        },
      },
    ];
  },
};
