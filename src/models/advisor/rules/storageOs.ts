import { raSource, type PlanRule } from '../rule';

const ID = 'RA-STORAGE-OS';

/** What each provider needs from Talos (Longhorn, OpenEBS and Rook docs for Talos), for the export to carry. */
export const STORAGE_OS_NEEDS: Record<string, string> = {
  longhorn: 'the iscsi-tools and util-linux-tools system extensions and a kubelet extra mount for /var/lib/longhorn',
  mayastor: '2 MiB hugepages (vm.nr_hugepages = 1024, 2 GiB per storage node), the nvme_tcp kernel module and the io-engine node label',
  ceph: 'nothing beyond Talos defaults (the rbd and ceph kernel modules are built in); a raw data disk per OSD',
  'local-path': "a kubelet extra mount for the provisioner's host path",
};

/**
 * RA-STORAGE-OS: provider-specific OS settings. An info finding naming what the plan's provider
 * needs on its storage nodes, for the Omni cluster template to carry.
 */
export const storageOs: PlanRule = {
  id: ID,
  title: 'Storage provider OS settings in the machine config',
  source: raSource(
    ID,
    'each storage provider needs its own OS settings: kernel arguments (hugepages for Mayastor), kernel modules (nvme_tcp) and system extensions (iSCSI tools for Longhorn).',
  ),
  check({ plan, report }) {
    const need = STORAGE_OS_NEEDS[report.storage.provider];
    if (!need) return [];
    const ids = plan.nodes.filter((n) => n.role === 'storage').map((n) => n.id);
    return [
      {
        ruleId: ID,
        severity: 'info',
        source: this.source,
        message: `${report.storage.provider} needs ${need} on its ${report.storage.nodes} storage node(s)`,
        why: 'without them volumes fail to attach; the Omni cluster template must add them to the storage machine class',
        subjects: { nodes: ids, settings: ['cluster.storage.provider'] },
      },
    ];
  },
};
