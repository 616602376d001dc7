/* eslint-disable no-control-regex -- the name and reference patterns below refuse control characters on purpose. */
/**
 * The plan document schema, version 1: the single source of the plan's types, its validation
 * (with field paths) and the published JSON Schema (`public/plan.schema.json`).
 *
 * Defaults come from `defaults.ts`, where each number names its source.
 */
import { z } from 'zod';
import { CONTROL_PLANE_ASSUMPTION_RANGES, STORAGE_ASSUMPTION_RANGES, type AssumptionRange } from './assumptionKeys';
import { DEFAULTS } from './defaults';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'must start with a letter or digit and use only letters, digits, ".", "_" or "-"',
  });
/** Display names: any text but control characters (they could forge lines in a terminal or a log). */
const name = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, { message: 'must not contain control characters (newlines, escapes)' });
const positive = z.number().positive();
const fraction = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
const feedId = z.enum(['A', 'B']);
/** Round-trip times, ms: up to 1 s (a geostationary satellite hop is ~600 ms; nothing a control plane could use is slower). */
const rttMs = z.number().min(0).max(1000);
/** Waits before a storage provider acts on a failure, s: up to 30 days. */
const waitS = z.number().min(0).max(2_592_000);
/** A share of capacity that something is given: more than nothing, at most all. */
const share = z.number().gt(0).max(1);
/** Sequential bandwidth of one disk, MB/s: up to 100 GB/s. */
const bandwidthMBps = z.number().gt(0).max(100_000);
const semver = z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a version like 1.12.0' });

export const siteSchema = z.strictObject({
  id,
  name,
  kind: z
    .enum(['datacenter', 'cloud', 'edge'])
    .default('datacenter')
    .describe('A cloud site is reached over the internet; KubeSpan is the usual way to join it.'),
  wanGbps: positive.max(100_000).default(DEFAULTS.network.siteUplinkGbps).describe("Capacity of the site's link to the other sites, Gbit/s."),
});

export const roomSchema = z.strictObject({
  id,
  name,
  siteId: id,
  coreGbps: positive.max(100_000).default(DEFAULTS.network.roomUplinkGbps).describe("Capacity between this room's core and the site core, Gbit/s."),
});

export const rowSchema = z.strictObject({
  id,
  name,
  roomId: id,
  spineGbps: positive.max(100_000).default(DEFAULTS.network.rowUplinkGbps).describe("Capacity between this row's spine and the room core, Gbit/s."),
});

export const powerFeedSchema = z.strictObject({
  id: feedId,
  capacityW: positive.max(100_000).describe('Usable capacity of this feed (breaker rating x derating), W.'),
  circuit: z.string().max(64).optional().describe('Upstream power domain (PDU / UPS circuit) shared with other racks; a failure domain.'),
});

export const torSchema = z.strictObject({
  count: z.union([z.literal(1), z.literal(2)]).describe('One or two top-of-rack switches.'),
  ports: z.number().int().min(1).max(256).default(DEFAULTS.tor.ports),
  portGbps: positive.max(800).default(DEFAULTS.tor.portGbps).describe('Downlink port speed, Gbit/s.'),
  uplinkGbps: positive.max(12_800).default(DEFAULTS.tor.uplinkGbps).describe('Total uplink capacity of each switch towards the spine, Gbit/s.'),
  heightU: z.number().int().min(0).max(2).default(1).describe('Height of each switch; switches sit at the top of the rack.'),
  powerW: nonNegative.max(5000).default(DEFAULTS.tor.powerW).describe('Draw of each switch, W (dual-fed).'),
});

export const rackSchema = z.strictObject({
  id,
  name,
  rowId: id,
  heightU: z.number().int().min(1).max(60).default(42),
  feeds: z.array(powerFeedSchema).min(1).max(2).describe('Power feeds A and (optionally) B.'),
  tor: torSchema,
});

export const diskClassSchema = z.enum(['nvme-enterprise', 'ssd-sata', 'nvme-consumer', 'network', 'hdd']);

/**
 * A disk's own measurement, e.g. from `fio --rw=write --ioengine=sync --fdatasync=1 --bs=2300`
 * (etcd's recommended disk test): fdatasync latency percentiles, write IOPS and bandwidth.
 */
export const measuredDiskSchema = z.strictObject({
  fsyncP50Ms: z.number().gt(0).max(1000).describe('Median fdatasync latency, ms.'),
  fsyncP99Ms: z.number().gt(0).max(10_000).describe('99th percentile fdatasync latency, ms.'),
  writeIops: z.number().gt(0).max(10_000_000).optional().describe('Write IOPS the disk sustained, /s.'),
  seqWriteMBps: bandwidthMBps.optional().describe('Sequential write bandwidth, MB/s.'),
  source: z
    .string()
    .max(200)
    .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, { message: 'must not contain control characters' })
    .optional()
    .describe('Where the figures come from (a fio job name, a date).'),
});

export const diskSchema = z.strictObject({
  class: diskClassSchema,
  capacityGB: positive.max(1_000_000),
  count: z.number().int().min(1).max(64).default(1),
  purpose: z.enum(['system', 'data']).default('system').describe('System disks hold Talos, etcd and ephemeral data; data disks go to the storage provider.'),
  measured: measuredDiskSchema.optional().describe('What this disk measured (fio --fdatasync=1, as etcd recommends); replaces the class figures.'),
});

export const hardwareSchema = z.strictObject({
  id,
  name,
  cores: z.number().int().min(1).max(1024),
  cpuClass: z
    .enum(['efficiency', 'balanced', 'performance'])
    .default('balanced')
    .describe('Scales per-core throughput (crypto, etcd apply) against the balanced reference core.'),
  memoryGiB: positive.max(65_536),
  disks: z.array(diskSchema).min(1).max(32),
  nics: z.strictObject({
    count: z.number().int().min(1).max(8),
    speedGbps: positive.max(800),
  }),
  heightU: z.number().int().min(1).max(10),
  powerTypicalW: positive.max(20_000),
  powerPeakW: positive.max(20_000),
  priceUsd: nonNegative.max(100_000_000).optional(),
  cpuVendor: z
    .enum(['intel', 'amd'])
    .optional()
    .describe('CPU maker; picks the microcode system extension (siderolabs/intel-ucode or amd-ucode) in the Omni export.'),
});

/**
 * Kubernetes label and taint keys: an optional DNS-subdomain prefix of at most 253 characters and
 * "/", then a name of at most 63 letters, digits, "-", "_" or "." that starts and ends
 * alphanumeric (kubernetes.io, "Labels and Selectors", syntax and character set), so a plan never
 * carries a label Talos would refuse. The lookahead bounds the prefix inside the pattern itself,
 * so the exported JSON Schema refuses what the app refuses. Length is checked first and aborts,
 * so the pattern never scans a huge string. "__proto__" cannot match (it starts with "_").
 */
export const labelKeySchema = z
  .string()
  .min(1, { abort: true, message: 'must not be empty' })
  .max(253 + 1 + 63, { abort: true })
  .regex(/^(?:(?=[^/]{1,253}\/)[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, {
    message:
      'must be a Kubernetes label key: an optional prefix of at most 253 lowercase letters, digits, "-" and "." (a DNS name) and "/", then a name of at most 63 letters, digits, "-", "_" or "." starting and ending alphanumeric',
  });
/** Kubernetes label values: empty, or up to 63 letters, digits, "-", "_" or "." starting and ending alphanumeric. */
export const labelValueSchema = z
  .string()
  .max(63, { abort: true })
  .regex(/^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, {
    message: 'must be empty or at most 63 letters, digits, "-", "_" or "." starting and ending alphanumeric',
  });

export const taintEffectSchema = z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

export const taintSchema = z.strictObject({
  key: labelKeySchema,
  value: labelValueSchema.default(''),
  effect: taintEffectSchema,
});

/** A node's taints; the API server refuses two with the same key and effect ("taints must be unique by key and effect pair"). */
const taintList = z
  .array(taintSchema)
  .max(32)
  .superRefine((taints, ctx) => {
    taints.forEach((t, i) => {
      const j = taints.findIndex((o) => o.key === t.key && o.effect === t.effect);
      if (j < i)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          input: t.key,
          message: `has the same key and effect (${t.effect}) as taints[${j}]; Kubernetes allows one taint per key and effect`,
        });
    });
  });

export const roleSchema = z.enum(['controlplane', 'worker', 'storage']);

export const nodeSchema = z.strictObject({
  id,
  name: z
    .string()
    .min(1)
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, {
      message: 'must be a lowercase hostname (letters, digits, "-" and ".")',
    }),
  role: roleSchema,
  hardwareId: id,
  rackId: id,
  positionU: z.number().int().min(1).max(60).describe('Lowest U the node occupies (U1 is at the bottom).'),
  feeds: z.array(feedId).min(1).max(2).default(['A', 'B']),
  tors: z.array(feedId).min(1).max(2).default(['A']).describe('Switches (A, B) the node is cabled to.'),
  labels: z.record(labelKeySchema, labelValueSchema).default({}),
  taints: taintList.default([]),
  machineUuid: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
      message: 'must be a machine UUID like 430d882a-51a8-48b3-ae00-90c5b0b5b0b0',
    })
    .optional()
    .describe('The Omni machine (SMBIOS UUID) this node is; the Omni export then lists machines instead of machine classes.'),
});

export const rttSchema = z.strictObject({
  sameRackMs: rttMs.default(DEFAULTS.rtt.sameRackMs),
  sameRowMs: rttMs.default(DEFAULTS.rtt.sameRowMs),
  crossRowMs: rttMs.default(DEFAULTS.rtt.crossRowMs),
  crossRoomMs: rttMs.default(DEFAULTS.rtt.crossRoomMs),
  crossSiteMs: rttMs.default(DEFAULTS.rtt.crossSiteMs),
});

export const networkSchema = z.strictObject({
  mtu: z.number().int().min(1280).max(9216).default(1500).describe('Underlay MTU, bytes.'),
  rtt: rttSchema.describe('Round-trip time by latency class, ms.'),
  switchHopUs: nonNegative.max(1000).default(DEFAULTS.network.switchHopUs).describe('One-way latency added by each switch hop, µs.'),
  rttOverrides: z
    .array(
      z.strictObject({
        from: id.describe('A node, rack, row, room or site id.'),
        to: id,
        rttMs,
      }),
    )
    .max(10_000)
    .default([]),
});

export const cniSchema = z.strictObject({
  name: z.enum(['flannel', 'cilium']),
  mode: z.enum(['vxlan', 'native', 'geneve']).default('vxlan').describe('Flannel always uses VXLAN; Cilium can route natively.'),
});

export const kubespanSchema = z.strictObject({
  enabled: z.boolean(),
  ipFamily: z.enum(['ipv4', 'ipv6']).default('ipv4'),
  cryptoGBpsPerCore: positive.max(100).default(DEFAULTS.kubespan.cryptoGBpsPerCore).describe('ChaCha20-Poly1305 throughput of one balanced core, GB/s.'),
  packetsPerSecondPerCore: z.number().min(1000).max(100_000_000).default(DEFAULTS.kubespan.packetsPerSecondPerCore),
  keepaliveS: positive.max(65_535).default(25),
  discoveryTtlS: positive.max(604_800).default(1800),
  excludeStorageTraffic: z
    .boolean()
    .default(false)
    .describe(
      'Storage replication runs on its own network that KubeSpan does not route (a Longhorn storage network, a Ceph cluster network), so WireGuard does not carry it.',
    ),
});

export const etcdSchema = z.strictObject({
  heartbeatMs: z.number().min(1).max(50_000).default(100),
  electionTimeoutMs: z.number().min(1).max(50_000).default(1000).describe('Must exceed the heartbeat (etcd refuses otherwise); etcd caps it at 50 s.'),
  quotaBackendBytes: positive.max(8 * 2 ** 30 * 4).default(2 * 2 ** 30),
  snapshotCount: z.number().int().min(1).max(10_000_000).default(10_000),
  compactionIntervalMin: positive.max(10_080).default(5),
});

/** Longhorn minor releases the rebuild model knows (their defaults: `storage/assumptions.ts`). */
export const LONGHORN_VERSIONS = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11'] as const;

const longhornSchema = z.strictObject({
  provider: z.literal('longhorn'),
  replicas: z.number().int().min(1).max(20).default(3),
  replenishmentWaitS: waitS.default(600),
  concurrentRebuildsPerNode: z.number().int().min(1).max(100).default(5),
  overProvisioningPct: nonNegative.max(10_000).default(100),
  minimalAvailablePct: z.number().min(0).max(100).default(25),
  reservedPct: z.number().min(0).max(100).default(30),
  engine: z.enum(['v1', 'v2']).default('v1'),
  version: z
    .enum(LONGHORN_VERSIONS)
    .default('1.9')
    .describe('Longhorn release (minor version); its rebuild defaults differ (src/models/README.md, Storage versions).'),
});

const cephSchema = z.strictObject({
  provider: z.literal('ceph'),
  pool: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('replicated'), size: z.number().int().min(1).max(10).default(3), minSize: z.number().int().min(1).max(10).default(2) }),
    z.strictObject({ type: z.literal('erasure'), k: z.number().int().min(1).max(32), m: z.number().int().min(1).max(16) }),
  ]),
  release: z
    .enum(['quincy', 'reef', 'squid'])
    .default('squid')
    .describe('Ceph release; mClock recovery shares differ between Quincy (17.2.0-17.2.6) and Reef and later (Quincy 17.2.7+ behaves as reef).'),
  failureDomain: z
    .enum(['osd', 'host', 'rack', 'row', 'room', 'datacenter'])
    .default('host')
    .describe('CRUSH bucket type the replicas or chunks are spread over; osd only keeps them on different disks.'),
  downOutIntervalS: waitS.default(600),
  mclockProfile: z.enum(['balanced', 'high_recovery_ops', 'high_client_ops']).default('balanced'),
  nearfullRatio: fraction.default(0.85),
  backfillfullRatio: fraction.default(0.9),
  fullRatio: fraction.default(0.95),
  pgsPerOsd: z.number().int().min(1).max(1000).default(100),
});

const mayastorSchema = z.strictObject({
  provider: z.literal('mayastor'),
  replicas: z.number().int().min(1).max(5).default(3),
  faultedWaitS: waitS.default(600),
});

const localPathSchema = z.strictObject({ provider: z.literal('local-path') });
const noStorageSchema = z.strictObject({ provider: z.literal('none') });

export const storageSchema = z.discriminatedUnion('provider', [longhornSchema, cephSchema, mayastorSchema, localPathSchema, noStorageSchema]);

/** Resource reservations and limits of the kubelet on every node (defaults: Talos and Kubernetes, see `defaults.ts`). */
export const kubeletSchema = z.strictObject({
  maxPods: z.number().int().min(1).max(2500).default(DEFAULTS.kubelet.maxPods).describe('Pods the kubelet admits per node (kubelet maxPods).'),
  systemReservedCpuMillicores: nonNegative
    .max(64_000)
    .default(DEFAULTS.kubelet.systemReservedCpuMillicores)
    .describe('kubelet systemReserved CPU, millicores (Talos: 50m).'),
  systemReservedMemoryMiBControlPlane: nonNegative
    .max(1_048_576)
    .default(DEFAULTS.kubelet.systemReservedMemoryMiBControlPlane)
    .describe('kubelet systemReserved memory on control planes, MiB (Talos: 512Mi).'),
  systemReservedMemoryMiBWorker: nonNegative
    .max(1_048_576)
    .default(DEFAULTS.kubelet.systemReservedMemoryMiBWorker)
    .describe('kubelet systemReserved memory on other nodes, MiB (Talos: 384Mi).'),
  kubeReservedCpuMillicores: nonNegative
    .max(64_000)
    .default(DEFAULTS.kubelet.kubeReservedCpuMillicores)
    .describe('kubelet kubeReserved CPU, millicores (Talos sets none).'),
  kubeReservedMemoryMiB: nonNegative
    .max(1_048_576)
    .default(DEFAULTS.kubelet.kubeReservedMemoryMiB)
    .describe('kubelet kubeReserved memory, MiB (Talos sets none).'),
  evictionHardMemoryMiB: nonNegative
    .max(1_048_576)
    .default(DEFAULTS.kubelet.evictionHardMemoryMiB)
    .describe('kubelet evictionHard memory.available threshold, MiB (Kubernetes: 100Mi).'),
});

/** Kubernetes node-lifecycle timers: how long until a lost node is NotReady and its pods are evicted. */
export const nodeLifecycleSchema = z.strictObject({
  nodeMonitorGracePeriodS: positive
    .max(3600)
    .optional()
    .describe("kube-controller-manager --node-monitor-grace-period, s; omit for the default of the plan's Kubernetes version (50 s from 1.32, 40 s before)."),
  notReadyTolerationS: nonNegative
    .max(86_400)
    .default(DEFAULTS.nodeLifecycle.notReadyTolerationS)
    .describe('Default toleration of node.kubernetes.io/not-ready:NoExecute, s (DefaultTolerationSeconds: 300).'),
  unreachableTolerationS: nonNegative
    .max(86_400)
    .default(DEFAULTS.nodeLifecycle.unreachableTolerationS)
    .describe('Default toleration of node.kubernetes.io/unreachable:NoExecute, s (DefaultTolerationSeconds: 300).'),
});

/** How many machines of a role Omni takes out at once: a count, or a percentage of the role's machines (rounded down, at least 1). */
const maxParallelism = z.union([
  z.number().int().min(1).max(10_000),
  z.string().regex(/^([1-9][0-9]?|100)%$/, { message: 'a count from 1, or a percentage from 1% to 100%' }),
]);

/**
 * The plan's rolling-upgrade strategy: Omni's `upgradeStrategy: { type: Rolling, rolling: { maxParallelism } }`
 * per role, and how long one machine is out. Omitted: the defaults in `DEFAULTS.upgradeStrategy`.
 */
export const upgradeStrategySchema = z.strictObject({
  controlplane: z
    .strictObject({ maxParallelism: maxParallelism.default(DEFAULTS.upgradeStrategy.controlplaneMaxParallelism) })
    .prefault({})
    .describe('Control-plane machines upgraded at once (Omni ControlPlane upgradeStrategy.rolling.maxParallelism).'),
  worker: z
    .strictObject({ maxParallelism: maxParallelism.default(DEFAULTS.upgradeStrategy.workerMaxParallelism) })
    .prefault({})
    .describe('Worker machines upgraded at once, a count or a percentage (Omni Workers upgradeStrategy.rolling.maxParallelism).'),
  storage: z
    .strictObject({ maxParallelism: maxParallelism.default(DEFAULTS.upgradeStrategy.storageMaxParallelism) })
    .prefault({})
    .describe('Storage machines upgraded at once (Omni Workers upgradeStrategy.rolling.maxParallelism of storage sets).'),
  nodeUpgradeS: positive
    .min(10)
    .max(86_400)
    .default(DEFAULTS.upgradeStrategy.nodeUpgradeS)
    .describe('Seconds one machine is out during an upgrade (drain, install, reboot, Ready, storage resync); default 300 s, a planning estimate.'),
});

export const clusterSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(63)
    .regex(/^[A-Za-z0-9_-]+$/, {
      message: 'may contain only letters, digits, "-" and "_"',
    }),
  talosVersion: semver.default(DEFAULTS.cluster.talosVersion),
  kubernetesVersion: semver.default(DEFAULTS.cluster.kubernetesVersion),
  cni: cniSchema,
  kubespan: kubespanSchema,
  kubeprism: z.strictObject({ enabled: z.boolean().default(true), port: z.number().int().min(1).max(65535).default(7445) }),
  etcd: etcdSchema,
  allowSchedulingOnControlPlanes: z.boolean().default(false),
  storage: storageSchema,
  kubelet: kubeletSchema.prefault({}),
  nodeLifecycle: nodeLifecycleSchema.prefault({}),
  upgradeStrategy: upgradeStrategySchema
    .optional()
    .describe('Rolling-upgrade strategy per role; omit for the defaults (control planes 1, workers 25 %, storage 1, 300 s per machine).'),
  omni: z
    .strictObject({
      diskEncryption: z.boolean().default(false).describe('Omni KMS disk encryption (Talos >= 1.5).'),
      workloadProxy: z.boolean().default(false).describe('Omni workload service proxying.'),
      etcdBackupIntervalS: positive
        .max(30 * 86_400)
        .optional()
        .describe('Omni etcd backup interval, s; omit for no scheduled backups.'),
    })
    .optional()
    .describe('Omni cluster features, written to the Cluster document of the Omni export.'),
});

export const etcdProfileSchema = z.strictObject({
  clients: z.number().int().min(1).max(100_000),
  connections: z.number().int().min(1).max(100_000),
  keyBytes: positive.max(1_572_864),
  valueBytes: positive.max(1_572_864),
  writeFraction: fraction,
  readConsistency: z.enum(['linearizable', 'serializable']).default('linearizable'),
  target: z.enum(['leader', 'all']).default('leader'),
  ratePerS: positive.max(10_000_000).optional().describe('Open-loop target rate; omit for a closed loop at the given clients.'),
  clientRttMs: rttMs.default(0).describe('RTT from the clients to the member they talk to, ms (0: clients on the members, as kube-apiserver).'),
});

export const volumeSchema = z.strictObject({
  name: z.string().min(1).max(253),
  sizeGB: positive.max(10_000_000),
  fillPct: z.number().min(0).max(100).default(60),
  replicas: z.number().int().min(1).max(20).optional(),
});

export const workloadSchema = z.strictObject({
  pods: z.number().int().min(0).max(1_000_000),
  namespaces: z.number().int().min(0).max(100_000).default(50),
  services: z.number().int().min(0).max(1_000_000).default(200),
  configMapsAndSecrets: z.number().int().min(0).max(10_000_000).default(1000),
  customObjects: z.number().int().min(0).max(10_000_000).default(500),
  avgObjectBytes: positive.max(1_572_864).default(DEFAULTS.workload.avgObjectBytes),
  podChurnPerMin: nonNegative.max(1_000_000).default(10),
  apiWritesPerS: nonNegative.max(1_000_000).default(20).describe('Mutating API calls per second beyond leases and pod churn.'),
  apiReadsPerS: nonNegative.max(10_000_000).default(100),
  watchers: z.number().int().min(0).max(10_000_000).default(2000),
  eastWestGbpsPerNode: nonNegative.max(1600).default(1),
  podCpuMillicores: nonNegative
    .max(1_000_000)
    .default(DEFAULTS.workload.podCpuMillicores)
    .describe('Mean CPU request per pod, millicores (a planning assumption: set it from your workloads).'),
  podMemoryMiB: nonNegative
    .max(4_194_304)
    .default(DEFAULTS.workload.podMemoryMiB)
    .describe('Mean memory request per pod, MiB (a planning assumption: set it from your workloads).'),
  storageUsedGBPerNode: nonNegative.max(10_000_000).default(0).describe('Ephemeral and local-path data per worker, GB.'),
  volumes: z.strictObject({
    list: z.array(volumeSchema).max(100_000).default([]),
    aggregate: z
      .strictObject({
        count: z.number().int().min(0).max(1_000_000),
        meanSizeGB: positive.max(10_000_000),
        sizeSpread: z.number().min(0).max(5).default(0.8).describe('Coefficient of variation of volume size (lognormal).'),
        fillPct: z.number().min(0).max(100).default(60),
      })
      .optional(),
  }),
  etcdProfile: etcdProfileSchema.optional().describe('A direct etcd load profile; replaces the derived load.'),
});

const failureSpec = z.strictObject({
  annualFailureRate: z.number().min(0).max(100).describe('Expected failures per component-year.'),
  repairHours: positive.max(100_000).describe('Mean time from a failure until the component is back, hours.'),
  repairDistribution: z
    .enum(['exponential', 'lognormal'])
    .default('exponential')
    .describe('Shape of repair times around their mean: exponential (what the exact Markov figures assume) or lognormal (a long tail of slow repairs).'),
  repairSigma: z
    .number()
    .min(0.05)
    .max(3)
    .default(1)
    .describe('Log-space spread of lognormal repair times (used only when the distribution is lognormal); 1 puts the 99th percentile about 6x the median.'),
});

export const reliabilitySchema = z.strictObject({
  disk: failureSpec.describe(
    'A data disk of the storage provider. Its data is missing from the failure until the provider has rebuilt it elsewhere (storage rebuild model) or, without automatic rebuild, until the disk is replaced.',
  ),
  node: failureSpec,
  tor: failureSpec,
  feed: failureSpec,
  rack: failureSpec,
  room: failureSpec,
  site: failureSpec,
  siteLink: failureSpec
    .default({ annualFailureRate: 0.5, repairHours: 4, repairDistribution: 'exponential', repairSigma: 1 })
    .describe('The link between two sites: when it fails the sites are partitioned, so a quorum needs a majority on one side.'),
  repairCrew: z
    .enum(['parallel', 'serial'])
    .default('parallel')
    .describe('parallel: every failed part is repaired at once; serial: one repair at a time, in order of failure.'),
  capacityNeededPct: z
    .number()
    .min(1)
    .max(100)
    .default(70)
    .describe("Share of the schedulable nodes' cores the workload needs; capacity is short while fewer are up."),
  missionYears: z.array(positive.max(100)).min(1).max(10).default([1, 5]),
});

/** Optional numbers, each bounded to its physically meaningful range (`assumptionKeys.ts`). */
const boundedNumbers = <K extends string>(ranges: Record<K, AssumptionRange>) =>
  z.strictObject(
    Object.fromEntries(
      Object.entries<AssumptionRange>(ranges).map(([k, range]) => {
        const base = range.gt ? z.number().gt(range.min) : z.number().min(range.min);
        return [k, base.max(range.max).optional()];
      }),
    ) as Record<K, z.ZodOptional<z.ZodNumber>>,
  );

export const assumptionsSchema = z
  .strictObject({
    controlPlane: boundedNumbers(CONTROL_PLANE_ASSUMPTION_RANGES).optional(),
    storage: boundedNumbers(STORAGE_ASSUMPTION_RANGES)
      .extend({
        mclockRecoveryShare: z
          .strictObject({
            balanced: share.optional(),
            high_recovery_ops: share.optional(),
            high_client_ops: share.optional(),
          })
          .optional(),
        diskBandwidthMBps: z
          .strictObject(
            Object.fromEntries(diskClassSchema.options.map((c) => [c, bandwidthMBps.optional()])) as Record<DiskClass, z.ZodOptional<typeof bandwidthMBps>>,
          )
          .optional(),
      })
      .optional(),
  })
  .describe('Overrides of model constants (CPU cost per etcd write, rebuild stream rates, …); each default and its source is in src/models/README.md.');

/**
 * A failed component as `componentId` writes it (`rack:R2`, `feed:R3/A`, `tor:R1/B`, `disk:s1/0`,
 * `siteLink:dc1|dc2`). The kinds are those of `models/failures.ts`; whether the id exists in the
 * plan is checked when the drill runs (`unknownComponents`).
 */
const componentRef = z
  .string()
  .min(3)
  .max(200)
  .regex(/^(node|disk|rack|tor|feed|circuit|row|room|site|siteLink):[^\u0000-\u001f\u007f-\u009f]+$/, {
    message: 'must be kind:id with kind node, disk, rack, tor, feed, circuit, row, room, site or siteLink (e.g. rack:R2, feed:R3/A)',
  });
/** Where a degradation applies: `node:<id>`, `rack:<id>` or `siteLink:<a>|<b>`. */
const degradationScopeRef = z
  .string()
  .min(3)
  .max(200)
  .regex(/^(node|rack|siteLink):[^\u0000-\u001f\u007f-\u009f]+$/, {
    message: 'must be node:<id>, rack:<id> or siteLink:<siteA>|<siteB>',
  });

export const drillSchema = z.strictObject({
  name,
  fail: z.array(componentRef).max(1000).default([]).describe('Components that fail outright, as kind:id.'),
  degrade: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('latency'), scope: degradationScopeRef, addedMs: positive.max(10_000) }),
        z.strictObject({ kind: z.literal('bandwidth'), scope: degradationScopeRef, remainingFraction: z.number().gt(0).max(1) }),
      ]),
    )
    .max(1000)
    .default([])
    .describe('Components that keep working, worse.'),
  permanent: z.boolean().default(false).describe('Failed nodes lose their disks (hardware lost) rather than coming back with their data.'),
  repairAfterS: positive
    .max(365 * 86_400)
    .optional()
    .describe('When the failed components come back, s after the failure; omit for never (within the drill).'),
});

export const planSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  name,
  description: z.string().max(10_000).default(''),
  sites: z.array(siteSchema).min(1).max(100),
  rooms: z.array(roomSchema).min(1).max(1000),
  rows: z.array(rowSchema).min(1).max(10_000),
  racks: z.array(rackSchema).max(10_000),
  hardware: z.array(hardwareSchema).min(1).max(1000),
  nodes: z.array(nodeSchema).max(DEFAULTS.limits.maxNodes),
  network: networkSchema,
  cluster: clusterSchema,
  workload: workloadSchema,
  reliability: reliabilitySchema,
  assumptions: assumptionsSchema.optional(),
  drills: z.array(drillSchema).max(1000).optional().describe('Named failure drills saved with the plan.'),
});

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Site = z.output<typeof siteSchema>;
export type Room = z.output<typeof roomSchema>;
export type Row = z.output<typeof rowSchema>;
export type Rack = z.output<typeof rackSchema>;
export type PowerFeed = z.output<typeof powerFeedSchema>;
export type FeedId = z.output<typeof feedId>;
export type Hardware = z.output<typeof hardwareSchema>;
export type Disk = z.output<typeof diskSchema>;
export type DiskClass = z.output<typeof diskClassSchema>;
export type PlanNode = z.output<typeof nodeSchema>;
export type Role = z.output<typeof roleSchema>;
export type Taint = z.output<typeof taintSchema>;
export type NetworkSettings = z.output<typeof networkSchema>;
export type ClusterSettings = z.output<typeof clusterSchema>;
export type StorageSettings = z.output<typeof storageSchema>;
export type EtcdProfile = z.output<typeof etcdProfileSchema>;
export type Workload = z.output<typeof workloadSchema>;
export type Volume = z.output<typeof volumeSchema>;
export type Reliability = z.output<typeof reliabilitySchema>;
export type FailureSpec = z.output<typeof failureSpec>;
export type Drill = z.output<typeof drillSchema>;
export type KubeletSettings = z.output<typeof kubeletSchema>;
export type NodeLifecycle = z.output<typeof nodeLifecycleSchema>;
export type UpgradeStrategy = z.output<typeof upgradeStrategySchema>;
export type PlanAssumptions = z.output<typeof assumptionsSchema>;
export type MeasuredDisk = z.output<typeof measuredDiskSchema>;
