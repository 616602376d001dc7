import { raSource, type PlanRule } from '../rule';

const ID = 'RA-KUBEVIRT';
/** Providers whose volumes can be shared read-write by two nodes during a VM live migration. */
const LIVE_MIGRATION: Record<string, boolean> = { longhorn: true, ceph: true, mayastor: false, 'local-path': false, none: false };

/**
 * RA-KUBEVIRT: KubeVirt needs a CSI with live migration and a multi-interface CNI. The plan does
 * not say whether it runs KubeVirt, so this is an info verdict on whether its storage and CNI
 * could.
 */
export const kubevirt: PlanRule = {
  id: ID,
  title: 'KubeVirt: live-migration storage and a multi-interface CNI',
  source: raSource(
    ID,
    'KubeVirt needs storage with live migration (such as Longhorn, with read-write-many volumes) and a CNI with several interfaces per pod (Multus, Kube-OVN).',
  ),
  check({ plan }) {
    const provider = plan.cluster.storage.provider;
    const ok = LIVE_MIGRATION[provider];
    return [
      {
        ruleId: ID,
        severity: 'info',
        source: this.source,
        message: `KubeVirt: ${ok ? `${provider} can live-migrate VM disks` : `${provider} cannot live-migrate VM disks`}; ${plan.cluster.cni.name} needs Multus beside it for VM networks`,
        why: ok
          ? 'the plan does not say whether it runs VMs; if it does, add Multus or Kube-OVN'
          : 'if the plan runs VMs, they must stop to move between nodes',
        subjects: { settings: ['cluster.storage.provider'] },
      },
    ];
  },
};
