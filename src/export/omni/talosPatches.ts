import type { Plan, Role, Taint } from '../../plan';
import type { TalosFormat } from './talosFormat';

/** One named Talos config patch: the documents Omni merges into the machine configuration. */
export interface TalosPatch {
  name: string;
  documents: Record<string, unknown>[];
}

/** Talos' kernel argument that turns off the console dashboard (https://www.talos.dev/v1.12/talos-guides/interfaces/dashboard/). */
export const DASHBOARD_DISABLED_ARG = 'talos.dashboard.disabled=1';

/**
 * WireGuard adds up to 80 bytes (IPv6 outer header 40 + UDP 8 + WireGuard 32); Talos' KubeSpan
 * default MTU of 1420 is 1500 − 80 (https://www.talos.dev/v1.12/talos-guides/network/kubespan/).
 */
export const WIREGUARD_OVERHEAD_BYTES = 80;

/** KubeSpan's WireGuard port (Talos KubeSpan docs). */
export const KUBESPAN_PORT = 51820;

/**
 * Cluster-wide patches: the CNI (`none` for Cilium, which is installed separately; Talos'
 * default Flannel needs no patch), KubePrism, KubeSpan with discovery (in `machine.network` before
 * Talos 1.13, a `KubeSpanConfig` document from 1.13), and scheduling on control planes.
 */
export function clusterPatches(plan: Plan, format: TalosFormat): TalosPatch[] {
  const c = plan.cluster;
  const patches: TalosPatch[] = [];
  if (c.cni.name === 'cilium') {
    patches.push({ name: 'rackplan-cni', documents: [{ cluster: { network: { cni: { name: 'none' } } } }] });
  }
  patches.push({ name: 'rackplan-kubeprism', documents: [{ machine: { features: { kubePrism: { enabled: c.kubeprism.enabled, port: c.kubeprism.port } } } }] });
  const kubespan = { enabled: c.kubespan.enabled, mtu: plan.network.mtu - WIREGUARD_OVERHEAD_BYTES };
  // KubeSpan finds its peers through cluster discovery, so it is switched on together with KubeSpan.
  const discovery = { cluster: { discovery: { enabled: true } } };
  patches.push({
    name: 'rackplan-kubespan',
    documents: format.kubeSpanDocument
      ? [...(c.kubespan.enabled ? [discovery] : []), { apiVersion: 'v1alpha1', kind: 'KubeSpanConfig', ...kubespan }]
      : [{ ...(c.kubespan.enabled ? discovery : {}), machine: { network: { kubespan } } }],
  });
  if (c.allowSchedulingOnControlPlanes) {
    patches.push({ name: 'rackplan-scheduling', documents: [{ cluster: { allowSchedulingOnControlPlanes: true } }] });
  }
  return patches;
}

/**
 * Private address space (RFC 1918, RFC 4193): where cluster-internal services accept traffic
 * from when the plan has no node subnets. Omni's SideroLink addresses (fdae:41e4:649b:9303::/64)
 * are inside fd00::/8, so Omni keeps reaching apid. Narrow these to the real node subnets.
 */
export const PRIVATE_SUBNETS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'];
const ANYWHERE = ['0.0.0.0/0', '::/0'];

interface PortRule {
  name: string;
  ports: (number | string)[];
  protocol: 'tcp' | 'udp';
  from: string[];
}

/**
 * Ingress firewall for one role: block by default, then open what Talos' "Ingress Firewall"
 * guide lists (https://www.talos.dev/v1.12/talos-guides/network/ingress-firewall/): apid 50000
 * and kubelet 10250 from the cluster; on control planes trustd 50001, etcd 2379-2380 and the
 * Kubernetes API 6443 (from anywhere); the CNI's overlay (Flannel VXLAN 4789/udp; Cilium VXLAN
 * 8472/udp or Geneve 6081/udp, health 4240/tcp, Hubble 4244/tcp; https://docs.cilium.io/en/stable/operations/system_requirements/#firewall-requirements);
 * KubeSpan 51820/udp from anywhere when it is on.
 */
export function firewallPatch(plan: Plan, role: 'controlplane' | 'worker'): TalosPatch {
  const rules: PortRule[] = [
    { name: 'rackplan-apid', ports: [50000], protocol: 'tcp', from: PRIVATE_SUBNETS },
    { name: 'rackplan-kubelet', ports: [10250], protocol: 'tcp', from: PRIVATE_SUBNETS },
  ];
  if (role === 'controlplane') {
    rules.push(
      { name: 'rackplan-trustd', ports: [50001], protocol: 'tcp', from: PRIVATE_SUBNETS },
      { name: 'rackplan-etcd', ports: ['2379-2380'], protocol: 'tcp', from: PRIVATE_SUBNETS },
      { name: 'rackplan-kube-apiserver', ports: [6443], protocol: 'tcp', from: ANYWHERE },
    );
  }
  const cni = plan.cluster.cni;
  if (cni.name === 'flannel') rules.push({ name: 'rackplan-cni-vxlan', ports: [4789], protocol: 'udp', from: PRIVATE_SUBNETS });
  else {
    if (cni.mode === 'vxlan') rules.push({ name: 'rackplan-cni-vxlan', ports: [8472], protocol: 'udp', from: PRIVATE_SUBNETS });
    if (cni.mode === 'geneve') rules.push({ name: 'rackplan-cni-geneve', ports: [6081], protocol: 'udp', from: PRIVATE_SUBNETS });
    rules.push({ name: 'rackplan-cni-health', ports: [4240, 4244], protocol: 'tcp', from: PRIVATE_SUBNETS });
  }
  if (plan.cluster.kubespan.enabled) rules.push({ name: 'rackplan-kubespan', ports: [KUBESPAN_PORT], protocol: 'udp', from: ANYWHERE });
  return {
    name: `rackplan-firewall-${role}`,
    documents: [
      { apiVersion: 'v1alpha1', kind: 'NetworkDefaultActionConfig', ingress: 'block' },
      ...rules.map((r) => ({
        apiVersion: 'v1alpha1',
        kind: 'NetworkRuleConfig',
        name: r.name,
        portSelector: { ports: r.ports, protocol: r.protocol },
        ingress: r.from.map((subnet) => ({ subnet })),
      })),
    ],
  };
}

/** `NoSchedule`, or `value:NoSchedule`: Talos' taint notation (siderolabs/talos `labels.ParseTaint`). */
export function talosTaint(t: Taint): string {
  return t.value ? `${t.value}:${t.effect}` : t.effect;
}

/**
 * Labels and taints of a machine set. Control planes set both with `machine.nodeLabels` and
 * `machine.nodeTaints`. Workers may not change their own taints after joining (NodeRestriction),
 * so their taints go in at registration through the kubelet's `registerWithTaints`.
 */
export function nodeMetadataPatch(name: string, role: Role, labels: Record<string, string>, taints: readonly Taint[]): TalosPatch | undefined {
  const machine: Record<string, unknown> = {};
  if (Object.keys(labels).length > 0) machine.nodeLabels = labels;
  if (taints.length > 0) {
    if (role === 'controlplane') machine.nodeTaints = Object.fromEntries(taints.map((t) => [t.key, talosTaint(t)]));
    else
      machine.kubelet = { extraConfig: { registerWithTaints: taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })) } };
  }
  return Object.keys(machine).length > 0 ? { name, documents: [{ machine }] } : undefined;
}

/** What a storage provider needs on the machines of one set: extensions and a patch. */
export interface StorageNeeds {
  systemExtensions: string[];
  patch?: TalosPatch;
}

const bindMount = (path: string) => ({ destination: path, type: 'bind', source: path, options: ['bind', 'rshared', 'rw'] });

/**
 * Mayastor's io-engine needs 2 MiB huge pages, at least 2 GiB of them, i.e. 1024 pages
 * (https://openebs.io/docs/user-guides/replicated-storage-user-guide/replicated-pv-mayastor/rs-installation#prerequisites);
 * Longhorn's v2 (SPDK) data engine asks for the same (https://longhorn.io/docs/latest/v2-data-engine/prerequisites/).
 */
export const HUGEPAGES_2MIB = 1024;

/**
 * The storage provider's needs on one machine set (Talos' storage guides,
 * https://www.talos.dev/v1.12/kubernetes-guides/configuration/storage/): Longhorn wants the
 * iscsi-tools and util-linux-tools extensions wherever volumes attach and /var/lib/longhorn
 * mounted into the kubelet on data nodes (its v2 engine also huge pages and the nvme_tcp,
 * vfio_pci, uio_pci_generic modules there); Mayastor wants nvme_tcp everywhere volumes attach and,
 * on data nodes, huge pages, the `openebs.io/engine=mayastor` label and /var/local mounted;
 * local-path wants /var/local-path-provisioner mounted where pods run; Ceph (Rook) needs nothing
 * Talos lacks. `dataNode`: the set stores data; `runsWorkloads`: volumes attach there.
 */
export function storageNeeds(plan: Plan, setName: string, dataNode: boolean, runsWorkloads: boolean): StorageNeeds {
  const s = plan.cluster.storage;
  const machine: Record<string, unknown> = {};
  const modules: string[] = [];
  const mounts: ReturnType<typeof bindMount>[] = [];
  const extensions: string[] = [];
  if (s.provider === 'longhorn') {
    if (runsWorkloads || dataNode) extensions.push('siderolabs/iscsi-tools', 'siderolabs/util-linux-tools');
    if (dataNode) {
      mounts.push(bindMount('/var/lib/longhorn'));
      if (s.engine === 'v2') {
        machine.sysctls = { 'vm.nr_hugepages': String(HUGEPAGES_2MIB) };
        modules.push('nvme_tcp', 'vfio_pci', 'uio_pci_generic');
      }
    }
  } else if (s.provider === 'mayastor') {
    if (runsWorkloads || dataNode) modules.push('nvme_tcp');
    if (dataNode) {
      machine.sysctls = { 'vm.nr_hugepages': String(HUGEPAGES_2MIB) };
      machine.nodeLabels = { 'openebs.io/engine': 'mayastor' };
      mounts.push(bindMount('/var/local'));
    }
  } else if (s.provider === 'local-path') {
    if (runsWorkloads) mounts.push(bindMount('/var/local-path-provisioner'));
  }
  if (modules.length > 0) machine.kernel = { modules: modules.map((name) => ({ name })) };
  if (mounts.length > 0) machine.kubelet = { extraMounts: mounts };
  return {
    systemExtensions: extensions,
    patch: Object.keys(machine).length > 0 ? { name: `rackplan-storage-${setName}`, documents: [{ machine }] } : undefined,
  };
}
