import { KUBESPAN_GUIDANCE_NODES } from '../../network/meshScaling';
import { raSource, type PlanRule } from '../rule';

const ID = 'RA-KUBESPAN-SIZE';

/**
 * RA-KUBESPAN-SIZE: KubeSpan's full WireGuard mesh is not advised above 100 nodes. Reads the
 * network report's mesh size: peers per node and tunnels against the 100-node mesh.
 */
export const kubespanSize: PlanRule = {
  id: ID,
  title: 'KubeSpan at most 100 nodes',
  source: raSource(ID, 'KubeSpan builds a full WireGuard mesh between nodes, so it is not generally recommended above 100 nodes.'),
  check({ report }) {
    const ks = report.network.kubespan;
    if (!ks.enabled || ks.nodes <= KUBESPAN_GUIDANCE_NODES) return [];
    const at100 = (KUBESPAN_GUIDANCE_NODES * (KUBESPAN_GUIDANCE_NODES - 1)) / 2;
    return [
      {
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `KubeSpan meshes ${ks.nodes} nodes, above the ${KUBESPAN_GUIDANCE_NODES}-node guidance`,
        why: `every node keeps ${ks.peersPerNode} peers; ${ks.tunnels.toLocaleString('en-US')} tunnels is ${(ks.tunnels / at100).toFixed(1)}x the 100-node mesh in keepalives, handshakes and discovery updates`,
        figure: { label: 'WireGuard tunnels', value: ks.tunnels, unit: 'tunnels' },
        subjects: { settings: ['cluster.kubespan.enabled'] },
      },
    ];
  },
};
