import type { Plan } from '../../plan/schema';
import type { ControlPlaneAssumptions } from './assumptions';

export interface EtcdLoadSource {
  label: string;
  writesPerS: number;
  readsPerS: number;
}

export interface EtcdLoad {
  /** 'derived' from nodes and workload, or 'profile' from `plan.workload.etcdProfile`. */
  origin: 'derived' | 'profile';
  writesPerS: number;
  readsPerS: number;
  /** Size of the average write (its value), bytes. */
  meanWriteBytes: number;
  keyBytes: number;
  readConsistency: 'linearizable' | 'serializable';
  readTarget: 'leader' | 'all';
  /** Closed-loop clients when the profile gives no rate (undefined: open loop at the rates above). */
  closedLoopClients?: number;
  sources: EtcdLoadSource[];
  /** Keys and their live bytes. */
  keys: number;
  liveBytes: number;
  /** Old revisions kept between compactions, bytes: writes/s x mean write bytes x 2 intervals. */
  historyBytes: number;
  /** Predicted DB file size: (live + history) x (1 + fragmentation), bytes. */
  dbBytes: number;
  quotaBytes: number;
  /** etcd's suggested maximum quota (etcd dev-guide/limit). */
  maxQuotaBytes: number;
  /** Share of the quota the DB fills. */
  quotaUse: number;
  /** etcd memory, bytes: base + key index + watchers + Raft log + mmapped DB. */
  memory: { baseBytes: number; keyIndexBytes: number; watchBytes: number; raftLogBytes: number; dbBytes: number; totalBytes: number };
  /** Watches etcd holds (the API servers multiplex client watches: one per resource type each). */
  etcdWatches: number;
  /** etcd clients (API servers and their connections). */
  clients: number;
  /** What the API servers carry besides etcd: requests, watches and watch fan-out (see `apiServerLoad`). */
  api: ApiServerLoad;
}

export interface ApiServerLoad {
  /** Requests/s the API servers answer: every etcd write, the workload's reads, and kubelet Node reads served from the watch cache. */
  requestsPerS: number;
  /** Open watches: the workload's own watchers, plus per node (kubelet, kube-proxy, CNI agent) and per mounted ConfigMap/Secret. */
  watchers: number;
  /** Watch events delivered to watchers per second, and their bytes per second. */
  watchEventsPerS: number;
  watchBytesPerS: number;
  /** Bytes one node's agents fetch when they re-list after losing their API server (its pods, every Service, EndpointSlice and Node they watch). */
  relistBytesPerNode: number;
  /** Size of one EndpointSlice, bytes. */
  endpointSliceBytes: number;
  sources: { label: string; eventsPerS: number; bytesPerS: number }[];
}

export const MAX_QUOTA_BYTES = 8 * 2 ** 30;

/**
 * Watchers each pod event reaches: the kubelet of its node, the scheduler, the controller-manager's
 * pod informer and the node's CNI agent (each watches pods, filtered to what it manages).
 */
const POD_EVENT_WATCHERS = 4;
/** Most endpoints in one EndpointSlice (the EndpointSlice controller's default --max-endpoints-per-slice). */
const MAX_ENDPOINTS_PER_SLICE = 100;
/** Bytes of an EndpointSlice besides its endpoints, and of a Service object. Assumptions. */
const SLICE_HEADER_BYTES = 500;
const SERVICE_BYTES = 1000;

/**
 * What the API servers carry from the plan, growing with nodes, pods and churn:
 *   requests/s  = etcd writes + workload reads + N / nodeGetIntervalS   (kubelet reads its Node from the cache)
 *   watchers    = workload watchers + N · watchesPerNode + pods · watchesPerPod
 *   fan-out, events/s (× bytes each):
 *     Node status   N / nodeStatusIntervalS × (allNodeWatchersPerNode · N)       × Node bytes
 *     EndpointSlice churn · endpointSliceUpdatesPerPod × N kube-proxies        × slice bytes
 *     pods          churn · writesPerPodLifecycle × 4 watchers                   × object bytes
 *     leases        N / leaseRenewIntervalS × 1 (node lifecycle controller)      × Lease bytes
 * slice bytes = 500 + endpointBytes · min(100, pods / services). The first two grow with N², which
 * is why large clusters need far larger control planes (Kubernetes moved node heartbeats to
 * Leases in 1.14 and Endpoints to EndpointSlices in 1.19 for exactly these fan-outs).
 * Relist per node = pods on it × object bytes + services × (Service + slice bytes)
 *   + allNodeWatchersPerNode · N × Node bytes: what a node's agents list again after their API server goes away.
 */
export function apiServerLoad(plan: Plan, a: ControlPlaneAssumptions, etcdWritesPerS: number): ApiServerLoad {
  const w = plan.workload;
  const nodes = plan.nodes.length;
  const churnPerS = w.podChurnPerMin / 60;
  const endpointsPerSlice = Math.min(MAX_ENDPOINTS_PER_SLICE, w.services > 0 ? Math.max(1, w.pods / w.services) : 0);
  const sliceBytes = SLICE_HEADER_BYTES + a.endpointBytes * endpointsPerSlice;
  const stream = (label: string, eventsPerS: number, bytes: number) => ({ label, eventsPerS, bytesPerS: eventsPerS * bytes });
  const sources = [
    stream('Node status to node watchers', (nodes / a.nodeStatusIntervalS) * a.allNodeWatchersPerNode * nodes, a.nodeObjectBytes),
    stream('EndpointSlices to kube-proxies', w.services > 0 ? churnPerS * a.endpointSliceUpdatesPerPod * nodes : 0, sliceBytes),
    stream('pod updates', churnPerS * a.writesPerPodLifecycle * POD_EVENT_WATCHERS, w.avgObjectBytes),
    stream('node leases', nodes / a.leaseRenewIntervalS, a.leaseBytes),
  ];
  return {
    requestsPerS: etcdWritesPerS + w.apiReadsPerS + nodes / a.nodeGetIntervalS,
    watchers: w.watchers + nodes * a.watchesPerNode + w.pods * a.watchesPerPod,
    watchEventsPerS: sources.reduce((t, x) => t + x.eventsPerS, 0),
    watchBytesPerS: sources.reduce((t, x) => t + x.bytesPerS, 0),
    relistBytesPerNode:
      (nodes > 0 ? (w.pods / nodes) * w.avgObjectBytes : 0) + w.services * (SERVICE_BYTES + sliceBytes) + a.allNodeWatchersPerNode * nodes * a.nodeObjectBytes,
    endpointSliceBytes: sliceBytes,
    sources,
  };
}

/**
 * etcd load from the plan. Writes/s (Kubernetes defaults in `assumptions.ts`):
 *   leases       N / leaseRenewIntervalS            (kubelet node Lease, every 10 s)
 *   node status  N / nodeStatusIntervalS            (every 5 min when unchanged)
 *   pod churn    churn/60 x (writes + events per pod lifecycle)
 *   API writes   workload.apiWritesPerS
 *   CP leases    2 per s (controller-manager and scheduler leader election, 2 s retry) + API server identity leases
 * Reads/s: workload.apiReadsPerS (each API read costs etcd at most one quorum read; most lists are
 * served from the watch cache and only fetch the current revision).
 * DB: keys = pods + nodes + leases + namespaces + 3 x services (Service, Endpoints, EndpointSlice)
 * + config/secrets + custom objects + events alive (churn/60 x events/pod x TTL); live bytes use
 * the object sizes; history = writes/s x mean write x 2 x compaction interval (kube-apiserver
 * compacts every interval, so one to two intervals of revisions exist); DB = (live + history) x
 * (1 + fragmentation). Memory (etcd storage and watch memory benchmarks; src/models/README.md, Sources: etcd memory):
 * key index = keys x (120 + key) + revisions x (30 + 8); watchers = 17 KB per connection
 * + 18 KB per stream + 350 B per watch; Raft log = snapshotCount entries; the DB is mmapped.
 * With `plan.workload.etcdProfile` the rates, sizes and consistency come from the profile
 * (keys and DB still from the workload, which the profile does not describe); a profile without
 * `ratePerS` is a closed loop, whose rate (`closedLoopRatePerS`, from the throughput model) the caller passes.
 * `cp`, the plan's control-plane nodes, is counted unless the caller has them (a pass over every node).
 */
export function etcdLoad(
  plan: Plan,
  a: ControlPlaneAssumptions,
  closedLoopRatePerS = 0,
  cp = plan.nodes.filter((node) => node.role === 'controlplane').length,
): EtcdLoad {
  const w = plan.workload;
  const nodes = plan.nodes.length;
  const churnPerS = w.podChurnPerMin / 60;
  const sources: EtcdLoadSource[] = [
    { label: 'node leases', writesPerS: nodes / a.leaseRenewIntervalS, readsPerS: 0 },
    { label: 'node status', writesPerS: nodes / a.nodeStatusIntervalS, readsPerS: 0 },
    { label: 'pod churn and events', writesPerS: churnPerS * (a.writesPerPodLifecycle + a.eventsPerPodLifecycle), readsPerS: 0 },
    { label: 'API writes', writesPerS: w.apiWritesPerS, readsPerS: 0 },
    { label: 'control-plane leases', writesPerS: 2 + cp / a.leaseRenewIntervalS, readsPerS: 0 },
    { label: 'API reads', writesPerS: 0, readsPerS: w.apiReadsPerS },
  ];
  const bytesBySource = [a.leaseBytes, a.nodeObjectBytes, w.avgObjectBytes, w.avgObjectBytes, a.leaseBytes];
  let derivedWrites = 0;
  let weighted = 0;
  sources.forEach((s, i) => {
    derivedWrites += s.writesPerS;
    weighted += s.writesPerS * (bytesBySource[i] ?? 0);
  });
  const derivedReads = w.apiReadsPerS;

  const eventsAlive = churnPerS * a.eventsPerPodLifecycle * a.eventTtlS;
  const objectKeys = w.pods + w.namespaces + 3 * w.services + w.configMapsAndSecrets + w.customObjects;
  const keys = objectKeys + 2 * nodes + eventsAlive + cp;
  const liveBytes =
    objectKeys * w.avgObjectBytes + nodes * (a.nodeObjectBytes + a.leaseBytes) + eventsAlive * a.eventBytes + cp * a.leaseBytes + keys * a.keyBytes;

  const profile = w.etcdProfile;
  const profileRate = profile ? (profile.ratePerS ?? closedLoopRatePerS) : 0;
  const writesPerS = profile ? profileRate * profile.writeFraction : derivedWrites;
  const readsPerS = profile ? profileRate * (1 - profile.writeFraction) : derivedReads;
  const meanWriteBytes = profile ? profile.valueBytes : derivedWrites > 0 ? weighted / derivedWrites : w.avgObjectBytes;
  const keyBytes = profile ? profile.keyBytes : a.keyBytes;

  const intervalS = plan.cluster.etcd.compactionIntervalMin * 60;
  const historyBytes = writesPerS * (meanWriteBytes + keyBytes) * 2 * intervalS;
  const dbBytes = (liveBytes + historyBytes) * (1 + a.fragmentation);
  const quotaBytes = plan.cluster.etcd.quotaBackendBytes;

  const revisions = keys + writesPerS * 2 * intervalS;
  const keyIndexBytes = keys * (120 + keyBytes) + revisions * (30 + 8);
  const etcdWatches = cp * a.watchedResourceTypes;
  const clients = profile ? profile.clients : cp;
  const connections = profile ? profile.connections : cp;
  const watchBytes = connections * 17_000 + etcdWatches * (18_000 + 350);
  const raftLogBytes = plan.cluster.etcd.snapshotCount * (meanWriteBytes + keyBytes + a.entryOverheadBytes);
  const memory = {
    baseBytes: a.etcdBaseBytes,
    keyIndexBytes,
    watchBytes,
    raftLogBytes,
    dbBytes,
    totalBytes: a.etcdBaseBytes + keyIndexBytes + watchBytes + raftLogBytes + dbBytes,
  };
  return {
    origin: profile ? 'profile' : 'derived',
    writesPerS,
    readsPerS,
    meanWriteBytes,
    keyBytes,
    readConsistency: profile ? profile.readConsistency : 'linearizable',
    readTarget: profile ? profile.target : 'all',
    closedLoopClients: profile && profile.ratePerS === undefined ? profile.clients : undefined,
    sources: profile ? [{ label: 'etcd load profile', writesPerS, readsPerS }] : sources,
    keys,
    liveBytes,
    historyBytes,
    dbBytes,
    quotaBytes,
    maxQuotaBytes: MAX_QUOTA_BYTES,
    quotaUse: dbBytes / quotaBytes,
    memory,
    etcdWatches,
    clients,
    api: apiServerLoad(plan, a, derivedWrites),
  };
}
