/**
 * Plans that stand for published set-ups, for `test/models/publishedMeasurements.test.ts`.
 * Each builder takes only what the publication states (node counts, pods, machine sizes, disks)
 * and fills the rest by one fixed rule, written here once, so no row is tuned on its own.
 */
import { baseSettings } from '../../src/plan/samples/common';
import { PlanBuilder } from '../../src/plan/samples/planBuilder';
import type { Disk, Hardware, Plan, Workload } from '../../src/plan/schema';
import { cephSettings, storagePlan } from '../arbitraries/storage';

export interface ClusterShape {
  workers: number;
  controlPlanes?: number;
  /** Pods in the cluster; default 30 per worker (the Kubernetes density test's pods per node). */
  pods?: number;
  /** Overrides of the workload rule below. */
  workload?: Partial<Workload>;
}

const bigBox: Hardware = {
  id: 'cp-big',
  name: 'Control plane (96c, 768 GiB, NVMe)',
  cores: 96,
  cpuClass: 'balanced',
  memoryGiB: 768,
  disks: [{ class: 'nvme-enterprise', capacityGB: 1920, count: 1, purpose: 'system' }],
  nics: { count: 2, speedGbps: 25 },
  heightU: 1,
  powerTypicalW: 400,
  powerPeakW: 700,
};
const worker: Hardware = {
  id: 'worker',
  name: 'Worker',
  cores: 32,
  cpuClass: 'balanced',
  memoryGiB: 256,
  disks: [{ class: 'nvme-enterprise', capacityGB: 960, count: 1, purpose: 'system' }],
  nics: { count: 2, speedGbps: 25 },
  heightU: 1,
  powerTypicalW: 300,
  powerPeakW: 500,
};

/**
 * A cluster as a sizing table describes it: N workers and 3 control planes. The workload rule,
 * the same for every row and taken from the 5,000-node sample plan's ratios per node (which
 * predate these checks): pods 30 per worker unless stated, one Service per 10 pods, pods replaced
 * every 200 minutes (churn = pods / 200 per minute), per node 0.12 API writes/s, 1 API read/s,
 * 24 extra watchers, 12 ConfigMaps/Secrets, 8 custom objects and 1 namespace; 5 KB objects.
 */
export function clusterPlan(shape: ClusterShape): Plan {
  const n = shape.workers;
  const pods = shape.pods ?? 30 * n;
  const base = baseSettings(`published ${n} workers`, 'published', 'A published sizing set-up');
  base.cluster.storage = { provider: 'none' };
  base.workload = {
    ...base.workload,
    pods,
    services: Math.max(1, Math.round(pods / 10)),
    podChurnPerMin: pods / 200,
    apiWritesPerS: 0.12 * n,
    apiReadsPerS: n,
    watchers: 24 * n,
    configMapsAndSecrets: 12 * n,
    customObjects: 8 * n,
    namespaces: Math.min(100_000, Math.max(1, n)),
    avgObjectBytes: 5000,
    volumes: { list: [] },
    ...shape.workload,
  };
  const b = new PlanBuilder(base, [bigBox, worker]).site('dc', 'DC').room('hall', 'Hall', 'dc').row('row', 'Row', 'hall');
  const cps = shape.controlPlanes ?? 3;
  for (let i = 0; i < cps; i++) b.rack(`cp${i}`, 'row', { tor: { count: 2 } }).nodes(`cp${i}`, 'controlplane', bigBox.id, 1, { tors: ['A', 'B'] });
  const perRack = 38;
  for (let r = 0; r * perRack < n; r++) {
    b.rack(`w${r}`, 'row', { tor: { count: 2 } }).nodes(`w${r}`, 'worker', worker.id, Math.min(perRack, n - r * perRack), { tors: ['A', 'B'] });
  }
  return b.build();
}

export interface EtcdBench {
  members: number;
  /** Cores per member and CPU class. */
  cores: number;
  disk: Disk;
  nicGbps: number;
  /** RTT between members and from the client, ms. */
  rttMs: number;
  clients: number;
  connections: number;
  keyBytes: number;
  valueBytes: number;
  writeFraction: number;
  readConsistency: 'linearizable' | 'serializable';
  target: 'leader' | 'all';
}

/** n identical members in one zone (one rack each, one row), running an etcd benchmark profile. */
export function etcdBenchPlan(x: EtcdBench): Plan {
  const hw: Hardware = {
    id: 'vm',
    name: `${x.cores} vCPU`,
    cores: x.cores,
    cpuClass: 'balanced',
    memoryGiB: 64,
    disks: [x.disk],
    nics: { count: 1, speedGbps: x.nicGbps },
    heightU: 1,
    powerTypicalW: 1,
    powerPeakW: 1,
  };
  const base = baseSettings('etcd benchmark', 'bench', 'A published etcd benchmark set-up');
  base.network = { ...base.network, switchHopUs: 0, rtt: { ...base.network.rtt, sameRowMs: x.rttMs } };
  base.cluster.storage = { provider: 'none' };
  base.workload = {
    ...base.workload,
    etcdProfile: {
      clients: x.clients,
      connections: x.connections,
      keyBytes: x.keyBytes,
      valueBytes: x.valueBytes,
      writeFraction: x.writeFraction,
      readConsistency: x.readConsistency,
      target: x.target,
      clientRttMs: x.rttMs,
    },
  };
  const b = new PlanBuilder(base, [hw]).site('zone', 'Zone').room('room', 'Room', 'zone').row('row', 'Row', 'room');
  for (let r = 1; r <= x.members; r++) b.rack(`vm${r}`, 'row').nodes(`vm${r}`, 'controlplane', hw.id, 1);
  return b.build();
}

/**
 * Storage plans for published recovery measurements: `nodes` storage nodes, one per rack in one
 * row (a copy between two of them climbs to the spine), each with `disks` data disks of the class
 * the source names and `nics` links of `nicGbps`, and a replicated Ceph pool of `size` with the
 * source's release, mClock profile and failure domain. The plan holds one tiny volume so placement
 * has something to place; the copies themselves are the transfers the caller times.
 */
export function cephRecoveryPlan(spec: {
  nodes: number;
  disks: number;
  nicGbps: number;
  nics: number;
  size: number;
  failureDomain: 'osd' | 'host';
  release: 'quincy' | 'reef' | 'squid';
  profile: 'balanced' | 'high_recovery_ops' | 'high_client_ops';
  diskClass: Disk['class'];
}): Plan {
  const storage = {
    ...cephSettings({ type: 'replicated', size: spec.size, minSize: Math.max(1, spec.size - 1) }, spec.failureDomain),
    release: spec.release,
    mclockProfile: spec.profile,
  } as ReturnType<typeof cephSettings>;
  return storagePlan({
    nodesPerRack: Array.from({ length: spec.nodes }, () => 1),
    dataDisks: spec.disks,
    nics: spec.nics,
    nicGbps: spec.nicGbps,
    diskClass: spec.diskClass,
    diskGB: 20_000,
    storage,
    volumes: [{ sizeGB: 1 }],
  });
}
