/**
 * The model constants a plan may override (`plan.assumptions`). The defaults and their sources
 * live with the models (`src/models/controlPlane/assumptions.ts`, `src/models/storage/assumptions.ts`);
 * the plan format only names the keys, so an unknown key is a validation error rather than a
 * silent no-op. A test keeps these lists equal to the models' defaults.
 */
export const CONTROL_PLANE_ASSUMPTION_KEYS = [
  'applyMs', 'rttJitterSigma', 'leaderCpuUsPerWrite', 'leaderCpuUsPerFollower', 'followerCpuUsPerWrite',
  'cpuUsPerRead', 'cpuUsPerLinearizableRead', 'entryOverheadBytes', 'diskWriteAmplification', 'maxBatchEntries',
  'etcdMaxCores', 'usableCpuFraction', 'apiServerCpuMsPerRequest', 'apiServerOverheadP50Ms', 'apiServerOverheadP99Ms',
  'apiServerMemoryPerDataByte', 'apiServerBytesPerWatcher', 'controllersMemoryPerDataByte', 'controllersCpuMsPerPodChurn',
  'baseCpuCores', 'baseMemoryGiB', 'etcdBaseBytes', 'talosDiskGB', 'leaseRenewIntervalS', 'nodeStatusIntervalS',
  'writesPerPodLifecycle', 'eventsPerPodLifecycle', 'eventTtlS', 'leaseBytes', 'nodeObjectBytes', 'eventBytes',
  'keyBytes', 'watchedResourceTypes', 'fragmentation',
] as const;

/** Storage constants that are plain numbers; `mclockRecoveryShare` and `diskBandwidthMBps` are records. */
export const STORAGE_ASSUMPTION_KEYS = [
  'longhornStreamMBps', 'longhornV2StreamMBps', 'longhornSyncEfficiency', 'longhornRebuildCeilingS',
  'mayastorRebuildEfficiency', 'cephHeartbeatGraceS', 'cephObjectBytes', 'tcpGoodput', 'kubespanGoodput', 'kubespanCryptoCores',
] as const;
