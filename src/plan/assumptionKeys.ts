/**
 * The model constants a plan may override (`plan.assumptions`), each with the range of values
 * that mean something physically. The defaults and their sources live with the models
 * (`src/models/controlPlane/assumptions.ts`, `src/models/storage/assumptions.ts`); the plan
 * format names the keys and their ranges, so an unknown key or a value out of range (a zero
 * divisor, a share above 1) is a validation error naming the field and the range, never a
 * silent no-op or a NaN in the report. A test keeps these lists equal to the models' defaults.
 *
 * A range is [min, max]; `gt` makes the minimum exclusive (the key divides something, so 0 is refused).
 */
export interface AssumptionRange {
  min: number;
  max: number;
  gt?: boolean;
}

const r = (min: number, max: number, gt = false): AssumptionRange => (gt ? { min, max, gt } : { min, max });

export const CONTROL_PLANE_ASSUMPTION_RANGES = {
  applyMs: r(0, 1000),
  rttJitterSigma: r(0, 3),
  leaderCpuUsPerWrite: r(0, 1e6, true),
  followerCpuUsPerWrite: r(0, 1e6, true),
  cpuUsPerRead: r(0, 1e6, true),
  cpuUsPerLinearizableRead: r(0, 1e6),
  raftMessageUs: r(0, 1e6),
  fsyncIosPerCommit: r(0, 100),
  entryOverheadBytes: r(0, 1e6),
  diskWriteAmplification: r(1, 100),
  maxBatchEntries: r(1, 1e6),
  etcdMaxCores: r(1, 1024),
  usableCpuFraction: r(0, 1, true),
  apiServerCpuMsPerRequest: r(0, 1000),
  apiServerOverheadP50Ms: r(0, 60_000),
  apiServerOverheadP99Ms: r(0, 60_000),
  apiServerMemoryPerDataByte: r(0, 100),
  apiServerBytesPerWatcher: r(0, 1e9),
  watchEventUs: r(0, 1e6),
  watchSendMBpsPerCore: r(0, 1e6, true),
  watchesPerNode: r(0, 1000),
  watchesPerPod: r(0, 1000),
  allNodeWatchersPerNode: r(0, 100),
  endpointSliceUpdatesPerPod: r(0, 100),
  endpointBytes: r(0, 1e6),
  nodeGetIntervalS: r(0, 86_400, true),
  relistWindowS: r(0, 86_400, true),
  listEncodeMBpsPerCore: r(0, 1e6, true),
  watchCacheHistoryS: r(0, 86_400),
  controllersMemoryPerDataByte: r(0, 100),
  controllersCpuMsPerPodChurn: r(0, 1e5),
  baseCpuCores: r(0, 1024),
  baseMemoryGiB: r(0, 65_536),
  etcdBaseBytes: r(0, 1e12),
  talosDiskGB: r(0, 1e6),
  leaseRenewIntervalS: r(0, 3600, true),
  nodeStatusIntervalS: r(0, 86_400, true),
  writesPerPodLifecycle: r(0, 1000),
  eventsPerPodLifecycle: r(0, 1000),
  eventTtlS: r(0, 1e7),
  leaseBytes: r(1, 1_572_864),
  nodeObjectBytes: r(1, 1_572_864),
  eventBytes: r(1, 1_572_864),
  keyBytes: r(1, 1_572_864),
  watchedResourceTypes: r(0, 10_000),
  fragmentation: r(0, 10),
} as const satisfies Record<string, AssumptionRange>;

/** Storage constants that are plain numbers; `mclockRecoveryShare` and `diskBandwidthMBps` are records. */
export const STORAGE_ASSUMPTION_RANGES = {
  longhornStreamMBps: r(0, 100_000, true),
  longhornV2StreamMBps: r(0, 100_000, true),
  longhornSyncEfficiency: r(0, 1, true),
  longhornRebuildCeilingS: r(0, 1e8, true),
  mayastorRebuildEfficiency: r(0, 1, true),
  cephHeartbeatGraceS: r(0, 86_400),
  cephObjectBytes: r(4096, 2 ** 32),
  tcpGoodput: r(0, 1, true),
  kubespanGoodput: r(0, 1, true),
  kubespanCryptoCores: r(0, 1024, true),
} as const satisfies Record<string, AssumptionRange>;

export type ControlPlaneAssumptionKey = keyof typeof CONTROL_PLANE_ASSUMPTION_RANGES;
export type StorageAssumptionKey = keyof typeof STORAGE_ASSUMPTION_RANGES;

export const CONTROL_PLANE_ASSUMPTION_KEYS = Object.keys(CONTROL_PLANE_ASSUMPTION_RANGES) as ControlPlaneAssumptionKey[];
export const STORAGE_ASSUMPTION_KEYS = Object.keys(STORAGE_ASSUMPTION_RANGES) as StorageAssumptionKey[];
