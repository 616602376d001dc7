import type { Plan } from '../../plan/schema';
import { Z99 } from '../../plan/diskClasses';
import { sig } from '../../format/units';
import { mutatingApiLatency, type ApiLatency } from './apiLatency';
import { coreEquivalents, CPU_CLASS_SPEED, DEFAULT_CP_ASSUMPTIONS, type ControlPlaneAssumptions } from './assumptions';
import { commitLatency, expectedCommitMs, type CommitLatency, type CommitLatencyInput, type CommitLatencyMemo } from './commitLatency';
import { etcdLoad, type EtcdLoad } from './etcdLoad';
import { failureDomainTolerance, type LevelTolerance } from './failureDomains';
import { topologyOf } from '../topology';
import { memberRttMatrix } from './memberRtt';
import { etcdMembers, type EtcdMember } from './members';
import { quorumSize, quorumSummary, type QuorumSummary } from './quorum';
import {
  etcdClassOf,
  hardwareVerdict,
  MAX_FSYNC_P99_MS,
  nodeUse,
  requirements,
  type ControlPlaneDemand,
  type EtcdClass,
  type HardwareVerdict,
  type NodeUse,
  type Requirement,
  walFsyncTooSlow,
} from './sizing';
import {
  closedLoop,
  CONCURRENCY_STEPS,
  openLoop,
  readCapacity,
  tailAtLoad,
  writeCapacities,
  type LoadPoint,
  type LoadService,
  type MemberCapacity,
  type ReadBottleneck,
  type TailAtLoad,
  type ThroughputInput,
  type WriteBottleneck,
} from './throughput';
import { timerAdvice, type TimerAdvice } from './timers';
import type { ResolvedFailures } from '../failures';
import { quorumAfterFailures, type QuorumAfterFailures } from './quorumAfterFailures';
import type { Finding } from '../finding';

export interface ControlPlaneOptions {
  assumptions?: Partial<ControlPlaneAssumptions>;
  /** RTT from the client to the member it talks to, ms; default the profile's `clientRttMs`, else 0 (kube-apiserver uses its local etcd). */
  clientRttMs?: number;
  /** A resolved failure set: the report then also says what it does to quorum (`afterFailures`). */
  resolved?: ResolvedFailures;
  /** Commit-latency results an incremental evaluator keeps across plans (see `CommitLatencyMemo`). */
  latencyMemo?: CommitLatencyMemo;
}

export interface ReadCurve {
  baseLatencyMs: number;
  maxPerS: number;
  bottleneck: ReadBottleneck;
  closedLoop: LoadPoint[];
}

export interface ThroughputCurve {
  members: number;
  /** Unloaded write latency (mean), ms. */
  baseWriteLatencyMs: number;
  /** Mean WAL commit time the writes wait on (the slower of the leader and the quorum's follower), ms. */
  commitFsyncMs: number;
  maxWritesPerS: number;
  bottleneck: WriteBottleneck;
  /** The limit each resource sets, writes/s; null: no limit from that resource (one member has no followers). */
  capacityPerS: Record<WriteBottleneck, number | null>;
  closedLoop: LoadPoint[];
  linearizableReads: ReadCurve;
  serializableReads: ReadCurve;
}

export interface ControlPlaneReport {
  members: {
    id: string;
    name: string;
    rack: string;
    hardwareId: string;
    diskClass: string;
    fsyncMedianMs: number;
    fsyncP99Ms: number;
    diskMeasured: boolean;
  }[];
  quorum: QuorumSummary;
  tolerance: LevelTolerance[];
  rtt: { names: string[]; matrixMs: number[][]; maxMs: number; meanMs: number };
  latency: CommitLatency | null;
  /** Write latency at the plan's own write rate (queueing model, `tailAtLoad`); null without members. */
  latencyAtLoad: TailAtLoad | null;
  throughput: { plan: ThroughputCurve | null; byMembers: ThroughputCurve[]; openLoop: LoadPoint[] };
  load: EtcdLoad;
  /** Utilisation at the plan's load: etcd's bottleneck and the busiest control-plane node's CPU. */
  utilisation: { etcd: number; nodeCpu: number; nodeCpuOneDown: number };
  api: { allUp: ApiLatency; oneDown: ApiLatency | null } | null;
  timers: TimerAdvice | null;
  sizing: {
    demand: ControlPlaneDemand;
    allUp: NodeUse;
    oneDown: NodeUse;
    requirements: Requirement[];
    etcdClass: EtcdClass;
    verdicts: (HardwareVerdict & { inUse: boolean })[];
  };
  /**
   * What the control-plane models find beyond the reference-architecture rules (which the advisor
   * checks from this report): fsync, DB size, throughput, API latency and timer findings.
   */
  findings: Finding[];
  assumptions: ControlPlaneAssumptions;
  /** Quorum after the failure set `evaluate` was given (null without one). */
  afterFailures: QuorumAfterFailures | null;
}

/** Members sizes for the "cost of more members" curves. */
export const MEMBER_COUNTS = [1, 3, 5, 7] as const;

/**
 * The control-plane section of the report: quorum and placement-aware tolerance, commit latency
 * by leader placement (exact distribution, integrated numerically), throughput curves (the plan's members and 1/3/5/7
 * members on the leader's hardware), etcd load and DB size, mutating API latency against the
 * 1 s SLO, timer advice and sizing verdicts for every hardware profile. Each part is its own
 * model in this folder; see `src/models/README.md` ("Control plane") for the equations.
 */
export function controlPlaneReport(plan: Plan, options: ControlPlaneOptions): ControlPlaneReport {
  const a: ControlPlaneAssumptions = { ...DEFAULT_CP_ASSUMPTIONS, ...options.assumptions };
  const members = etcdMembers(plan);
  const n = members.length;
  const profile = plan.workload.etcdProfile;
  const clientRttMs = options.clientRttMs ?? profile?.clientRttMs ?? 0;
  // A profile that targets the leader sends every write there; otherwise writes reach members evenly.
  const origin = profile?.target === 'leader' ? 'leader' : 'spread';
  const rttFlat = memberRttMatrix(
    topologyOf(plan),
    members.map((m) => m.place),
  );
  const rtt = rttSummary(members, rttFlat);
  const latencyInput = toLatencyInput(members, rttFlat, a, clientRttMs, origin);
  const latency = n > 0 ? commitLatency(latencyInput, options.latencyMemo) : null;
  const leaderIndex = latency ? latency.byLeader.indexOf(latency.best) : -1;

  // The members are the control-plane nodes: count them once, not in another pass over every node.
  let load = etcdLoad(plan, a, 0, n);
  const workers = plan.nodes.length - n;

  let planCurve: ThroughputCurve | null = null;
  let openLoopPoints: LoadPoint[] = [];
  let latencyAtLoad: TailAtLoad | null = null;
  const byMembers: ThroughputCurve[] = [];
  let etcdUtil = 0;
  if (latency && leaderIndex >= 0) {
    const caps = members.map((m) => memberCapacity(m, a));
    const tInput: ThroughputInput = {
      leader: caps[leaderIndex],
      followers: caps.filter((_, i) => i !== leaderIndex),
      keyBytes: load.keyBytes,
      valueBytes: load.meanWriteBytes,
      assumptions: a,
    };
    const readBase = readBaseLatency(rttFlat, n, leaderIndex, readCosts(members, a), clientRttMs, load.readTarget);
    planCurve = throughputCurve(tInput, latency.best.writeMs.mean, readBase, load.readTarget);
    if (load.closedLoopClients !== undefined && profile) {
      // A closed-loop profile: its rate is what the clients reach against the mixed bottleneck,
      // with each kind of request at its own unloaded latency (serializable reads skip ReadIndex).
      const reads = profile.readConsistency === 'linearizable' ? planCurve.linearizableReads : planCurve.serializableReads;
      const mixedMax = 1 / (profile.writeFraction / planCurve.maxWritesPerS + (1 - profile.writeFraction) / reads.maxPerS);
      const base = profile.writeFraction * planCurve.baseWriteLatencyMs + (1 - profile.writeFraction) * reads.baseLatencyMs;
      const service: LoadService = { maxPerS: mixedMax, baseLatencyMs: base, fsyncMs: profile.writeFraction * planCurve.commitFsyncMs };
      load = etcdLoad(plan, a, closedLoop(service, [load.closedLoopClients])[0].perS, n);
    }
    const readMax = (load.readConsistency === 'linearizable' ? planCurve.linearizableReads : planCurve.serializableReads).maxPerS;
    etcdUtil = load.writesPerS / planCurve.maxWritesPerS + load.readsPerS / readMax;
    const writeService: LoadService = { maxPerS: planCurve.maxWritesPerS, baseLatencyMs: planCurve.baseWriteLatencyMs, fsyncMs: planCurve.commitFsyncMs };
    openLoopPoints = openLoop(
      writeService,
      [0.1, 0.25, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.05].map((f) => f * planCurve!.maxWritesPerS),
    );
    // Reads share the bottleneck with writes: the writes see it as busy as the whole mix makes it.
    latencyAtLoad = tailAtLoad(writeService, latency.best.writeMs, load.writesPerS, load.readsPerS / readMax);
    const rttTypical = n > 1 ? rtt.meanMs : plan.network.rtt.sameRowMs;
    const leader = members[leaderIndex];
    for (const size of MEMBER_COUNTS) {
      const same = Array.from({ length: size }, () => caps[leaderIndex]);
      const synthetic = uniformLatencyInput(size, leader, rttTypical, a, origin, clientRttMs);
      const forward = origin === 'leader' ? 0 : ((size - 1) / size) * (rttTypical + 4 * synthetic.messageMs![0]);
      const base = expectedCommitMs(synthetic, 0) + forward + clientRttMs + a.applyMs;
      byMembers.push(
        throughputCurve(
          { ...tInput, leader: same[0], followers: same.slice(1) },
          base,
          readBaseLatency(
            synthetic.rttMs,
            size,
            0,
            readCosts(
              Array.from({ length: size }, () => leader),
              a,
            ),
            clientRttMs,
            load.readTarget,
          ),
          load.readTarget,
        ),
      );
    }
  }

  const demand: ControlPlaneDemand = {
    members: n,
    workers,
    nodes: plan.nodes.length,
    writesPerS: load.writesPerS,
    readsPerS: load.readsPerS,
    linearizableReads: load.readConsistency === 'linearizable',
    podChurnPerS: plan.workload.podChurnPerMin / 60,
    apiRequestsPerS: load.api.requestsPerS,
    watchers: load.api.watchers,
    watchEventsPerS: load.api.watchEventsPerS,
    watchBytesPerS: load.api.watchBytesPerS,
    relistBytesPerNode: load.api.relistBytesPerNode,
    meanWriteBytes: load.meanWriteBytes,
    liveBytes: load.liveBytes,
    dbBytes: load.dbBytes,
    quotaBytes: load.quotaBytes,
    etcdMemoryBytes: load.memory.totalBytes,
  };
  const allUp = nodeUse(demand, a, n);
  const oneDown = nodeUse(demand, a, n - 1);
  const leaderCores = leaderIndex >= 0 ? coreEquivalents(members[leaderIndex].place.hardware) : 1;
  const utilisation = { etcd: etcdUtil, nodeCpu: allUp.cpuCores / leaderCores, nodeCpuOneDown: oneDown.cpuCores / leaderCores };

  let api: ControlPlaneReport['api'] = null;
  if (latency) {
    const overhead = { apiServerP50Ms: a.apiServerOverheadP50Ms, apiServerP99Ms: a.apiServerOverheadP99Ms };
    const allUpApi = mutatingApiLatency({
      ...overhead,
      etcdWriteP50Ms: latency.best.writeMs.p50,
      etcdWriteP99Ms: latency.best.writeMs.p99,
      etcdUtilisation: etcdUtil,
      apiServerUtilisation: utilisation.nodeCpu,
    });
    let oneDownApi: ApiLatency | null = null;
    if (n >= 2) {
      // The worst single loss for latency is usually the best leader: the survivors elect another.
      const survivors = members.filter((_, i) => i !== leaderIndex);
      const lost = survivors.length < quorumSize(n);
      if (lost) oneDownApi = { p50Ms: null, p99Ms: null, sloMs: allUpApi.sloMs, meetsSlo: false, etcdShare: 1 };
      else {
        const survivorLatency = commitLatency(toLatencyInput(survivors, withoutMember(rttFlat, n, leaderIndex), a, clientRttMs, origin), options.latencyMemo);
        oneDownApi = mutatingApiLatency({
          ...overhead,
          etcdWriteP50Ms: survivorLatency.best.writeMs.p50,
          etcdWriteP99Ms: survivorLatency.best.writeMs.p99,
          etcdUtilisation: etcdUtil,
          apiServerUtilisation: utilisation.nodeCpuOneDown,
        });
      }
    }
    api = { allUp: allUpApi, oneDown: oneDownApi };
  }

  const timers =
    n > 0 ? timerAdvice(plan.cluster.etcd.heartbeatMs, plan.cluster.etcd.electionTimeoutMs, rtt.maxMs * Math.exp(Z99 * a.rttJitterSigma), n) : null;

  const inUse = new Set(members.map((m) => m.place.hardware.id));
  const sizing = {
    demand,
    allUp,
    oneDown,
    requirements: requirements(demand, a),
    etcdClass: etcdClassOf(load.writesPerS + load.readsPerS, load.dbBytes, plan.nodes.length),
    verdicts: plan.hardware.map((h) => ({ ...hardwareVerdict(h, demand, a), inUse: inUse.has(h.id) })),
  };
  const tolerance = failureDomainTolerance(members);
  const report: ControlPlaneReport = {
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      rack: m.place.rack.name,
      hardwareId: m.place.hardware.id,
      diskClass: m.diskClass,
      fsyncMedianMs: m.fsyncMedianMs,
      fsyncP99Ms: m.disk.fsyncP99Ms,
      diskMeasured: m.disk.measured,
    })),
    quorum: quorumSummary(n),
    tolerance,
    rtt,
    latency,
    latencyAtLoad,
    throughput: { plan: planCurve, byMembers, openLoop: openLoopPoints },
    load,
    utilisation,
    api,
    timers,
    sizing,
    findings: [],
    assumptions: a,
    afterFailures: options.resolved ? quorumAfterFailures(plan, options.resolved) : null,
  };
  report.findings = controlPlaneFindings(
    report,
    members.map((m) => m.id),
  );
  return report;
}

const ETCD_FAQ =
  'etcd FAQ and hardware guide: WAL fsync p99 should stay below 10 ms; the backend quota defaults to 2 GiB with 8 GiB the suggested maximum (https://etcd.io/docs/v3.5/faq/, https://etcd.io/docs/v3.5/dev-guide/limit/)';
const ETCD_HARDWARE = 'etcd hardware recommendations: CPU, memory, disk IOPS and size by cluster class (https://etcd.io/docs/v3.5/op-guide/hardware/)';
const API_SLO =
  'Kubernetes scalability SLO: mutating API calls p99 ≤ 1 s (https://github.com/kubernetes/community/blob/master/sig-scalability/slos/api_call_latency.md)';

function controlPlaneFindings(r: ControlPlaneReport, memberIds: readonly string[]): Finding[] {
  const f: Finding[] = [];
  const nodes = [...memberIds];
  const slowDisks = r.members.filter((m) => walFsyncTooSlow(m.fsyncP99Ms));
  if (slowDisks.length > 0) {
    f.push({
      ruleId: 'ETCD-FSYNC',
      severity: 'error',
      message: `${slowDisks.map((m) => m.name).join(', ')}: etcd WAL on ${slowDisks[0].diskClass}${slowDisks[0].diskMeasured ? ' (measured)' : ''}, fsync p99 ${sig(slowDisks[0].fsyncP99Ms)} ms, above etcd's ${MAX_FSYNC_P99_MS} ms`,
      why: 'every etcd write waits for an fsync on a quorum of members, so a slow disk sets the write latency of the whole cluster and causes leader loss under load',
      figure: { label: 'fsync p99', value: slowDisks[0].fsyncP99Ms, unit: 'ms' },
      source: ETCD_FAQ,
      subjects: { nodes: slowDisks.map((m) => m.id) },
    });
  }
  const gib = (b: number) => Math.round((b / 2 ** 30) * 100) / 100;
  if (r.load.dbBytes > r.load.maxQuotaBytes) {
    f.push({
      ruleId: 'ETCD-DB-SIZE',
      severity: 'error',
      message: `predicted etcd DB ${gib(r.load.dbBytes)} GiB exceeds the 8 GiB suggested maximum quota`,
      why: 'etcd refuses writes (alarm NOSPACE) once the DB reaches its quota, and above 8 GiB defragmentation and snapshots stall members',
      figure: { label: 'predicted DB', value: gib(r.load.dbBytes), unit: 'GiB' },
      source: ETCD_FAQ,
      subjects: { nodes, settings: ['cluster.etcd.quotaBackendBytes'] },
    });
  } else if (r.load.dbBytes > r.load.quotaBytes * 0.8) {
    f.push({
      ruleId: 'ETCD-DB-SIZE',
      severity: 'warning',
      message: `predicted etcd DB ${gib(r.load.dbBytes)} GiB is over 80 % of the ${gib(r.load.quotaBytes)} GiB quota`,
      why: 'etcd refuses writes (alarm NOSPACE) once the DB reaches its quota; raise cluster.etcd.quotaBackendBytes',
      figure: { label: 'DB / quota', value: Math.round((r.load.dbBytes / r.load.quotaBytes) * 100), unit: '%' },
      source: ETCD_FAQ,
      subjects: { nodes, settings: ['cluster.etcd.quotaBackendBytes'] },
    });
  }
  if (r.utilisation.etcd >= 0.7) {
    const pct = Math.round(r.utilisation.etcd * 100);
    f.push({
      ruleId: 'ETCD-THROUGHPUT',
      severity: r.utilisation.etcd >= 1 ? 'error' : 'warning',
      message: `etcd runs at ${pct} % of its throughput limit (${r.throughput.plan?.bottleneck ?? 'unknown'} bound)`,
      why: 'queueing delay grows without bound as utilisation approaches 100 %, so API latency and leases suffer first',
      figure: { label: 'etcd utilisation', value: pct, unit: '%' },
      source: 'Rackplan control-plane throughput model (src/models/README.md, "Control plane")',
      subjects: { nodes },
    });
  }
  if (r.api && !r.api.allUp.meetsSlo) {
    const p99 = r.api.allUp.p99Ms;
    f.push({
      ruleId: 'API-SLO',
      severity: 'error',
      message: `predicted mutating API p99 ${p99 === null ? 'unbounded (the API cannot keep up)' : fmtMs(p99)} breaks the 1 s SLO with every control plane up`,
      why: 'controllers and kubectl time out and retry, which adds load',
      figure: p99 !== null && Number.isFinite(p99) ? { label: 'API p99', value: Math.round(p99), unit: 'ms' } : undefined,
      source: API_SLO,
      subjects: { nodes },
    });
  } else if (r.api?.oneDown && !r.api.oneDown.meetsSlo) {
    const oneDownP99 = r.api.oneDown.p99Ms;
    const lost = oneDownP99 === null || !Number.isFinite(oneDownP99);
    f.push({
      ruleId: 'API-SLO-ONE-DOWN',
      severity: 'warning',
      message: lost
        ? 'with one control plane down the API cannot write at all: quorum is lost'
        : `with one control plane down, predicted mutating API p99 ${fmtMs(oneDownP99 ?? 0)} breaks the 1 s SLO`,
      why: 'a node failure or a rolling upgrade takes one control plane down routinely',
      figure: lost || oneDownP99 === null ? undefined : { label: 'API p99, one down', value: oneDownP99, unit: 'ms' },
      source: API_SLO,
      subjects: { nodes },
    });
  }
  for (const t of r.timers?.findings ?? []) f.push({ ...t, subjects: { ...t.subjects, nodes } });
  // Sizing checks no other rule states (the rest are RA-CP-SIZE, RA-CP-HEADROOM and ETCD-FSYNC), so
  // every verdict below "fits" on hardware in use has a finding behind it.
  for (const v of r.sizing.verdicts) {
    const own = v.inUse ? v.shortfalls.filter((x) => x.ruleId === 'CP-SIZING') : [];
    if (own.length === 0) continue;
    const on = r.members.filter((m) => m.hardwareId === v.hardwareId);
    const severity = own.some((x) => x.severity === 'error') ? 'error' : 'warning';
    f.push({
      ruleId: 'CP-SIZING',
      severity,
      message: `${on.map((m) => m.name).join(', ')} (${v.name}): ${own.map((x) => x.why).join('; ')}`,
      why:
        severity === 'error'
          ? 'etcd writes its WAL and backend on every write: a disk that cannot hold the quota with a defragmentation copy, or cannot sustain the write IOPS, stalls the whole control plane'
          : "etcd's hardware guide sizes CPU and memory by cluster class; below it the node runs, but a failover or a burst of churn leaves no margin",
      source: ETCD_HARDWARE,
      subjects: { nodes: on.map((m) => m.id) },
    });
  }
  return f;
}

function fmtMs(ms: number): string {
  return Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'unbounded (overloaded)';
}

/** CPU-class speed of a member's hardware, against the balanced core the costs are given for. */
function speedOf(m: EtcdMember): number {
  return CPU_CLASS_SPEED[m.place.hardware.cpuClass];
}

function toLatencyInput(
  members: readonly EtcdMember[],
  rttMs: Float64Array,
  a: ControlPlaneAssumptions,
  clientRttMs: number,
  origin: 'spread' | 'leader',
): CommitLatencyInput {
  return {
    names: members.map((m) => m.name),
    fsyncMedianMs: Float64Array.from(members, (m) => m.fsyncMedianMs),
    fsyncSigma: Float64Array.from(members, (m) => m.fsyncSigma),
    fsyncFloorMs: Float64Array.from(members, (m) => fsyncFloorMs(m, a)),
    leaderCpuMs: Float64Array.from(members, (m) => a.leaderCpuUsPerWrite / 1000 / speedOf(m)),
    messageMs: Float64Array.from(members, (m) => a.raftMessageUs / 1000 / speedOf(m)),
    rttMs,
    applyMs: a.applyMs,
    rttJitterSigma: a.rttJitterSigma,
    clientRttMs,
    origin,
  };
}

/** The n × n RTT matrix less one member's row and column: the survivors' RTTs, the same path RTTs without tracing them again. */
function withoutMember(rttMs: Float64Array, n: number, gone: number): Float64Array {
  const m = new Float64Array((n - 1) * (n - 1));
  let k = 0;
  for (let i = 0; i < n; i++) if (i !== gone) for (let j = 0; j < n; j++) if (j !== gone) m[k++] = rttMs[i * n + j];
  return m;
}

/** The fastest one WAL commit can be on this member's disk, ms: IOs per commit at its IOPS (a throttled volume). */
function fsyncFloorMs(m: EtcdMember, a: ControlPlaneAssumptions): number {
  return (1000 * a.fsyncIosPerCommit) / m.disk.randWriteIops;
}

/** n identical members with the given member's disk and CPU and one RTT between every pair (no jitter). */
function uniformLatencyInput(
  size: number,
  like: EtcdMember,
  rttMs: number,
  a: ControlPlaneAssumptions,
  origin: 'spread' | 'leader',
  clientRttMs: number,
): CommitLatencyInput {
  const m = new Float64Array(size * size).fill(rttMs);
  for (let i = 0; i < size; i++) m[i * size + i] = 0;
  const fill = (x: number) => new Float64Array(size).fill(x);
  return {
    names: Array.from({ length: size }, (_, i) => `m${i + 1}`),
    fsyncMedianMs: fill(like.fsyncMedianMs),
    fsyncSigma: fill(like.fsyncSigma),
    fsyncFloorMs: fill(fsyncFloorMs(like, a)),
    leaderCpuMs: fill(a.leaderCpuUsPerWrite / 1000 / speedOf(like)),
    messageMs: fill(a.raftMessageUs / 1000 / speedOf(like)),
    rttMs: m,
    applyMs: a.applyMs,
    rttJitterSigma: 0,
    clientRttMs,
    origin,
  };
}

/**
 * A member's hardware for the throughput model. The disk figures are its own (a measurement, the
 * plan's class bandwidth override, or the class); a network block volume travels over the node's
 * NICs, so its bandwidth is never above them. The mean commit time is the fsync lognormal's mean,
 * never below IOs per commit / IOPS.
 */
function memberCapacity(m: EtcdMember, a: ControlPlaneAssumptions): MemberCapacity {
  const h = m.place.hardware;
  const nicMBps = (h.nics.count * h.nics.speedGbps * 1000) / 8;
  return {
    cores: coreEquivalents(h),
    nicGbps: h.nics.speedGbps,
    diskSeqWriteMBps: m.diskClass === 'network' ? Math.min(m.disk.seqWriteMBps, nicMBps) : m.disk.seqWriteMBps,
    diskIops: m.disk.randWriteIops,
    fsyncMeanMs: Math.max(fsyncFloorMs(m, a), m.fsyncMedianMs * Math.exp((m.fsyncSigma * m.fsyncSigma) / 2)),
  };
}

/** Per-member read costs in ms: request CPU (serializable), the ReadIndex extra, and one message. */
interface ReadCosts {
  serializableMs: number[];
  linearizableExtraMs: number[];
  messageMs: number[];
}

function readCosts(members: readonly EtcdMember[], a: ControlPlaneAssumptions): ReadCosts {
  return {
    serializableMs: members.map((m) => a.cpuUsPerRead / 1000 / speedOf(m)),
    linearizableExtraMs: members.map((m) => a.cpuUsPerLinearizableRead / 1000 / speedOf(m)),
    messageMs: members.map((m) => a.raftMessageUs / 1000 / speedOf(m)),
  };
}

/**
 * Unloaded read latency, ms, averaged over origins spread evenly on members (or the leader's alone
 * when reads target it). Serializable: client RTT + the member's request CPU (gRPC, range over the
 * index, encode). Linearizable (ReadIndex): + the leader's ReadIndex CPU, + forwarding from a
 * follower (RTT and a message each side), + the leader's heartbeat round to a quorum (the
 * (q−1)-th smallest follower RTT, a message each side); no fsync.
 */
export function readBaseLatency(
  rttMs: ArrayLike<number>,
  n: number,
  leader: number,
  costs: ReadCosts,
  clientRttMs: number,
  target: 'leader' | 'all' = 'all',
): { linearizable: number; serializable: number } {
  const k = quorumSize(n) - 1;
  const origins = target === 'leader' ? [leader] : Array.from({ length: n }, (_, i) => i);
  const fromLeader: number[] = [];
  for (let j = 0; j < n; j++) if (j !== leader) fromLeader.push(rttMs[leader * n + j] + 2 * (costs.messageMs[leader] + costs.messageMs[j]));
  fromLeader.sort((x, y) => x - y);
  const heartbeat = k === 0 ? 0 : fromLeader[k - 1];
  let serializable = 0;
  let forward = 0;
  for (const o of origins) {
    serializable += costs.serializableMs[o];
    if (o !== leader) forward += rttMs[o * n + leader] + 2 * (costs.messageMs[o] + costs.messageMs[leader]);
  }
  serializable /= origins.length;
  forward /= origins.length;
  return {
    serializable: clientRttMs + serializable,
    linearizable: clientRttMs + serializable + costs.linearizableExtraMs[leader] + forward + heartbeat,
  };
}

function throughputCurve(
  input: ThroughputInput,
  baseWriteMs: number,
  readBase: { linearizable: number; serializable: number },
  target: 'leader' | 'all',
): ThroughputCurve {
  const w = writeCapacities(input);
  const n = input.followers.length + 1;
  const k = quorumSize(n) - 1;
  const followerFsync = input.followers.map((f) => f.fsyncMeanMs).sort((x, y) => x - y);
  const commitFsyncMs = Math.max(input.leader.fsyncMeanMs, k === 0 ? 0 : followerFsync[k - 1]);
  const read = (consistency: 'linearizable' | 'serializable'): ReadCurve => {
    const c = readCapacity(input, consistency, target);
    const service: LoadService = { maxPerS: c.max, baseLatencyMs: readBase[consistency], fsyncMs: 0 };
    return { baseLatencyMs: readBase[consistency], maxPerS: c.max, bottleneck: c.bottleneck, closedLoop: closedLoop(service, CONCURRENCY_STEPS) };
  };
  const capacityPerS = Object.fromEntries(Object.entries(w.perS).map(([key, v]) => [key, Number.isFinite(v) ? v : null])) as Record<
    WriteBottleneck,
    number | null
  >;
  return {
    members: n,
    baseWriteLatencyMs: baseWriteMs,
    commitFsyncMs,
    maxWritesPerS: w.max,
    bottleneck: w.bottleneck,
    capacityPerS,
    closedLoop: closedLoop({ maxPerS: w.max, baseLatencyMs: baseWriteMs, fsyncMs: commitFsyncMs }, CONCURRENCY_STEPS),
    linearizableReads: read('linearizable'),
    serializableReads: read('serializable'),
  };
}

function rttSummary(members: readonly EtcdMember[], flat: Float64Array): ControlPlaneReport['rtt'] {
  const n = members.length;
  const matrixMs = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      max = Math.max(max, flat[i * n + j]);
      sum += flat[i * n + j];
    }
  const pairs = (n * (n - 1)) / 2;
  return { names: members.map((m) => m.name), matrixMs, maxMs: max, meanMs: pairs > 0 ? sum / pairs : 0 };
}
