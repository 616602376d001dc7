import { nameList, raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-DEDICATED';
export const STORAGE_ROLE_LABEL = 'node-role.kubernetes.io/storage';

/**
 * RA-STORAGE-DEDICATED: storage nodes carry `node-role.kubernetes.io/storage=` and a taint that
 * keeps regular workloads off (NoSchedule or NoExecute). A storage-role node missing either is a
 * warning, with the workload traffic its NICs would share.
 */
export const storageDedicated: PlanRule = {
  id: ID,
  title: 'Storage nodes labelled and tainted',
  source: raSource(ID, 'keep regular workloads and control-plane components off storage nodes: label them node-role.kubernetes.io/storage= and taint them.'),
  check({ plan }) {
    const open = plan.nodes.filter(
      (n) => n.role === 'storage' && (!(STORAGE_ROLE_LABEL in n.labels) || !n.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')),
    );
    if (open.length === 0) return [];
    return [
      {
        ruleId: ID,
        severity: 'warning',
        source: this.source,
        message: `storage node(s) ${nameList(open.map((n) => n.name))} lack the storage label or a NoSchedule taint`,
        why: `regular pods can land there: rebuild and replication traffic then competes with ${plan.workload.eastWestGbpsPerNode} Gbit/s of workload traffic per node, and a busy pod slows every volume with a replica there`,
        figure: { label: 'storage nodes open to workloads', value: open.length, unit: 'nodes' },
        subjects: { nodes: open.map((n) => n.id) },
        fix: { kind: 'dedicateStorageNodes', label: `Label and taint the storage node${open.length === 1 ? '' : 's'}`, nodeIds: open.map((n) => n.id) },
      },
    ];
  },
};
