import type { Plan } from '../../plan/schema';
import { topologyOf, type NodePlace } from '../topology';
import { bisections, type Bisection } from './bisection';
import { flannelFragmentation, framing, type EncapName, stackOf, type Framing } from './encapsulation';
import {
  cryptoProfile,
  discoveryOutage,
  encryptionCores,
  kubespanAddedRttMs,
  kubespanCeilings,
  meshControlTraffic,
  meshTunnels,
  peersPerNode,
  type DiscoveryOutage,
  type MeshControlTraffic,
} from './kubespanCost';
import { meshScalingCurve, type MeshPoint } from './meshScaling';
import { nodeNicGbps, planStack, predictPairs, type PairPrediction } from './pairPredictions';
import { rackUplinkLoads, type RackUplinkLoad } from './uplinkLoad';
import type { ResolvedFailures } from '../failures';
import { networkAfterFailures, type NetworkAfterFailures } from './networkAfterFailures';
import type { Finding } from '../finding';

/** One row of the encapsulation table. */
export interface EncapRow {
  name: EncapName;
  /** Framing at the plan's underlay MTU. */
  atPlanMtu: Framing;
  efficiency1500: number;
  efficiency9000: number;
  /** True for the plan's own stack. */
  inPlan: boolean;
}

/** KubeSpan cost on one hardware profile at the plan's east-west traffic. */
export interface HardwareKubeSpanCost {
  hardwareId: string;
  name: string;
  nodes: number;
  cores: number;
  nicGbps: number;
  /** Cores spent on WireGuard at eastWestGbpsPerNode sent and received. */
  coresUsed: number;
  /** coresUsed / cores. */
  cpuShare: number;
  perFlowGbps: number;
  perNodeGbps: number;
  bound: 'cpu' | 'nic';
}

/** Everything the network models say about a plan. Gbit/s, ms, bytes unless a name says otherwise. */
export interface NetworkReport {
  mtu: number;
  cni: string;
  stack: EncapName;
  stackFraming: Framing;
  encapsulations: EncapRow[];
  fragmentation: { detected: boolean; efficiencyLoss: number; tunnelPacketsPerSegment: number; message: string };
  pairs: PairPrediction[];
  racks: RackUplinkLoad[];
  bisection: Bisection[];
  kubespan: {
    enabled: boolean;
    ipFamily: 'ipv4' | 'ipv6';
    nodes: number;
    peersPerNode: number;
    tunnels: number;
    control: MeshControlTraffic;
    /** RTT KubeSpan adds on a balanced core, ms. */
    addedRttMs: number;
    /** Cost per hardware profile; computed as if KubeSpan were on when it is off, so the panel can show the what-if. */
    costs: HardwareKubeSpanCost[];
    maxCpuShare: number;
    discovery: DiscoveryOutage;
  };
  meshCurve: MeshPoint[];
  storage: { provider: string; replicates: boolean; crossesKubeSpan: boolean; message: string };
  hybrid: { cloudSites: string[]; pair: PairPrediction | null; message: string } | null;
  /**
   * What the network models find beyond the reference-architecture rules (which the advisor checks
   * from this report): uplink saturation and Flannel fragmenting inside KubeSpan.
   */
  findings: Finding[];
  /** Switches, isolated nodes, rack uplinks and site links after the failure set `evaluate` was given (null without one). */
  afterFailures: NetworkAfterFailures | null;
}

const ALL_STACKS: EncapName[] = [
  'none',
  'flannel-vxlan',
  'cilium-native',
  'cilium-vxlan',
  'cilium-geneve',
  'kubespan-ipv4',
  'kubespan-ipv6',
  'flannel-vxlan+kubespan-ipv4',
  'flannel-vxlan+kubespan-ipv6',
  'cilium-native+kubespan-ipv4',
  'cilium-vxlan+kubespan-ipv4',
];

/** The name of an EncapStack. */
function nameOf(stack: ReturnType<typeof planStack>): EncapName {
  if (stack.kubespan === 'off') return stack.cni;
  return (stack.cni === 'none' ? `kubespan-${stack.kubespan}` : `${stack.cni}+kubespan-${stack.kubespan}`) as EncapName;
}

/**
 * The network section of the report: encapsulation per stack, the Flannel-over-KubeSpan check,
 * representative pairs per latency class, per-rack uplink load, bisection, KubeSpan mesh size and
 * CPU cost, the mesh scaling curve, and what that means for storage replication and for hybrid
 * sites. Cost is O(nodes + racks): no per-pair enumeration.
 */
export function networkReport(plan: Plan, resolved?: ResolvedFailures): NetworkReport {
  const topology = topologyOf(plan);
  const mtu = plan.network.mtu;
  const ks = plan.cluster.kubespan;
  const stack = planStack(plan);
  const stackName = nameOf(stack);
  const stackFraming = framing(mtu, stack);
  const ksStack = { ...stack, kubespan: ks.ipFamily };
  const ksFraming = framing(mtu, ksStack);
  const n = topology.places.length;

  const encapsulations = ALL_STACKS.map((name): EncapRow => {
    const s = stackOf(name, plan.cluster.talosVersion);
    return {
      name,
      atPlanMtu: framing(mtu, s),
      efficiency1500: framing(1500, s).efficiency,
      efficiency9000: framing(9000, s).efficiency,
      inPlan: name === stackName,
    };
  });

  const frag = flannelFragmentation(mtu, plan.cluster.talosVersion, ks.ipFamily);
  const fragActive = frag.fragments && ks.enabled && plan.cluster.cni.name === 'flannel';
  const fragmentation = {
    ...frag,
    detected: fragActive,
    message: frag.fragments
      ? `Flannel VXLAN inside KubeSpan on Talos ${plan.cluster.talosVersion} (< 1.14) is not lowered to the KubeSpan MTU: every full-sized pod packet is fragmented into ${frag.tunnelPacketsPerSegment} WireGuard packets, ${(frag.efficiencyLoss * 100).toFixed(1)} % less goodput and ${frag.tunnelPacketsPerSegment}× the packet rate${fragActive ? '' : ' (not active in this plan)'}`
      : `Talos ${plan.cluster.talosVersion} fits Flannel inside KubeSpan: no fragmentation`,
  };

  const racks = rackUplinkLoads(topology, plan.workload.eastWestGbpsPerNode, stackFraming.efficiency);
  const pairs = predictPairs(topology);

  const byHardware = new Map<string, { count: number; nic: number }>();
  // Nodes of one profile usually come in runs: the entry is looked up once per run.
  let lastHardware: NodePlace['hardware'] | undefined;
  let entry: { count: number; nic: number } | undefined;
  for (const p of topology.places) {
    if (p.hardware !== lastHardware || !entry) {
      lastHardware = p.hardware;
      entry = byHardware.get(p.hardware.id);
      if (!entry) byHardware.set(p.hardware.id, (entry = { count: 0, nic: nodeNicGbps(p) }));
    }
    entry.count += 1;
  }
  const costs = [...byHardware].map(([id, e]): HardwareKubeSpanCost => {
    const hw = topology.hardwareById.get(id)!;
    const profile = cryptoProfile(plan, hw);
    const used = encryptionCores(plan.workload.eastWestGbpsPerNode, ksFraming, profile);
    const c = kubespanCeilings(ksFraming, profile, hw.cores, e.nic);
    return {
      hardwareId: id,
      name: hw.name,
      nodes: e.count,
      cores: hw.cores,
      nicGbps: e.nic,
      coresUsed: used,
      cpuShare: used / hw.cores,
      perFlowGbps: c.perFlowGbps,
      perNodeGbps: c.perNodeGbps,
      bound: c.bound,
    };
  });
  const balanced = cryptoProfile(plan, { cpuClass: 'balanced' });

  const provider = plan.cluster.storage.provider;
  const replicates = provider === 'longhorn' || provider === 'ceph' || provider === 'mayastor';
  const storageCrosses = replicates && ks.enabled && !ks.excludeStorageTraffic;
  const storage = {
    provider,
    replicates,
    crossesKubeSpan: storageCrosses,
    message: !replicates
      ? `${provider} does not replicate over the network`
      : storageCrosses
        ? `${provider} replication runs node to node, so with KubeSpan on it is encrypted by WireGuard (RA-STORAGE-NO-KUBESPAN, RA-KUBESPAN-THROUGHPUT)`
        : `${provider} replication runs over the plain fabric (${ks.enabled ? 'a storage network outside KubeSpan' : 'KubeSpan off'})`,
  };

  const cloudSites = plan.sites.filter((s) => s.kind !== 'datacenter').map((s) => s.id);
  const crossSite = pairs.find((p) => p.latencyClass === 'cross-site') ?? null;
  const hybrid =
    plan.sites.length > 1
      ? {
          cloudSites,
          pair: crossSite,
          message: crossSite
            ? `nodes in different sites meet over the WAN (${crossSite.bottleneckGbps} Gbit/s bottleneck, ${crossSite.rttMs.toFixed(1)} ms RTT); ${ks.enabled ? 'KubeSpan joins them with encryption and NAT traversal, which is what it is for' : 'without KubeSpan they need a routed, trusted link between sites'}`
            : 'no nodes in more than one site',
        }
      : null;

  const maxShare = Math.max(0, ...costs.map((c) => c.cpuShare));
  const findings: Finding[] = [];
  if (fragActive) {
    findings.push({
      ruleId: 'NET-FLANNEL-FRAGMENTATION',
      severity: 'error',
      message: `Flannel VXLAN inside KubeSpan on Talos ${plan.cluster.talosVersion} fragments every full-sized pod packet into ${frag.tunnelPacketsPerSegment} WireGuard packets`,
      why: `Talos before 1.14 does not lower Flannel's MTU to fit KubeSpan: ${(frag.efficiencyLoss * 100).toFixed(1)} % less goodput and ${frag.tunnelPacketsPerSegment}x the packet rate on every node`,
      figure: { label: 'goodput lost', value: Math.round(frag.efficiencyLoss * 1000) / 10, unit: '%' },
      source: 'Talos KubeSpan MTU handling (fixed in Talos 1.14, siderolabs/talos); RFC 7348 VXLAN and WireGuard framing (src/models/README.md, "Network")',
      subjects: { settings: ['cluster.talosVersion', 'cluster.kubespan.enabled', 'cluster.cni.name'] },
    });
  }
  for (const r of racks) {
    if (r.utilisation <= 0.7) continue;
    findings.push({
      ruleId: 'NET-UPLINK',
      severity: r.utilisation > 1 ? 'error' : 'warning',
      message: `rack ${r.name}: east-west traffic needs ${r.workloadGbps.toFixed(1)} Gbit/s of its ${r.uplinkGbps} Gbit/s uplink`,
      why:
        r.utilisation > 1
          ? 'the uplink is oversubscribed: cross-rack traffic queues and drops'
          : 'little headroom is left for bursts, rebuilds and a failed switch',
      figure: { label: 'uplink utilisation', value: Math.round(r.utilisation * 100), unit: '%' },
      source: 'Rackplan uplink load model (src/models/README.md, "Network")',
      subjects: { racks: [r.rackId] },
    });
  }

  return {
    mtu,
    cni: `${plan.cluster.cni.name}${plan.cluster.cni.name === 'cilium' ? ` (${plan.cluster.cni.mode})` : ' (vxlan)'}`,
    stack: stackName,
    stackFraming,
    encapsulations,
    fragmentation,
    pairs,
    racks,
    bisection: bisections(topology),
    kubespan: {
      enabled: ks.enabled,
      ipFamily: ks.ipFamily,
      nodes: n,
      peersPerNode: peersPerNode(n),
      tunnels: meshTunnels(n),
      control: meshControlTraffic(n, ks.keepaliveS, ks.ipFamily === 'ipv6'),
      addedRttMs: kubespanAddedRttMs(ksFraming, balanced),
      costs,
      maxCpuShare: maxShare,
      // The question the report answers is "what does an outage longer than the TTL do": show twice the TTL.
      discovery: discoveryOutage(2 * ks.discoveryTtlS, ks.discoveryTtlS),
    },
    meshCurve: meshScalingCurve(ks.keepaliveS, ks.ipFamily === 'ipv6'),
    storage,
    hybrid,
    findings,
    afterFailures: resolved ? networkAfterFailures(plan, resolved) : null,
  };
}
