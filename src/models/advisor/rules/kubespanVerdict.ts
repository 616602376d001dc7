import type { Finding } from '../../finding';
import { KUBESPAN_GUIDANCE_NODES } from '../../network/meshScaling';
import { topologyOf } from '../../topology';
import { raSource, type PlanRule } from '../rule';

const ID = 'KUBESPAN-VERDICT';

/**
 * The answer to "should this plan use KubeSpan?", from the KubeSpan rules and the network report:
 * advised when nodes sit in cloud or edge sites (joining networks is what it is for); not advised
 * above 100 nodes or when it would carry storage replication; otherwise optional. Info when the
 * plan follows the verdict; a warning when cloud or edge nodes join without it.
 */
export const kubespanVerdict: PlanRule = {
  id: ID,
  title: 'KubeSpan: advised or not for this plan',
  source: raSource(
    'RA-KUBESPAN-THROUGHPUT',
    'KubeSpan suits bursting from one network to another (bare metal to cloud); RA-KUBESPAN-SIZE and RA-STORAGE-NO-KUBESPAN say where it does not.',
  ),
  check({ plan, report }) {
    const net = report.network;
    const n = net.kubespan.nodes;
    // Sites with nodes, from the racks' lists (every place of a list shares its rack's site): O(racks).
    const occupied = new Set<string>();
    for (const list of topologyOf(plan).nodesByRack.values()) if (list.length > 0) occupied.add(list[0].site.id);
    const remote = plan.sites.filter((s) => s.kind !== 'datacenter' && occupied.has(s.id));
    const base = { ruleId: ID, source: this.source, subjects: { settings: ['cluster.kubespan.enabled'] } };
    const against: string[] = [];
    if (n > KUBESPAN_GUIDANCE_NODES) against.push(`${n} nodes, above the ${KUBESPAN_GUIDANCE_NODES}-node guidance`);
    if (net.storage.replicates && !plan.cluster.kubespan.excludeStorageTraffic) against.push('storage traffic would be encrypted');
    const on = net.kubespan.enabled;
    let f: Finding;
    if (remote.length > 0) {
      f = {
        ...base,
        severity: on ? 'info' : 'warning',
        message: `KubeSpan: advised for this plan: it bridges the on-premises site and the ${remote.map((s) => s.name).join(', ')} nodes${on ? '' : ' (it is off)'}`,
        why: on
          ? 'it encrypts and routes across networks with NAT traversal, which is what it is for'
          : 'without it the cloud or edge nodes need a routed, trusted link to every other node',
      };
      if (on && against.length > 0) f.why += `; mind that ${against.join(' and ')}`;
    } else if (against.length > 0) {
      f = {
        ...base,
        severity: 'info',
        message: `KubeSpan: not advised for this plan: ${against.join('; ')}${on ? ' (it is on)' : ''}`,
        why: 'every node sits in one data-center network, so there is nothing to bridge',
      };
    } else {
      f = {
        ...base,
        severity: 'info',
        message: `KubeSpan: optional for this plan (${on ? 'on' : 'off'})`,
        why: `${n} nodes in one network: it would encrypt node-to-node traffic at the CPU cost the network panel shows`,
      };
    }
    return [f];
  },
};
