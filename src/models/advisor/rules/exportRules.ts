import { roleSchema, type Role } from '../../../plan/schema';
import { topologyOf, type Topology } from '../../topology';
import { raSource, type PlanRule } from '../rule';

/** Memory the Talos console dashboard takes on each node, MB (the reference architecture's figure). */
export const DASHBOARD_MB = 50;

const bareMetalIds = new WeakMap<Topology, readonly string[]>();

/**
 * Nodes on hardware the planner racks (not cloud VMs), which need firmware and boot settings.
 * Listed once per topology: two rules name them, and a 5,000-node plan's list is not small.
 */
function bareMetal(plan: Parameters<PlanRule['check']>[0]['plan']): readonly string[] {
  const topology = topologyOf(plan);
  let ids = bareMetalIds.get(topology);
  if (!ids) {
    const list: string[] = [];
    for (const p of topology.places) if (p.site.kind !== 'cloud') list.push(p.node.id);
    bareMetalIds.set(topology, (ids = list));
  }
  return ids;
}

/**
 * RA-DASHBOARD: disable the Talos dashboard (`talos.dashboard.disabled=1`) to save about 50 MB
 * per node. Info: the figure for this plan, for the export to carry.
 */
export const dashboard: PlanRule = {
  id: 'RA-DASHBOARD',
  title: 'Talos dashboard disabled',
  source: raSource('RA-DASHBOARD', 'the kernel argument talos.dashboard.disabled=1 saves about 50 MB of memory per node.'),
  check({ plan }) {
    const n = plan.nodes.length;
    if (n === 0) return [];
    return [
      {
        ruleId: this.id,
        severity: 'info',
        source: this.source,
        message: `set talos.dashboard.disabled=1 on the ${n} nodes`,
        why: `it frees about ${DASHBOARD_MB} MB per node, ${((n * DASHBOARD_MB) / 1000).toFixed(1)} GB in all`,
        figure: { label: 'memory freed', value: Math.round((n * DASHBOARD_MB) / 100) / 10, unit: 'GB' },
      },
    ];
  },
};

/** RA-EXTENSIONS: the microcode extension on bare metal. Info naming how many nodes need it. */
export const extensions: PlanRule = {
  id: 'RA-EXTENSIONS',
  title: 'System extensions: microcode, drivers, isolation, storage tools',
  source: raSource(
    'RA-EXTENSIONS',
    'install the CPU microcode extension (intel-ucode or amd-ucode) on bare metal, NVIDIA driver extensions on GPU nodes, gVisor or Kata for isolation, and DRBD, iSCSI or Btrfs tools where storage needs them.',
  ),
  check({ plan }) {
    const ids = bareMetal(plan);
    if (ids.length === 0) return [];
    return [
      {
        ruleId: this.id,
        severity: 'info',
        source: this.source,
        message: `${ids.length} bare-metal nodes need the intel-ucode or amd-ucode extension`,
        why: 'CPU microcode fixes stability and security errata that the firmware may not carry',
        subjects: { nodes: ids },
      },
    ];
  },
};

/** RA-SECUREBOOT: SecureBoot and TPM- or KMS-backed disk encryption. Info for the bare-metal nodes. */
export const secureBoot: PlanRule = {
  id: 'RA-SECUREBOOT',
  title: 'SecureBoot and encrypted disks',
  source: raSource('RA-SECUREBOOT', 'boot with SecureBoot / TrustedBoot and encrypt disks with keys held in the TPM or a KMS.'),
  check({ plan }) {
    const ids = bareMetal(plan);
    if (ids.length === 0) return [];
    return [
      {
        ruleId: this.id,
        severity: 'info',
        source: this.source,
        message: `install the ${ids.length} bare-metal nodes from a SecureBoot image with TPM-sealed disk encryption`,
        why: 'a stolen disk or a tampered boot chain then reveals nothing',
        subjects: { nodes: ids },
      },
    ];
  },
};

/** RA-FIREWALL: the Talos ingress firewall, default-block between machine classes. Info with the classes the plan has. */
export const firewall: PlanRule = {
  id: 'RA-FIREWALL',
  title: 'Ingress firewall: default block',
  source: raSource(
    'RA-FIREWALL',
    'in production, turn on the Talos ingress firewall with a default-block policy that allows only the traffic between machine classes (control planes, workers).',
  ),
  check({ plan }) {
    // Roles in order of first appearance; the walk stops once every role of the schema is seen.
    const seen = new Set<Role>();
    for (const n of plan.nodes) {
      seen.add(n.role);
      if (seen.size === roleSchema.options.length) break;
    }
    const roles = [...seen];
    if (roles.length === 0) return [];
    return [
      {
        ruleId: this.id,
        severity: 'info',
        source: this.source,
        message: `default-block ingress firewall with rules between the ${roles.join(', ')} machine classes`,
        why: 'only the ports each class needs from the others stay open (etcd between control planes, kubelet and CNI between all)',
      },
    ];
  },
};

/** RA-ETCD-BACKUP: keep etcd backups. Info with the predicted snapshot size. */
export const etcdBackup: PlanRule = {
  id: 'RA-ETCD-BACKUP',
  title: 'etcd backups',
  source: raSource('RA-ETCD-BACKUP', 'declarative machine configs plus an etcd restore make a cluster reproducible: keep etcd backups.'),
  check({ report }) {
    if (report.controlPlane.quorum.members === 0) return [];
    const mib = report.controlPlane.load.dbBytes / 2 ** 20;
    return [
      {
        ruleId: this.id,
        severity: 'info',
        source: this.source,
        message: `schedule etcd backups in Omni: each snapshot is about ${mib.toFixed(0)} MiB`,
        why: 'a snapshot and the machine configs rebuild the cluster after losing quorum for good',
        figure: { label: 'predicted etcd DB', value: Math.round(mib), unit: 'MiB' },
      },
    ];
  },
};
