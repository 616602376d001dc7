import type { Hardware } from '../../plan/schema';

/**
 * The numbers the control-plane models start from that the plan itself does not hold. Each names
 * its source; "calibrated" means fitted to one published measurement (named) and then checked
 * against others in `test/models/controlPlane/publishedBenchmarks.test.ts`; "assumption" means a
 * planning figure with no single published source, to be replaced by the user's own measurement.
 * Every field can be overridden: `controlPlaneReport(plan, { assumptions: { … } })`.
 */
export interface ControlPlaneAssumptions {
  /** bbolt apply of one request, ms. etcd op-guide/performance: "usually takes tens of microseconds". */
  applyMs: number;
  /** Log-space sigma of the multiplicative jitter on every RTT. Assumption: modest, p99 ≈ 1.26 x the class RTT. */
  rttJitterSigma: number;
  /**
   * Leader CPU per write on a balanced core (gRPC request, proposal, WAL encode, apply, response),
   * µs. Calibrated: 8 vCPU / 44,341 writes/s = 180 µs (etcd op-guide/performance, v3.2, 3 members,
   * 1000 clients, leader only), where Raft messages carry hundreds of entries each, so the
   * per-message cost below adds well under 1 µs per write. At one client nothing is batched and
   * this CPU time sits on the request path: it is part of the unloaded write latency.
   */
  leaderCpuUsPerWrite: number;
  /**
   * Handling of one Raft message on one side (encode and send, or receive and decode), µs of a
   * balanced core. Assumption: Go gRPC/HTTP-2 message handling of a few tens of µs. A message to
   * each follower carries a batch of entries, so per write it costs raftMessageUs · (n − 1) / batch;
   * at one client every commit pays it on the leader, the follower and again for the ack.
   */
  raftMessageUs: number;
  /**
   * Disk IOs one WAL commit costs against the disk's IOPS: the write and the flush (fdatasync).
   * Assumption; a throttled volume (cloud block storage) cannot fsync faster than IOPS / this.
   */
  fsyncIosPerCommit: number;
  /** Follower CPU per applied write on a balanced core, µs. Assumption: a follower skips the client gRPC, so about half the leader's cost. */
  followerCpuUsPerWrite: number;
  /** CPU per serializable read on a balanced core, µs. Calibrated: 3 x 8 vCPU / 185,758 reads/s (etcd op-guide/performance, serializable, 1000 clients). */
  cpuUsPerRead: number;
  /** Extra CPU of a linearizable read (ReadIndex round), µs. Calibrated: 3 x 8 vCPU / 141,578 linearizable reads/s minus the serializable cost. */
  cpuUsPerLinearizableRead: number;
  /** Bytes on the wire per Raft entry besides key and value (protobuf, gRPC, TLS framing). Assumption. */
  entryOverheadBytes: number;
  /** Bytes written to disk per byte of entry: WAL once, then the bbolt page rewrite. Assumption: 2 (WAL + backend) plus page overhead. */
  diskWriteAmplification: number;
  /** Most entries one WAL fsync and one Raft message carry: MaxSizePerMsg 1 MiB (etcd server default) over a 300 B entry, rounded. */
  maxBatchEntries: number;
  /**
   * Most balanced cores etcd can keep busy. Assumption: etcd's largest hardware class advises
   * 16 vCPU (etcd op-guide/hardware); past that the serial Raft and apply loops limit scaling.
   */
  etcdMaxCores: number;
  /** Share of a core's time etcd can use before queueing explodes; the rest goes to the OS and Go GC. Assumption. */
  usableCpuFraction: number;
  /** kube-apiserver CPU per API request, ms of a balanced core. Assumption: ~1 core per 1000 mixed requests/s. */
  apiServerCpuMsPerRequest: number;
  /** kube-apiserver processing of a mutating call besides etcd (authn, admission, conversion, encoding), p50 and p99, ms. Assumption. */
  apiServerOverheadP50Ms: number;
  apiServerOverheadP99Ms: number;
  /** kube-apiserver memory per byte of live etcd data (decoded objects, watch cache, encoding buffers). Assumption: 4x. */
  apiServerMemoryPerDataByte: number;
  /** kube-apiserver memory per client watch, bytes. Assumption (buffered watch channel plus goroutines). */
  apiServerBytesPerWatcher: number;
  /** kube-apiserver CPU to dispatch one watch event to one watcher (filter, queue, frame), µs. Assumption. */
  watchEventUs: number;
  /**
   * Bytes of watch events one balanced core sends (the object is serialised once per event and
   * shared, but every watcher's copy is framed, TLS-encrypted and written), MB/s. Assumption:
   * AES-GCM runs at 2-4 GB/s per core; HTTP/2 framing and socket writes take most of the rest.
   */
  watchSendMBpsPerCore: number;
  /**
   * Watches each node opens on the API server: kubelet (its Node, its pods, Services, CSI and
   * runtime classes), kube-proxy (Services, EndpointSlices, its Node) and one CNI agent (its pods,
   * Nodes). Assumption from those components' informers: 8.
   */
  watchesPerNode: number;
  /** Watches per pod: the kubelet watches each ConfigMap and Secret a pod mounts (configMapAndSecretChangeDetectionStrategy Watch, the default since 1.14). Assumption: 2 per pod. */
  watchesPerPod: number;
  /** Agents per node that watch every Node object (a CNI agent such as Flannel or Cilium's node watcher). Assumption: 1. */
  allNodeWatchersPerNode: number;
  /** EndpointSlice updates per pod lifecycle (ready, then removed), each sent to every kube-proxy. Assumption: 2. */
  endpointSliceUpdatesPerPod: number;
  /** Bytes per endpoint in an EndpointSlice (addresses, conditions, target ref, zone), over a 500 B header. Assumption: 200. */
  endpointBytes: number;
  /** The kubelet reads its Node object every nodeStatusUpdateFrequency (10 s default) to compute status, even when it does not post it (kubelet docs). */
  nodeGetIntervalS: number;
  /**
   * Seconds in which the agents of a failed API server's nodes re-list from the survivors.
   * Assumption: client-go reflectors reconnect at once and back off on errors (up to 30 s),
   * and API Priority and Fairness queues the lists, so the burst spreads over about a minute.
   */
  relistWindowS: number;
  /** Bytes of LIST responses one balanced core encodes from the watch cache (not cached across requests), MB/s. Assumption. */
  listEncodeMBpsPerCore: number;
  /**
   * Seconds of watch events each kube-apiserver watch cache keeps so watchers can resume:
   * 75 s (kube-apiserver eventFreshDuration, KEP-1904 dynamic watch-cache size).
   */
  watchCacheHistoryS: number;
  /** kube-controller-manager and scheduler informers hold every object once or twice: memory per byte of live data. Assumption. */
  controllersMemoryPerDataByte: number;
  /** Controller-manager and scheduler CPU per pod created or deleted, ms. Assumption. */
  controllersCpuMsPerPodChurn: number;
  /** Fixed CPU of the control-plane processes and Talos when idle, cores. Assumption, in line with Talos' 2-core minimum. */
  baseCpuCores: number;
  /** Fixed memory of Talos, kubelet (512 MiB reserved, Talos docs) and idle control-plane processes, GiB. */
  baseMemoryGiB: number;
  /** etcd RSS when empty, bytes. etcd op-guide/performance: 48 MB RSS after 10,000 small keys. */
  etcdBaseBytes: number;
  /** Disk for Talos itself (EPHEMERAL besides etcd, images, logs), GB. Talos recommended 100 GB for a control plane. */
  talosDiskGB: number;
  /** Workload translation (Kubernetes defaults). */
  leaseRenewIntervalS: number;
  nodeStatusIntervalS: number;
  writesPerPodLifecycle: number;
  eventsPerPodLifecycle: number;
  eventTtlS: number;
  leaseBytes: number;
  nodeObjectBytes: number;
  eventBytes: number;
  keyBytes: number;
  watchedResourceTypes: number;
  /** Extra DB file size from freed but unreturned bbolt pages, as a share of live + history. Assumption (etcd maintenance docs: space is returned only by defragmentation). */
  fragmentation: number;
}

export const DEFAULT_CP_ASSUMPTIONS: ControlPlaneAssumptions = {
  applyMs: 0.05,
  rttJitterSigma: 0.1,
  leaderCpuUsPerWrite: 180,
  raftMessageUs: 40,
  fsyncIosPerCommit: 2,
  followerCpuUsPerWrite: 90,
  cpuUsPerRead: 129,
  cpuUsPerLinearizableRead: 40,
  entryOverheadBytes: 100,
  diskWriteAmplification: 2.5,
  maxBatchEntries: 3500,
  etcdMaxCores: 16,
  usableCpuFraction: 1,
  apiServerCpuMsPerRequest: 1,
  apiServerOverheadP50Ms: 3,
  apiServerOverheadP99Ms: 25,
  apiServerMemoryPerDataByte: 4,
  apiServerBytesPerWatcher: 20_000,
  watchEventUs: 5,
  watchSendMBpsPerCore: 500,
  watchesPerNode: 8,
  watchesPerPod: 2,
  allNodeWatchersPerNode: 1,
  endpointSliceUpdatesPerPod: 2,
  endpointBytes: 200,
  nodeGetIntervalS: 10,
  relistWindowS: 60,
  listEncodeMBpsPerCore: 100,
  watchCacheHistoryS: 75,
  controllersMemoryPerDataByte: 2,
  controllersCpuMsPerPodChurn: 20,
  baseCpuCores: 0.5,
  baseMemoryGiB: 1.5,
  etcdBaseBytes: 48e6,
  talosDiskGB: 100,
  // kubelet renews its node Lease every 10 s and posts NodeStatus every 5 min when nothing
  // changed (kubernetes.io, "Node heartbeats"; nodeStatusReportFrequency).
  leaseRenewIntervalS: 10,
  nodeStatusIntervalS: 300,
  // A pod's life writes its object about 8 times (create, bind, 3 status updates, graceful
  // delete, final status, delete) plus 2 EndpointSlice updates; assumption from the pod lifecycle.
  writesPerPodLifecycle: 10,
  // Scheduled, Pulling, Pulled, Created, Started; events live 1 h (kube-apiserver --event-ttl).
  eventsPerPodLifecycle: 5,
  eventTtlS: 3600,
  // A Lease is ~300 B (SIG scalability FAQ); a Node object ~10 KB and an Event ~1 KB (assumption).
  leaseBytes: 300,
  nodeObjectBytes: 10_000,
  eventBytes: 1000,
  keyBytes: 60,
  watchedResourceTypes: 80,
  fragmentation: 0.5,
};

/**
 * Per-core speed of a CPU class against the balanced reference core. Assumption: efficiency
 * cores run a single thread at ~60 % of a mainstream server core, performance (high-clock)
 * parts at ~130 %. The schema names the classes; this is the only place their speed is set.
 */
export const CPU_CLASS_SPEED: Record<Hardware['cpuClass'], number> = {
  efficiency: 0.6,
  balanced: 1,
  performance: 1.3,
};

/** Balanced-core equivalents of a hardware profile: cores x class speed. */
export function coreEquivalents(hardware: Hardware): number {
  return hardware.cores * CPU_CLASS_SPEED[hardware.cpuClass];
}
