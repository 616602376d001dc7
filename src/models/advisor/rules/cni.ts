import { raSource, type PlanRule } from '../rule';

const ID = 'RA-CNI';
/** East-west traffic per node, Gbit/s, from which VXLAN's overhead is worth Cilium's native routing. */
export const HIGH_THROUGHPUT_GBPS = 10;

/**
 * RA-CNI: Flannel by default, Cilium for high throughput, low latency or network policy. Flannel
 * (always VXLAN) carrying 10 Gbit/s or more per node is a warning with the goodput its framing
 * loses at the plan's MTU (from the encapsulation table); otherwise an info verdict.
 */
export const cni: PlanRule = {
  id: ID,
  title: 'Flannel by default, Cilium for throughput or policy',
  source: raSource(
    ID,
    'Flannel is the default: simple, with less CPU and memory than Cilium. Choose Cilium for high throughput or low latency (eBPF) or fine-grained network policy; it needs the machine config to set the CNI to none. Do not change the CNI after deployment.',
  ),
  check({ plan, report }) {
    const gbps = plan.workload.eastWestGbpsPerNode;
    const net = report.network;
    const base = { ruleId: ID, source: this.source, subjects: { settings: ['cluster.cni.name', 'cluster.cni.mode'] } };
    if (plan.cluster.cni.name === 'flannel') {
      const vxlan = net.encapsulations.find((e) => e.name === 'flannel-vxlan')?.atPlanMtu.efficiency ?? 1;
      const native = net.encapsulations.find((e) => e.name === 'cilium-native')?.atPlanMtu.efficiency ?? 1;
      const lossPct = Math.round((1 - vxlan / native) * 1000) / 10;
      if (gbps >= HIGH_THROUGHPUT_GBPS) {
        return [
          {
            ...base,
            severity: 'warning',
            message: `Flannel carries ${gbps} Gbit/s east-west per node over VXLAN`,
            why: `at MTU ${net.mtu} VXLAN framing costs ${lossPct} % of goodput against Cilium native routing, and encapsulation costs CPU at this rate; decide before deployment, since the CNI cannot change after`,
            figure: { label: 'goodput lost to VXLAN', value: lossPct, unit: '%' },
          },
        ];
      }
      return [
        {
          ...base,
          severity: 'info',
          message: `CNI: Flannel (the default) suits ${gbps} Gbit/s per node`,
          why: `VXLAN costs ${lossPct} % of goodput at MTU ${net.mtu}; choose Cilium before deployment if the plan needs network policy`,
        },
      ];
    }
    return [
      {
        ...base,
        severity: 'info',
        message: `CNI: Cilium (${plan.cluster.cni.mode}); the machine config must set cluster.network.cni.name: none`,
        why: 'Talos installs Flannel unless told otherwise, and the CNI cannot change after deployment',
      },
    ];
  },
};
