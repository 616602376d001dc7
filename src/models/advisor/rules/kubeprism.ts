import { raSource, type PlanRule } from '../rule';

const ID = 'RA-KUBEPRISM';

/** RA-KUBEPRISM: KubePrism on (the Talos default). Reads `cluster.kubeprism.enabled`. */
export const kubeprism: PlanRule = {
  id: ID,
  title: 'KubePrism enabled',
  source: raSource(
    ID,
    'keep KubePrism enabled on every node (the Talos default), so every process reaches the API server even when the external load balancer is down.',
  ),
  check({ plan, report }) {
    if (plan.cluster.kubeprism.enabled) return [];
    return [
      {
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: 'KubePrism is off (cluster.kubeprism.enabled = false)',
        why: `the kubelets and pods on all ${report.physical.totals.nodes} nodes then depend on the external load balancer to reach the API server: when it fails, the whole cluster loses the API`,
        figure: { label: 'nodes depending on the load balancer', value: report.physical.totals.nodes, unit: 'nodes' },
        subjects: { settings: ['cluster.kubeprism.enabled'] },
        fix: { kind: 'setting', label: 'Turn KubePrism on', path: ['kubeprism', 'enabled'], value: true },
      },
    ];
  },
};
