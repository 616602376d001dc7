import type { Finding } from '../../finding';
import { raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-CHOICE';
/** Below this many storage nodes Rook+Ceph is "a small cluster" (Ceph's own hardware advice starts at several OSD hosts). */
export const CEPH_MIN_NODES = 6;

/**
 * RA-STORAGE-CHOICE: the provider fits the plan. Rook+Ceph on fewer than six storage nodes and
 * Local Path with volumes are warnings; volumes with no provider an error; otherwise an info
 * verdict naming what the chosen provider is for.
 */
export const storageChoice: PlanRule = {
  id: ID,
  title: 'A storage provider that fits the cluster',
  source: raSource(
    ID,
    'Longhorn for simple replicated storage and general workloads; Rook+Ceph for complex needs at scale, with tuning and dedicated storage nodes, not for small clusters; OpenEBS Mayastor for low-latency replicated NVMe-over-TCP; Local Path only for node-bound or ephemeral data; external NFS or iSCSI otherwise.',
  ),
  check({ plan, report }) {
    const s = report.storage;
    const volumes = s.placement.volumes;
    const base = { ruleId: ID, source: this.source, subjects: { settings: ['cluster.storage.provider'] } };
    const out: Finding[] = [];
    if (s.provider === 'none') {
      if (volumes > 0)
        out.push({
          ...base,
          severity: 'error',
          message: `the workload asks for ${volumes} volumes but the plan has no storage provider`,
          why: 'every persistent volume claim stays Pending',
        });
      return out;
    }
    if (s.provider === 'ceph' && s.nodes < CEPH_MIN_NODES) {
      out.push({
        ...base,
        severity: 'warning',
        message: `Rook+Ceph on ${s.nodes} storage node(s)`,
        why: `Ceph needs tuning and pays off at scale; on fewer than ${CEPH_MIN_NODES} nodes Longhorn gives the same redundancy with far less to operate`,
        figure: { label: 'storage nodes', value: s.nodes, unit: 'nodes' },
      });
    } else if (s.provider === 'local-path' && volumes > 0) {
      out.push({
        ...base,
        severity: 'warning',
        message: `Local Path holds ${volumes} volumes with one copy each`,
        why: 'a node outage makes its volumes unavailable and a disk loss destroys them: use it only for node-bound or ephemeral data',
      });
    } else {
      const what: Record<string, string> = {
        longhorn: 'Longhorn: simple replicated storage for general workloads',
        ceph: 'Rook+Ceph: scales far with dedicated storage nodes, needs tuning',
        mayastor: 'Mayastor: low-latency replicated NVMe over TCP',
        'local-path': 'Local Path: node-bound data only, no replication',
      };
      out.push({
        ...base,
        severity: 'info',
        message: `storage: ${what[s.provider]} (${s.nodes} storage node(s), ${volumes} volumes)`,
        why: `chosen provider for ${plan.cluster.name}`,
      });
    }
    return out;
  },
};
