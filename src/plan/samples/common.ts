import { DEFAULTS } from '../defaults';
import type { Plan } from '../schema';

/** Settings shared by the sample plans; each sample overrides what makes it what it is. */
export function baseSettings(name: string, clusterName: string, description: string): Omit<Plan, 'sites' | 'rooms' | 'rows' | 'racks' | 'nodes' | 'hardware'> {
  return {
    version: 1,
    name,
    description,
    network: {
      mtu: 1500,
      rtt: { sameRackMs: 0.05, sameRowMs: 0.1, crossRowMs: 0.2, crossRoomMs: 0.5, crossSiteMs: 10 },
      switchHopUs: 1,
      rttOverrides: [],
    },
    cluster: {
      name: clusterName,
      talosVersion: '1.12.0',
      kubernetesVersion: '1.34.1',
      cni: { name: 'flannel', mode: 'vxlan' },
      kubespan: {
        enabled: false,
        ipFamily: 'ipv4',
        cryptoGBpsPerCore: 1.5,
        packetsPerSecondPerCore: 180_000,
        keepaliveS: 25,
        discoveryTtlS: 1800,
        excludeStorageTraffic: false,
      },
      kubeprism: { enabled: true, port: 7445 },
      etcd: { heartbeatMs: 100, electionTimeoutMs: 1000, quotaBackendBytes: 2 * 2 ** 30, snapshotCount: 10_000, compactionIntervalMin: 5 },
      allowSchedulingOnControlPlanes: false,
      storage: {
        provider: 'longhorn',
        replicas: 3,
        replenishmentWaitS: 600,
        concurrentRebuildsPerNode: 5,
        overProvisioningPct: 100,
        minimalAvailablePct: 25,
        reservedPct: 30,
        engine: 'v1',
        version: '1.9',
      },
      kubelet: { ...DEFAULTS.kubelet },
      nodeLifecycle: { notReadyTolerationS: DEFAULTS.nodeLifecycle.notReadyTolerationS, unreachableTolerationS: DEFAULTS.nodeLifecycle.unreachableTolerationS },
    },
    workload: {
      pods: 300,
      namespaces: 20,
      services: 80,
      configMapsAndSecrets: 600,
      customObjects: 300,
      avgObjectBytes: 8000,
      podChurnPerMin: 5,
      apiWritesPerS: 10,
      apiReadsPerS: 60,
      watchers: 800,
      eastWestGbpsPerNode: 1,
      storageUsedGBPerNode: 50,
      podCpuMillicores: DEFAULTS.workload.podCpuMillicores,
      podMemoryMiB: DEFAULTS.workload.podMemoryMiB,
      volumes: { list: [], aggregate: { count: 60, meanSizeGB: 100, sizeSpread: 0.8, fillPct: 60 } },
    },
    reliability: {
      // Sources in src/models/README.md (Reliability): disks from Backblaze Drive Stats and Schroeder &
      // Gibson (FAST '07); nodes from Vishwanath & Nagappan (SoCC '10) less their disk repairs; switches
      // from Gill et al. (SIGCOMM '11). Feed, rack, room, site and site-link rates are planning
      // assumptions a user should replace with their own fleet's records.
      disk: { annualFailureRate: 0.015, repairHours: 72, repairDistribution: 'exponential', repairSigma: 1 },
      node: { annualFailureRate: 0.05, repairHours: 48, repairDistribution: 'exponential', repairSigma: 1 },
      tor: { annualFailureRate: 0.05, repairHours: 4, repairDistribution: 'exponential', repairSigma: 1 },
      feed: { annualFailureRate: 0.02, repairHours: 4, repairDistribution: 'exponential', repairSigma: 1 },
      rack: { annualFailureRate: 0.005, repairHours: 8, repairDistribution: 'exponential', repairSigma: 1 },
      room: { annualFailureRate: 0.002, repairHours: 12, repairDistribution: 'exponential', repairSigma: 1 },
      site: { annualFailureRate: 0.001, repairHours: 24, repairDistribution: 'exponential', repairSigma: 1 },
      siteLink: { annualFailureRate: 0.5, repairHours: 4, repairDistribution: 'exponential', repairSigma: 1 },
      repairCrew: 'parallel',
      capacityNeededPct: 70,
      missionYears: [1, 5],
    },
  };
}
